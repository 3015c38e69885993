package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.clathrin.classifier.Classifiers;
import io.github.clathrin.classifier.CrossValidation;
import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.encoders.Sample;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * The study's evaluation: each encoder learns from all structures (unsupervised, as in the method),
 * then an SVM is scored by stratified k-fold cross-validation on the labelled structures, with its
 * hyper-parameters chosen inside each training fold only. The hand-made features also get the
 * logistic-regression baseline row that the lab used before.
 */
public final class EvaluationProtocol {

	/** The name of the baseline row: hand-made features + logistic regression. */
	public static final String BASELINE = "lab+logistic";

	/** One row of the table: what was evaluated, its cross-validated result and its wall time. */
	public record Row(String name, Evaluation evaluation, double seconds) {}

	/** All rows, in the order asked for, plus the data set summary. */
	public record Report(List<Row> rows, List<String> classNames, int structures, int labelled, int folds) {

		/** A plain-text table for terminals and logs. */
		public String table() {
			StringBuilder sb = new StringBuilder();
			sb.append(String.format(Locale.ROOT, "%d-fold cross-validation on %d labelled of %d structures%n",
				folds, labelled, structures));
			sb.append(String.format(Locale.ROOT, "%-14s %9s", "encoder", "accuracy"));
			for (String c : classNames) sb.append(String.format(Locale.ROOT, " %10s", trim(c)));
			sb.append(String.format(Locale.ROOT, " %9s%n", "seconds"));
			for (Row r : rows) {
				sb.append(String.format(Locale.ROOT, "%-14s %9.3f", r.name(), r.evaluation().accuracy()));
				for (double a : r.evaluation().perClassAccuracy()) sb.append(String.format(Locale.ROOT, " %10.3f", a));
				sb.append(String.format(Locale.ROOT, " %9.2f%n", r.seconds()));
			}
			sb.append("(per-class columns: accuracy on the structures of that class)");
			return sb.toString();
		}

		/** The JSON shape of `evaluate --json`: accuracy and seconds per row, plus details. */
		public Map<String, Object> toMap() {
			Map<String, Object> acc = new LinkedHashMap<>(), secs = new LinkedHashMap<>(),
				details = new LinkedHashMap<>();
			for (Row r : rows) {
				acc.put(r.name(), r.evaluation().accuracy());
				secs.put(r.name(), r.seconds());
				details.put(r.name(), r.evaluation().toMap());
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("accuracy", acc);
			m.put("seconds", secs);
			m.put("classNames", classNames);
			m.put("structures", structures);
			m.put("labelled", labelled);
			m.put("folds", folds);
			m.put("details", details);
			return m;
		}

		private static String trim(String s) {
			return s.length() <= 10 ? s : s.substring(0, 9) + "~";
		}
	}

	private EvaluationProtocol() {}

	public static Report run(StructureSet set, VoxelConfig voxels, List<String> encoders, int folds, long seed,
		Progress progress)
	{
		if (folds < 2) throw new IllegalArgumentException("folds must be at least 2, got " + folds);
		for (String e : encoders) Encoders.create(e, Map.of()); // fail on a bad name before any work
		Training.Labelled labelled = Training.Labelled.of(set);
		Featurizer.Samples all = Featurizer.samples(set.structures(), voxels, progress);
		List<Sample> labelledSamples = new ArrayList<>();
		for (int i : labelled.indices()) labelledSamples.add(all.samples().get(i));

		List<Row> rows = new ArrayList<>();
		for (String name : encoders) {
			long start = System.nanoTime();
			Encoder encoder = Encoders.create(name, Map.of());
			progress.report("Fitting " + name, 0, 1);
			encoder.fit(all.samples(), seed, progress);
			double[][] x = Encoders.encodeAll(encoder, labelledSamples, progress);
			double encodeSeconds = (System.nanoTime() - start) / 1e9;
			rows.add(crossValidate(name, "svm", x, labelled, folds, seed, progress, start));
			if (name.equals("lab")) rows.add(crossValidate(BASELINE, "logistic", x, labelled, folds, seed, progress,
				System.nanoTime() - (long) (encodeSeconds * 1e9)));
		}
		return new Report(rows, labelled.classNames(), set.structures().size(), labelled.indices().length, folds);
	}

	private static Row crossValidate(String row, String classifier, double[][] x, Training.Labelled labelled,
		int folds, long seed, Progress progress, long start)
	{
		progress.report("Cross-validating " + row, 0, folds);
		Evaluation ev = CrossValidation.run(x, labelled.y(), labelled.classNames().size(), labelled.classNames(),
			() -> Classifiers.create(classifier), folds, seed, progress);
		return new Row(row, ev, (System.nanoTime() - start) / 1e9);
	}
}
