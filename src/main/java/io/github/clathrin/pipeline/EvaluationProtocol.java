package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.classifier.Classifier;
import io.github.clathrin.classifier.Classifiers;
import io.github.clathrin.classifier.LabelSpreading;
import io.github.clathrin.classifier.CrossValidation;
import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.encoders.Autoencoder;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.encoders.LabFeaturesEncoder;
import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.pipeline.EvaluationReport.Row;
import io.github.clathrin.pipeline.EvaluationReport.SplitSizes;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * The study's evaluation: each encoder learns from all structures (unsupervised, as in the method),
 * then an SVM is scored by stratified k-fold cross-validation on the labelled structures, with its
 * hyper-parameters chosen inside each training fold only. A benchmark with an official train/test split
 * is scored on that split instead, with every encoder and classifier learning from the training split
 * only. The hand-made features also get the logistic-regression baseline row that the lab used before.
 * The result is an {@link EvaluationReport}; an official split is read by {@link OfficialSplit}.
 */
public final class EvaluationProtocol {

	/** The name of the baseline row: hand-made features + logistic regression. */
	public static final String BASELINE = "lab+logistic";

	/**
	 * What to evaluate.
	 *
	 * @param encoders encoder names, in report order
	 * @param encoderOptions options per encoder name (absent = defaults)
	 * @param folds cross-validation folds
	 * @param seed seed for every random choice
	 * @param enlargement augmented copies and label spreading; with spreading, each unsupervised encoder
	 *     gets a second row "name+spread"
	 */
	public record Settings(List<String> encoders, Map<String, Map<String, Object>> encoderOptions, int folds, long seed,
		Enlargement enlargement)
	{
		public Settings {
			encoders = List.copyOf(encoders);
			encoderOptions = Map.copyOf(encoderOptions);
			if (enlargement == null) enlargement = Enlargement.NONE;
			if (folds < 2) throw new IllegalArgumentException("folds must be at least 2, got " + folds);
		}

		public static Settings of(List<String> encoders, int folds, long seed) {
			return new Settings(encoders, Map.of(), folds, seed, Enlargement.NONE);
		}

		Map<String, Object> options(String encoder) {
			return encoderOptions.getOrDefault(encoder, Map.of());
		}
	}

	/** Positions into the labelled structures of a fixed split's parts; null everywhere means k-fold. */
	private record Positions(int[] train, int[] test) {}

	/** The suffix of the rows whose classifier also learned from spread labels. */
	public static final String SPREAD = "+spread";

	private EvaluationProtocol() {}

	public static EvaluationReport run(StructureSet set, VoxelConfig voxels, List<String> encoders, int folds, long seed,
		Progress progress)
	{
		return run(set, voxels, Settings.of(encoders, folds, seed), progress);
	}

	public static EvaluationReport run(StructureSet set, VoxelConfig voxels, Settings settings, Progress progress) {
		for (String e : settings.encoders()) Encoders.create(e, settings.options(e)); // fail on a bad name before any work
		Training.Labelled labelled = Training.Labelled.of(set);
		Featurizer.Samples all = Featurizer.samples(set.structures(), voxels, progress);
		int[] everyone = IntStream.range(0, all.samples().size()).toArray();
		List<Row> rows = new ArrayList<>();
		Map<String, Double> reconstruction = new LinkedHashMap<>();
		for (String name : settings.encoders())
			rows.addAll(rowsFor(name, all.samples(), everyone, labelled, voxels, settings, reconstruction, progress));
		return new EvaluationReport(rows, labelled.classNames(), set.structures().size(), labelled.indices().length,
			settings.folds(), reconstruction);
	}

	/**
	 * Scores every encoder on an official split: unsupervised encoders learn from the training volumes
	 * only, the classifier (and its cross-validated hyper-parameter search) sees only their encodings, a
	 * supervised encoder trains on them, and the rows report accuracy on the test volumes. Augmented
	 * copies are made of training volumes only; {@code settings.folds()} does not apply.
	 *
	 * @throws InputException with label spreading: the training split has no unlabelled volumes to spread to
	 */
	public static EvaluationReport run(OfficialSplit data, VoxelConfig voxels, Settings settings, Progress progress) {
		for (String e : settings.encoders()) Encoders.create(e, settings.options(e));
		if (settings.enlargement().spreads())
			throw new InputException("label spreading needs unlabelled structures, but every volume of an official "
				+ "split is labelled (and the test split must stay unseen)");
		Training.Labelled labelled = data.labelled();
		int nTrain = data.train().length, n = labelled.indices().length;
		Positions fixed = new Positions(IntStream.range(0, nTrain).toArray(), IntStream.range(nTrain, n).toArray());
		Featurizer.Samples all = Featurizer.samples(data.structures().structures(), voxels, progress);
		List<Row> rows = new ArrayList<>();
		Map<String, Double> reconstruction = new LinkedHashMap<>();
		for (String name : settings.encoders())
			rows.addAll(rowsFor(name, all.samples(), data.train(), labelled, fixed, voxels, settings, reconstruction,
				progress));
		return new EvaluationReport(rows, labelled.classNames(), data.structures().size(), n, settings.folds(), reconstruction,
			new SplitSizes(nTrain, n - nTrain));
	}

	static List<Row> rowsFor(String name, List<Sample> samples, int[] pool, Training.Labelled labelled,
		VoxelConfig voxels, Settings settings, Map<String, Double> reconstruction, Progress progress)
	{
		return rowsFor(name, samples, pool, labelled, null, voxels, settings, reconstruction, progress);
	}

	/**
	 * The rows of one encoder. Unsupervised encoders learn from the structures in {@code pool} (labelled
	 * or not: no labels are used) once; the classifier and everything label-dependent is then learned
	 * inside each fold. Supervised encoders are refitted inside each fold on its labelled structures.
	 * With {@code fixed} positions, the one "fold" is that split.
	 */
	private static List<Row> rowsFor(String name, List<Sample> samples, int[] pool, Training.Labelled labelled,
		Positions fixed, VoxelConfig voxels, Settings settings, Map<String, Double> reconstruction, Progress progress)
	{
		long start = System.nanoTime();
		Enlargement more = settings.enlargement();
		Augmenter augmenter = new Augmenter(voxels, more.augmentation(), settings.seed());
		int[] li = labelled.indices();
		int k = labelled.classNames().size();
		Encoder probe = Encoders.create(name, settings.options(name));
		if (probe instanceof SupervisedEncoder) {
			Map<String, Integer> choices = new LinkedHashMap<>();
			Evaluation ev = score(labelled, fixed, settings, progress, (train, test, foldSeed, fp) -> {
				SupervisedEncoder cnn = (SupervisedEncoder) Encoders.create(name, settings.options(name));
				List<Sample> trainSamples = pick(samples, li, train);
				int[] trainY = new int[train.length];
				for (int t = 0; t < train.length; t++) trainY[t] = labelled.y()[train[t]];
				cnn.fitLabelled(trainSamples, trainY, k, augmenter, foldSeed, fp);
				if (cnn instanceof AutomaticChoice auto) choices.merge(auto.chosen(), 1, Integer::sum);
				double[][] out = Encoders.encodeAll(cnn, pick(samples, li, test), fp);
				if (!more.testTime()) return out;
				// Its encodings are class probabilities already: average them over the held-out structures' copies.
				int[] held = pick(li, test);
				double[][][] copies = Encodings.copies(cnn, samples, held, augmenter, fp);
				for (int t = 0; t < held.length; t++) out[t] = TestTimeAveraging.mean(out[t], copies[held[t]]);
				return out;
			});
			return List.of(checked(new Row(name, ev, seconds(start), choiceNote(name, choices)), null));
		}

		Encoder encoder = probe;
		progress.report("Fitting " + name, 0, 1);
		List<Sample> fitSamples = new ArrayList<>(pool.length);
		for (int i : pool) fitSamples.add(samples.get(i));
		encoder.fit(fitSamples, augmenter, settings.seed(), progress);
		if (encoder instanceof Autoencoder ae) reconstruction.put(name, Reconstructions.meanSquaredError(ae, fitSamples,
			progress));
		int[] unlabelled = more.spreads() ? unlabelledIn(pool, li) : new int[0];
		int[] needed = concat(li, unlabelled);
		double[][] codes = Encodings.of(encoder, samples, needed, progress);
		// Copies join a classifier's training set, and with test-time augmentation are averaged over when predicting:
		// on a fixed split without it, only the training structures need them.
		int[] copied = fixed == null || more.testTime() ? li : pick(li, fixed.train());
		double[][][] copies = Encodings.copies(encoder, samples, copied, augmenter, progress);
		double encodeSeconds = seconds(start);

		List<Row> rows = new ArrayList<>();
		rows.add(checked(crossValidate(name, "svm", codes, copies, labelled, fixed, new int[0], null, settings, progress,
			encodeSeconds), codes));
		if (more.spreads()) rows.add(checked(crossValidate(name + SPREAD, "svm", codes, copies, labelled, fixed,
			unlabelled, more.spreading(), settings, progress, encodeSeconds), codes));
		if (name.equals(LabFeaturesEncoder.NAME)) rows.add(checked(crossValidate(BASELINE, "logistic", codes, copies,
			labelled, fixed, new int[0], null, settings, progress, encodeSeconds), codes));
		return rows;
	}

	private static Row crossValidate(String row, String classifier, double[][] codes, double[][][] copies,
		Training.Labelled labelled, Positions fixed, int[] unlabelled, LabelSpreading.Options spreading,
		Settings settings, Progress progress, double encodeSeconds)
	{
		long start = System.nanoTime();
		int[] li = labelled.indices();
		int k = labelled.classNames().size();
		if (fixed == null) progress.report("Cross-validating " + row, 0, settings.folds());
		else progress.report("Training " + row, 0, 1);
		Evaluation ev = score(labelled, fixed, settings, progress, (train, test, foldSeed, fp) -> {
			int[] trainStructures = new int[train.length], trainY = new int[train.length];
			for (int t = 0; t < train.length; t++) {
				trainStructures[t] = li[train[t]];
				trainY[t] = labelled.y()[train[t]];
			}
			ClassifierTrainingSet.Built built = ClassifierTrainingSet.build(codes, copies, trainStructures, trainY,
				unlabelled, k, spreading, fp);
			Classifier c = Classifiers.create(classifier);
			c.fit(built.x(), built.y(), k, foldSeed, fp);
			double[][] out = new double[test.length][];
			boolean averaged = settings.enlargement().testTime() && copies != null;
			for (int t = 0; t < test.length; t++) {
				int structure = li[test[t]];
				out[t] = TestTimeAveraging.probabilities(c, codes[structure], averaged ? copies[structure] : null);
			}
			return out;
		});
		return new Row(row, ev, encodeSeconds + seconds(start));
	}

	/**
	 * The row with a warning in its note when its encoding collapsed ({@link CollapseCheck}): its codes (null for
	 * a supervised encoder, whose codes are made per fold) do not vary, or its held-out predictions are one class.
	 */
	private static Row checked(Row row, double[][] codes) {
		Evaluation ev = row.evaluation();
		List<String> notes = new ArrayList<>();
		if (!row.note().isEmpty()) notes.add(row.note());
		CollapseCheck.of(row.name(), codes, ev.truth(), ev.predicted(), ev.classNames(), "held-out structures")
			.forEach(w -> notes.add("warning: " + w));
		return new Row(row.name(), ev, row.seconds(), String.join("\n", notes));
	}

	/** "auto chose: lab+pca in 4 folds, lab in 1", most frequent first; empty when nothing chose. */
	private static String choiceNote(String row, Map<String, Integer> choices) {
		if (choices.isEmpty()) return "";
		List<Map.Entry<String, Integer>> sorted = new ArrayList<>(choices.entrySet());
		sorted.sort((a, b) -> b.getValue() - a.getValue()); // stable: ties keep the order of first choice
		StringBuilder sb = new StringBuilder(row).append(" chose: ");
		for (int i = 0; i < sorted.size(); i++) {
			Map.Entry<String, Integer> e = sorted.get(i);
			if (i > 0) sb.append(", ");
			sb.append(e.getKey()).append(" in ").append(e.getValue()).append(i == 0 ? (e.getValue() == 1 ? " fold" : " folds") : "");
		}
		return sb.toString();
	}

	/** K-fold cross-validation over the labelled structures, or the one fixed split. */
	private static Evaluation score(Training.Labelled labelled, Positions fixed, Settings settings, Progress progress,
		CrossValidation.FoldModel model)
	{
		int k = labelled.classNames().size();
		if (fixed == null) return CrossValidation.run(labelled.y(), k, labelled.classNames(), settings.folds(),
			settings.seed(), progress, model);
		return CrossValidation.fixedSplit(labelled.y(), k, labelled.classNames(), fixed.train(), fixed.test(),
			settings.seed(), progress, model);
	}

	private static int[] pick(int[] structures, int[] positions) {
		int[] out = new int[positions.length];
		for (int p = 0; p < positions.length; p++) out[p] = structures[positions[p]];
		return out;
	}

	private static List<Sample> pick(List<Sample> samples, int[] structures, int[] positions) {
		List<Sample> out = new ArrayList<>(positions.length);
		for (int p : positions) out.add(samples.get(structures[p]));
		return out;
	}

	private static int[] unlabelledIn(int[] pool, int[] labelled) {
		java.util.Set<Integer> l = new java.util.HashSet<>();
		for (int i : labelled) l.add(i);
		return IntStream.of(pool).filter(i -> !l.contains(i)).toArray();
	}

	private static int[] concat(int[] a, int[] b) {
		int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
