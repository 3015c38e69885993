package io.github.clathrin.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.clathrin.pipeline.EvaluationReport.Row;

/** The JSON shape of an {@link EvaluationReport}, as `evaluate --json` writes it (docs/formats.md). */
final class EvaluationJson {

	private EvaluationJson() {}

	/**
	 * Accuracy, its 95 % Wilson interval, the number of scored structures and seconds per row, plus
	 * details.
	 */
	static Map<String, Object> of(EvaluationReport report) {
		Map<String, Object> acc = new LinkedHashMap<>(), secs = new LinkedHashMap<>(),
			details = new LinkedHashMap<>(), notes = new LinkedHashMap<>(), ci = new LinkedHashMap<>(),
			scored = new LinkedHashMap<>();
		for (Row r : report.rows()) {
			acc.put(r.name(), r.evaluation().accuracy());
			double[] interval = r.evaluation().accuracyInterval();
			ci.put(r.name(), Double.isNaN(interval[0]) ? null : List.of(interval[0], interval[1]));
			scored.put(r.name(), r.evaluation().n());
			secs.put(r.name(), r.seconds());
			details.put(r.name(), r.evaluation().toMap());
			if (!r.note().isEmpty()) notes.put(r.name(), r.note());
		}
		EvaluationReport.SplitSizes split = report.split();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("accuracy", acc);
		m.put("accuracyCi95", ci);
		m.put("n", scored);
		m.put("seconds", secs);
		m.put("classNames", report.classNames());
		m.put("structures", report.structures());
		m.put("labelled", report.labelled());
		if (split == null) m.put("folds", report.folds());
		else m.put("split", Map.of("train", split.train(), "test", split.test()));
		if (!report.reconstruction().isEmpty()) m.put("reconstructionError", report.reconstruction());
		m.put("details", details);
		if (!notes.isEmpty()) m.put("notes", notes);
		return m;
	}
}
