package io.github.clathrin.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.clathrin.classifier.Evaluation;

/**
 * The result of an {@link EvaluationProtocol} run: all rows, in the order asked for, plus the data set summary.
 * {@link #table()} and {@link #toMap()} give its two printed forms ({@link EvaluationTable}, {@link EvaluationJson}).
 *
 * @param split the official split's sizes when the rows were scored on it, or null for k-fold
 *     cross-validation (then {@code folds} applies)
 */
public record EvaluationReport(List<Row> rows, List<String> classNames, int structures, int labelled, int folds,
	Map<String, Double> reconstruction, SplitSizes split)
{
	/**
	 * One row of the table: what was evaluated, its cross-validated result, its wall time, and a note
	 * printed under the table (e.g. which candidate auto chose in each fold), empty for none.
	 */
	public record Row(String name, Evaluation evaluation, double seconds, String note) {

		public Row {
			if (note == null) note = "";
		}

		public Row(String name, Evaluation evaluation, double seconds) {
			this(name, evaluation, seconds, "");
		}
	}

	/** The sizes of an official split's parts. */
	public record SplitSizes(int train, int test) {}

	public EvaluationReport {
		rows = List.copyOf(rows);
		reconstruction = Collections.unmodifiableMap(new LinkedHashMap<>(reconstruction));
	}

	public EvaluationReport(List<Row> rows, List<String> classNames, int structures, int labelled, int folds,
		Map<String, Double> reconstruction)
	{
		this(rows, classNames, structures, labelled, folds, reconstruction, null);
	}

	public EvaluationReport(List<Row> rows, List<String> classNames, int structures, int labelled, int folds) {
		this(rows, classNames, structures, labelled, folds, Map.of());
	}

	/** How the rows were scored, in words: "5-fold cross-validation" or "official split: 300 train, 300 test". */
	public String protocol() {
		return split == null ? folds + "-fold cross-validation"
			: "official split: " + split.train() + " train, " + split.test() + " test";
	}

	/** A plain-text table for terminals and logs ({@link EvaluationTable}). */
	public String table() {
		return EvaluationTable.of(this);
	}

	/** The JSON shape of `evaluate --json` ({@link EvaluationJson}). */
	public Map<String, Object> toMap() {
		return EvaluationJson.of(this);
	}
}
