package io.github.clathrin.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.pipeline.EvaluationReport.Row;

/** Formats an {@link EvaluationReport} as the plain-text table that `evaluate` prints. */
final class EvaluationTable {

	private EvaluationTable() {}

	/** A plain-text table for terminals and logs. */
	static String of(EvaluationReport report) {
		List<Row> rows = report.rows();
		List<String> classNames = report.classNames();
		Map<String, Double> reconstruction = report.reconstruction();
		boolean kFold = report.split() == null;
		StringBuilder sb = new StringBuilder();
		if (kFold) sb.append(String.format(Locale.ROOT, "%d-fold cross-validation on %d labelled of %d structures%n",
			report.folds(), report.labelled(), report.structures()));
		else sb.append(String.format(Locale.ROOT, "%s (accuracy on the test split; encoders and classifiers learned "
			+ "from the training split only)%n", report.protocol()));
		int w = 14;
		for (Row r : rows) w = Math.max(w, r.name().length());
		String name = "%-" + w + "s";
		sb.append(String.format(Locale.ROOT, name + " %9s %12s", "encoder", "accuracy", "95% CI"));
		for (String c : classNames) sb.append(String.format(Locale.ROOT, " %10s", trim(c)));
		sb.append(String.format(Locale.ROOT, " %9s%n", "seconds"));
		for (Row r : rows) {
			sb.append(String.format(Locale.ROOT, name + " %9.3f %12s", r.name(), r.evaluation().accuracy(),
				Evaluation.formatInterval(r.evaluation().accuracyInterval())));
			for (double a : r.evaluation().perClassAccuracy()) sb.append(String.format(Locale.ROOT, " %10.3f", a));
			sb.append(String.format(Locale.ROOT, " %9.2f%n", r.seconds()));
		}
		sb.append(String.format(Locale.ROOT, "(95%% CI: Wilson score interval over the %s scored structures; "
			+ "per-class columns: accuracy on the structures of that class)", scored(rows)));
		for (Row r : rows)
			if (!r.note().isEmpty()) sb.append(String.format(Locale.ROOT, "%n%s", r.note()));
		if (!reconstruction.isEmpty()) {
			sb.append(String.format(Locale.ROOT, "%nreconstruction error (mean squared error per voxel, %s):",
				kFold ? "all structures" : "training structures"));
			reconstruction.forEach((encoder, e) -> sb.append(String.format(Locale.ROOT, "%n  %-14s %.5f", encoder, e)));
		}
		return sb.toString();
	}

	/** How many structures each row's accuracy is over ("280"), or "120 to 280" if rows differ. */
	private static String scored(List<Row> rows) {
		int lo = Integer.MAX_VALUE, hi = 0;
		for (Row r : rows) {
			lo = Math.min(lo, r.evaluation().n());
			hi = Math.max(hi, r.evaluation().n());
		}
		return rows.isEmpty() ? "0" : lo == hi ? Integer.toString(hi) : lo + " to " + hi;
	}

	private static String trim(String s) {
		return s.length() <= 10 ? s : s.substring(0, 9) + "~";
	}
}
