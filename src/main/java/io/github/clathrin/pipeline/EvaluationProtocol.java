package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import io.github.clathrin.structures.Structure;
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
 */
public final class EvaluationProtocol {

	/** The name of the baseline row: hand-made features + logistic regression. */
	public static final String BASELINE = "lab+logistic";

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

	/**
	 * All rows, in the order asked for, plus the data set summary.
	 *
	 * @param split the official split's sizes when the rows were scored on it, or null for k-fold
	 *     cross-validation (then {@code folds} applies)
	 */
	public record Report(List<Row> rows, List<String> classNames, int structures, int labelled, int folds,
		Map<String, Double> reconstruction, SplitSizes split)
	{
		public Report {
			rows = List.copyOf(rows);
			reconstruction = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reconstruction));
		}

		public Report(List<Row> rows, List<String> classNames, int structures, int labelled, int folds,
			Map<String, Double> reconstruction)
		{
			this(rows, classNames, structures, labelled, folds, reconstruction, null);
		}

		public Report(List<Row> rows, List<String> classNames, int structures, int labelled, int folds) {
			this(rows, classNames, structures, labelled, folds, Map.of());
		}

		/** How the rows were scored, in words: "5-fold cross-validation" or "official split: 300 train, 300 test". */
		public String protocol() {
			return split == null ? folds + "-fold cross-validation"
				: "official split: " + split.train() + " train, " + split.test() + " test";
		}

		/** A plain-text table for terminals and logs. */
		public String table() {
			StringBuilder sb = new StringBuilder();
			if (split == null) sb.append(String.format(Locale.ROOT, "%d-fold cross-validation on %d labelled of %d structures%n",
				folds, labelled, structures));
			else sb.append(String.format(Locale.ROOT, "%s (accuracy on the test split; encoders and classifiers learned "
				+ "from the training split only)%n", protocol()));
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
				+ "per-class columns: accuracy on the structures of that class)", scored()));
			for (Row r : rows)
				if (!r.note().isEmpty()) sb.append(String.format(Locale.ROOT, "%n%s", r.note()));
			if (!reconstruction.isEmpty()) {
				sb.append(String.format(Locale.ROOT, "%nreconstruction error (mean squared error per voxel, %s):",
					split == null ? "all structures" : "training structures"));
				reconstruction.forEach((encoder, e) -> sb.append(String.format(Locale.ROOT, "%n  %-14s %.5f", encoder, e)));
			}
			return sb.toString();
		}

		/** How many structures each row's accuracy is over ("280"), or "120 to 280" if rows differ. */
		private String scored() {
			int lo = Integer.MAX_VALUE, hi = 0;
			for (Row r : rows) {
				lo = Math.min(lo, r.evaluation().n());
				hi = Math.max(hi, r.evaluation().n());
			}
			return rows.isEmpty() ? "0" : lo == hi ? Integer.toString(hi) : lo + " to " + hi;
		}

		/**
		 * The JSON shape of `evaluate --json`: accuracy, its 95 % Wilson interval, the number of scored
		 * structures and seconds per row, plus details.
		 */
		public Map<String, Object> toMap() {
			Map<String, Object> acc = new LinkedHashMap<>(), secs = new LinkedHashMap<>(),
				details = new LinkedHashMap<>(), notes = new LinkedHashMap<>(), ci = new LinkedHashMap<>(),
				scored = new LinkedHashMap<>();
			for (Row r : rows) {
				acc.put(r.name(), r.evaluation().accuracy());
				double[] interval = r.evaluation().accuracyInterval();
				ci.put(r.name(), Double.isNaN(interval[0]) ? null : List.of(interval[0], interval[1]));
				scored.put(r.name(), r.evaluation().n());
				secs.put(r.name(), r.seconds());
				details.put(r.name(), r.evaluation().toMap());
				if (!r.note().isEmpty()) notes.put(r.name(), r.note());
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("accuracy", acc);
			m.put("accuracyCi95", ci);
			m.put("n", scored);
			m.put("seconds", secs);
			m.put("classNames", classNames);
			m.put("structures", structures);
			m.put("labelled", labelled);
			if (split == null) m.put("folds", folds);
			else m.put("split", Map.of("train", split.train(), "test", split.test()));
			if (!reconstruction.isEmpty()) m.put("reconstructionError", reconstruction);
			m.put("details", details);
			if (!notes.isEmpty()) m.put("notes", notes);
			return m;
		}

		private static String trim(String s) {
			return s.length() <= 10 ? s : s.substring(0, 9) + "~";
		}
	}

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

	/**
	 * A benchmark with a fixed train/test split, as ready volumes keyed "train/i" and "test/i" (an .npz with
	 * X_train, y_train, X_test, y_test) whose labels are integer class ids 0..k-1.
	 *
	 * @param structures the structures, labelled with their class names
	 * @param train indices of the training structures
	 * @param test indices of the test structures
	 * @param classNames class names in class-id order
	 */
	public record OfficialSplit(StructureSet structures, int[] train, int[] test, List<String> classNames) {

		public static final String TRAIN = "train/", TEST = "test/";

		public OfficialSplit {
			train = train.clone();
			test = test.clone();
			classNames = List.copyOf(classNames);
		}

		@Override
		public int[] train() {
			return train.clone();
		}

		@Override
		public int[] test() {
			return test.clone();
		}

		/**
		 * Finds the split in structures read from such an .npz and names the classes.
		 *
		 * @param source the file, for messages
		 * @param names class names for ids 0..k-1, or null to keep the ids ("0", "1", ...) as names
		 * @throws InputException if a part is missing, a structure has no class id, or the names do not fit the ids
		 */
		public static OfficialSplit of(StructureSet set, String source, List<String> names) {
			List<Structure> all = set.structures();
			List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
			int maxId = -1;
			int[] ids = new int[all.size()];
			for (int i = 0; i < all.size(); i++) {
				Structure s = all.get(i);
				if (s.key().startsWith(TRAIN)) train.add(i);
				else if (s.key().startsWith(TEST)) test.add(i);
				else throw new InputException(source + ": structure '" + s.key() + "' is in neither the train nor the "
					+ "test split (expected arrays X_train and X_test)");
				try {
					ids[i] = s.label() == null ? -1 : Integer.parseInt(s.label());
				}
				catch (NumberFormatException e) {
					ids[i] = -1;
				}
				if (ids[i] < 0) throw new InputException(source + ": structure '" + s.key() + "' has no class id (expected "
					+ "y_train and y_test arrays of integer class ids 0..k-1), got " + s.label());
				maxId = Math.max(maxId, ids[i]);
			}
			if (train.isEmpty() || test.isEmpty())
				throw new InputException(source + ": an official split needs arrays X_train and X_test (with y_train, "
					+ "y_test); found " + train.size() + " training and " + test.size() + " test volumes");
			int k = maxId + 1;
			if (names != null && names.size() != k)
				throw new InputException(source + ": " + names.size() + " class names given (" + String.join(",", names)
					+ ") but the class ids go from 0 to " + maxId + " (" + k + " classes)");
			List<String> classNames = new ArrayList<>();
			for (int c = 0; c < k; c++) {
				String n = names == null ? Integer.toString(c) : names.get(c).trim();
				if (n.isEmpty() || classNames.contains(n))
					throw new InputException("class names must be distinct and not empty, got " + names);
				classNames.add(n);
			}
			int[] trainCount = new int[k];
			for (int i : train) trainCount[ids[i]]++;
			for (int c = 0; c < k; c++)
				if (trainCount[c] < 2) throw new InputException(source + ": class " + c + " (" + classNames.get(c) + ") has "
					+ trainCount[c] + " training volumes; every class needs at least 2");
			List<Structure> named = new ArrayList<>(all.size());
			for (int i = 0; i < all.size(); i++) {
				Structure s = all.get(i);
				named.add(new Structure(s.key(), s.source(), s.points(), classNames.get(ids[i]), s.volume()));
			}
			return new OfficialSplit(new StructureSet(named, set.warnings()), train.stream().mapToInt(Integer::intValue)
				.toArray(), test.stream().mapToInt(Integer::intValue).toArray(), classNames);
		}

		/** The labelled structures, training split first, with class ids by {@link #classNames()}. */
		Training.Labelled labelled() {
			int[] indices = concat(train, test), y = new int[indices.length];
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (String c : classNames) counts.put(c, 0);
			for (int k = 0; k < indices.length; k++) {
				String label = structures.structures().get(indices[k]).label();
				y[k] = classNames.indexOf(label);
				counts.merge(label, 1, Integer::sum);
			}
			return new Training.Labelled(classNames, indices, y, counts);
		}
	}

	/** Positions into the labelled structures of a fixed split's parts; null everywhere means k-fold. */
	private record Positions(int[] train, int[] test) {}

	/** The suffix of the rows whose classifier also learned from spread labels. */
	public static final String SPREAD = "+spread";

	private EvaluationProtocol() {}

	public static Report run(StructureSet set, VoxelConfig voxels, List<String> encoders, int folds, long seed,
		Progress progress)
	{
		return run(set, voxels, Settings.of(encoders, folds, seed), progress);
	}

	public static Report run(StructureSet set, VoxelConfig voxels, Settings settings, Progress progress) {
		for (String e : settings.encoders()) Encoders.create(e, settings.options(e)); // fail on a bad name before any work
		Training.Labelled labelled = Training.Labelled.of(set);
		Featurizer.Samples all = Featurizer.samples(set.structures(), voxels, progress);
		int[] everyone = IntStream.range(0, all.samples().size()).toArray();
		List<Row> rows = new ArrayList<>();
		Map<String, Double> reconstruction = new LinkedHashMap<>();
		for (String name : settings.encoders())
			rows.addAll(rowsFor(name, all.samples(), everyone, labelled, voxels, settings, reconstruction, progress));
		return new Report(rows, labelled.classNames(), set.structures().size(), labelled.indices().length,
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
	public static Report run(OfficialSplit data, VoxelConfig voxels, Settings settings, Progress progress) {
		for (String e : settings.encoders()) Encoders.create(e, settings.options(e));
		if (settings.enlargement().spreads())
			throw new InputException("label spreading needs unlabelled structures, but every volume of an official "
				+ "split is labelled (and the test split must stay unseen)");
		Training.Labelled labelled = data.labelled();
		int nTrain = data.train.length, n = labelled.indices().length;
		Positions fixed = new Positions(IntStream.range(0, nTrain).toArray(), IntStream.range(nTrain, n).toArray());
		Featurizer.Samples all = Featurizer.samples(data.structures().structures(), voxels, progress);
		List<Row> rows = new ArrayList<>();
		Map<String, Double> reconstruction = new LinkedHashMap<>();
		for (String name : settings.encoders())
			rows.addAll(rowsFor(name, all.samples(), data.train, labelled, fixed, voxels, settings, reconstruction,
				progress));
		return new Report(rows, labelled.classNames(), data.structures().size(), n, settings.folds(), reconstruction,
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
			return List.of(new Row(name, ev, seconds(start), choiceNote(name, choices)));
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
		rows.add(crossValidate(name, "svm", codes, copies, labelled, fixed, new int[0], null, settings, progress,
			encodeSeconds));
		if (more.spreads()) rows.add(crossValidate(name + SPREAD, "svm", codes, copies, labelled, fixed, unlabelled,
			more.spreading(), settings, progress, encodeSeconds));
		if (name.equals(LabFeaturesEncoder.NAME)) rows.add(crossValidate(BASELINE, "logistic", codes, copies, labelled,
			fixed, new int[0], null, settings, progress, encodeSeconds));
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
