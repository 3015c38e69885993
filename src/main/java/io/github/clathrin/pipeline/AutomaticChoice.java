package io.github.clathrin.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.classifier.Classifier;
import io.github.clathrin.classifier.Classifiers;
import io.github.clathrin.classifier.StratifiedFolds;
import io.github.clathrin.encoders.ConcatEncoder;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.EncoderState;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.encoders.Options;
import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SampleCopies;

/**
 * The "auto" encoder: scores candidate encoders and ensembles ("lab", "pca", "lab+pca", ...) by
 * stratified cross-validation of an SVM inside the labelled structures it is given, keeps the best,
 * refits it and its SVM on all of them, and encodes a structure as that SVM's class probabilities.
 *
 * <p>Honesty: every fit happens on the given samples only. Inside the inner cross-validation each
 * candidate encoder is fitted on the inner-training samples alone (as it would be when the model
 * meets new structures), the SVM grid search runs on their codes and the held-out codes are scored.
 * A fit whose learned state is byte-for-byte the same as an earlier fold's (encoders that learn
 * nothing, such as lab) reuses that fold's codes instead of encoding again.
 *
 * <p>Why not fit the unsupervised encoders once on all given samples (no labels are used, and the
 * evaluation's unsupervised rows do so)? Because the chosen model meets structures its encoder never
 * saw, and some encoders code those differently from their fit samples: k-means with 100 centroids
 * fitted on ~190 structures scores 0.5 inside on the simulated demo when the held-out structures are
 * left out of its fit, although it would look fine had it seen them. Leaving them out scores each
 * candidate as it will behave.
 */
public final class AutomaticChoice implements SupervisedEncoder {

	public static final String NAME = Encoders.AUTO;

	/**
	 * The default candidates, cheapest first: ties in accuracy go to the earlier one. Names that this
	 * build does not have are dropped at run time.
	 */
	static final List<String> DEFAULT_CANDIDATES = List.of("lab", "capfit", "shells", "pca", "kmeans", "lab+pca",
		"lab+capfit", "lab+shells", "lab+capfit+shells");

	/**
	 * The candidates {@code deep=true} adds: the unsupervised deep encoders and their ensembles with lab.
	 * Ensembles cost no more training than their parts, whose fits are shared.
	 */
	static final List<String> DEEP_CANDIDATES = List.of("dense-ae", "conv-ae", "sparse-conv-ae", "lab+dense-ae",
		"lab+conv-ae", "lab+sparse-conv-ae");

	static final int DEFAULT_FOLDS = 3;
	/** Epochs of each deep candidate's training unless its own epochs option says otherwise. */
	static final int DEFAULT_DEEP_EPOCHS = 10;
	private static final Set<String> OWN_OPTIONS = Set.of("folds", "candidates", "deep", "epochs");
	private static final int STATE_VERSION = 1;

	private final int folds;
	private final List<String> candidates;
	private final boolean candidatesGiven;
	private final boolean deep;
	private final Integer epochsGiven;
	private final Map<String, Map<String, Object>> encoderOptions;

	private Map<String, Object> loadedParameters;
	private String chosen;
	private final Map<String, Double> scores = new LinkedHashMap<>();
	private final Map<String, String> skipped = new LinkedHashMap<>();
	private Encoder encoder;
	private Classifier classifier;
	private int numClasses;

	private AutomaticChoice(int folds, List<String> candidates, boolean candidatesGiven, boolean deep, Integer epochsGiven,
		Map<String, Map<String, Object>> encoderOptions)
	{
		this.folds = folds;
		this.candidates = List.copyOf(candidates);
		this.candidatesGiven = candidatesGiven;
		this.deep = deep;
		this.epochsGiven = epochsGiven;
		this.encoderOptions = encoderOptions;
	}

	/**
	 * Options: folds (inner folds, default 3), candidates (names or '+'-joined ensembles, separated by
	 * ',' or ';', or a list; default the fast encoders this build has and their ensembles with lab),
	 * deep (true/false, default false: also the unsupervised deep encoders and their ensembles with lab),
	 * epochs (of every deep candidate's training, default 10; a candidate's own epochs option wins), and
	 * encoder.key for a candidate encoder's options wherever it appears (e.g. pca.components=20).
	 * Deep encoders are candidates only when named or with deep=true; supervised ones never.
	 */
	public static AutomaticChoice fromOptions(Map<String, Object> options) {
		Map<String, Object> o = options == null ? Map.of() : options;
		Map<String, Object> own = new HashMap<>();
		Map<String, Map<String, Object>> perEncoder = new LinkedHashMap<>();
		for (Map.Entry<String, Object> e : o.entrySet()) {
			String key = e.getKey();
			int dot = key.indexOf('.');
			if (OWN_OPTIONS.contains(key)) own.put(key, e.getValue());
			else if (dot > 0 && Encoders.names().contains(key.substring(0, dot)))
				perEncoder.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>()).put(key.substring(dot + 1),
					e.getValue());
			else throw new IllegalArgumentException("unknown option '" + key + "' for encoder auto; known: folds, "
				+ "candidates, and encoder.option for a candidate's options (e.g. pca.components=20)");
		}
		Options opts = new Options(NAME, own, OWN_OPTIONS);
		int folds = opts.intValue("folds", DEFAULT_FOLDS, 2);
		if (folds > 20) throw new IllegalArgumentException("auto option folds must be at most 20, got " + folds);
		boolean deep = opts.booleanValue("deep", false);
		Integer epochs = own.containsKey("epochs") ? opts.intValue("epochs", DEFAULT_DEEP_EPOCHS, 1) : null;
		boolean given = own.containsKey("candidates");
		if (given && deep) throw new IllegalArgumentException("auto: give deep=true or candidates, not both (name the "
			+ "deep encoders you want among the candidates, e.g. candidates=lab,pca,conv-ae)");
		List<String> candidates = given ? parseCandidates(own.get("candidates")) : defaultCandidates(deep);
		// Every deep candidate trains for the same, stated number of epochs unless its own option says otherwise.
		for (String c : candidates)
			for (String part : c.split("\\+"))
				if (Encoders.isDeep(part) && !Encoders.isSupervised(part))
					perEncoder.computeIfAbsent(part, k -> new LinkedHashMap<>()).putIfAbsent("epochs",
						epochs == null ? DEFAULT_DEEP_EPOCHS : epochs);
		AutomaticChoice a = new AutomaticChoice(folds, candidates, given, deep, epochs, perEncoder);
		Set<String> used = new java.util.HashSet<>();
		for (String c : candidates) used.addAll(a.partsOf(c));
		for (String e : perEncoder.keySet())
			if (!used.contains(e)) throw new IllegalArgumentException("auto has options for " + e
				+ ", which is not among its candidates " + candidates);
		for (String c : candidates) a.newEncoder(c); // checks names and options now, not after a long read
		return a;
	}

	/** The default candidates whose encoders exist in this build, with the deep ones when asked. */
	static List<String> defaultCandidates(boolean deep) {
		List<String> all = new ArrayList<>(DEFAULT_CANDIDATES);
		if (deep) all.addAll(DEEP_CANDIDATES);
		List<String> out = new ArrayList<>();
		for (String c : all)
			if (Arrays.stream(c.split("\\+")).allMatch(Encoders.names()::contains)) out.add(c);
		return out;
	}

	private static List<String> parseCandidates(Object value) {
		List<String> raw = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object v : list) raw.addAll(Arrays.asList(String.valueOf(v).split("[,;]")));
		} else if (value instanceof String s) {
			raw.addAll(Arrays.asList(s.split("[,;]")));
		} else {
			throw new IllegalArgumentException("auto option candidates must be encoder names separated by ',' or ';' "
				+ "(e.g. lab,pca,lab+pca), got " + value);
		}
		List<String> out = new ArrayList<>();
		for (String r : raw) {
			String c = r.trim().replace(" ", "");
			if (c.isEmpty()) continue;
			if (!out.contains(c)) out.add(c);
		}
		if (out.isEmpty()) throw new IllegalArgumentException("auto option candidates names no encoder");
		return out;
	}

	/** The encoder names of a candidate: one, or the parts of an ensemble. */
	private List<String> partsOf(String candidate) {
		if (candidate.contains("+")) return ConcatEncoder.parts(candidate);
		if (candidate.equals(NAME) || candidate.equals(ConcatEncoder.NAME))
			throw new IllegalArgumentException("auto candidate " + candidate + " is not allowed; write ensembles as "
				+ "lab+pca");
		if (!Encoders.names().contains(candidate))
			throw new IllegalArgumentException("auto candidate '" + candidate + "' is not an encoder; choose from "
				+ Encoders.names() + " or join them with '+'");
		if (Encoders.isSupervised(candidate)) throw new IllegalArgumentException("auto candidate " + candidate
			+ " learns from labels (supervised); auto chooses among unsupervised encoders");
		return List.of(candidate);
	}

	private Encoder newEncoder(String candidate) {
		List<String> parts = partsOf(candidate);
		try {
			if (parts.size() == 1) return Encoders.create(candidate, encoderOptions.get(candidate));
			return ConcatEncoder.fromOptions(concatOptions(candidate, parts));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("auto candidate " + candidate + ": " + e.getMessage(), e);
		}
	}

	private Map<String, Object> concatOptions(String candidate, List<String> parts) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(ConcatEncoder.OF, candidate);
		for (String p : parts) encoderOptions.getOrDefault(p, Map.of()).forEach((k, v) -> m.put(p + "." + k, v));
		return m;
	}

	/** The candidates this encoder scores, in tie-breaking order. */
	public List<String> candidates() {
		return candidates;
	}

	/** The chosen candidate, e.g. "lab+pca"; only after fitting. */
	public String chosen() {
		if (chosen == null) throw new IllegalStateException("auto encoder is not fitted");
		return chosen;
	}

	/** Each scored candidate's inner cross-validated accuracy, in scoring order; only after fitting. */
	public Map<String, Double> scores() {
		return java.util.Collections.unmodifiableMap(scores);
	}

	/** The chosen, fitted encoder whose codes the SVM reads. */
	public Encoder chosenEncoder() {
		if (encoder == null) throw new IllegalStateException("auto encoder is not fitted");
		return encoder;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void fitLabelled(List<Sample> samples, int[] y, int numClasses, SampleCopies augmenter, long seed,
		Progress progress)
	{
		int n = samples.size();
		if (n == 0) throw new IllegalArgumentException("no samples to fit");
		if (y.length != n) throw new IllegalArgumentException(n + " samples but " + y.length + " labels");
		if (numClasses < 2) throw new IllegalArgumentException("auto needs at least 2 classes, got " + numClasses);
		scores.clear();
		skipped.clear();
		Fits fits = new Fits(samples, augmenter);
		String best = null;
		if (n >= 2 * folds) {
			int[] fold = StratifiedFolds.assign(y, folds, mix(seed, 1));
			double bestScore = Double.NEGATIVE_INFINITY;
			for (int ci = 0; ci < candidates.size(); ci++) {
				progress.checkCancelled();
				String c = candidates.get(ci);
				String stage = "auto: scoring " + c + " (" + (ci + 1) + "/" + candidates.size() + ")";
				progress.report(stage, ci, candidates.size());
				double score;
				try {
					score = score(c, fits, fold, y, numClasses, seed, progress.prefixed(stage + ", "));
				} catch (IllegalArgumentException e) {
					// e.g. kmeans asked for more centroids than there are samples: the others still compete
					skipped.put(c, e.getMessage());
					continue;
				}
				scores.put(c, score);
				// Strictly better only: ties keep the earlier, cheaper candidate.
				if (score > bestScore) {
					bestScore = score;
					best = c;
				}
			}
			if (best == null) throw new IllegalArgumentException("auto: no candidate could be fitted: " + skipped);
		} else {
			best = candidates.get(0); // too few samples to cross-validate: the cheapest candidate
		}
		progress.checkCancelled();
		progress.report("auto: fitting " + best + " on all " + n + " structures", 0, 1);
		int[] all = new int[n];
		for (int i = 0; i < n; i++) all[i] = i;
		List<Fit> parts = new ArrayList<>();
		for (String p : partsOf(best)) parts.add(fits.fit(p, folds, all, seed, progress));
		Encoder chosenEncoder;
		double[][] x;
		if (parts.size() == 1) {
			chosenEncoder = parts.get(0).encoder();
			x = parts.get(0).codes();
		} else {
			List<double[][]> codes = parts.stream().map(Fit::codes).toList();
			chosenEncoder = ConcatEncoder.ofFitted(parts.stream().map(Fit::encoder).toList(), encoderOptions, codes);
			x = ConcatEncoder.join(codes, all);
		}
		Classifier svm = Classifiers.create(Classifiers.names().get(0));
		svm.fit(x, y, numClasses, mix(seed, 3), progress.prefixed("auto: final " + best + ", "));
		progress.report("auto: fitting " + best + " on all " + n + " structures", 1, 1);
		this.chosen = best;
		this.encoder = chosenEncoder;
		this.classifier = svm;
		this.numClasses = numClasses;
		this.loadedParameters = null;
	}

	/** Pooled accuracy over the inner folds: each candidate is scored on the same folds and SVM seeds. */
	private double score(String candidate, Fits fits, int[] fold, int[] y, int numClasses, long seed,
		Progress progress)
	{
		List<String> parts = partsOf(candidate);
		int correct = 0;
		for (int f = 0; f < folds; f++) {
			progress.checkCancelled();
			Progress fp = progress.prefixed("fold " + (f + 1) + "/" + folds + ": ");
			int[] train = rows(fold, f, false), test = rows(fold, f, true);
			List<double[][]> codes = new ArrayList<>();
			for (String p : parts) codes.add(fits.fit(p, f, train, seed, fp).codes());
			double[][] x = codes.size() == 1 ? codes.get(0) : ConcatEncoder.join(codes, train);
			double[][] tx = new double[train.length][];
			int[] ty = new int[train.length];
			for (int t = 0; t < train.length; t++) {
				tx[t] = x[train[t]];
				ty[t] = y[train[t]];
			}
			Classifier svm = Classifiers.create(Classifiers.names().get(0));
			svm.fit(tx, ty, numClasses, mix(seed, 2, f), fp);
			for (int i : test)
				if (svm.predict(x[i]) == y[i]) correct++;
		}
		return correct / (double) y.length;
	}

	private static int[] rows(int[] fold, int f, boolean inFold) {
		int count = 0;
		for (int v : fold)
			if ((v == f) == inFold) count++;
		int[] out = new int[count];
		for (int i = 0, j = 0; i < fold.length; i++)
			if ((fold[i] == f) == inFold) out[j++] = i;
		return out;
	}

	/** One part encoder fitted on some rows, with its state (to spot identical fits) and every sample's code. */
	private record Fit(Encoder encoder, byte[] state, double[][] codes) {}

	/** The part fits of one fitLabelled call, per encoder name and fold (fold = folds for all samples). */
	private final class Fits {

		private final List<Sample> samples;
		private final SampleCopies augmenter;
		private final Map<String, Map<Integer, Fit>> byPart = new HashMap<>();

		Fits(List<Sample> samples, SampleCopies augmenter) {
			this.samples = samples;
			this.augmenter = augmenter;
		}

		/** The part fitted on the given rows (those of fold slot f), fitted once per slot. */
		Fit fit(String part, int f, int[] fitRows, long seed, Progress progress) {
			Map<Integer, Fit> slots = byPart.computeIfAbsent(part, k -> new HashMap<>());
			Fit done = slots.get(f);
			if (done != null) return done;
			progress.checkCancelled();
			Encoder e = Encoders.create(part, encoderOptions.get(part));
			List<Sample> fitSamples = new ArrayList<>(fitRows.length);
			for (int i : fitRows) fitSamples.add(samples.get(i));
			long partSeed = ConcatEncoder.partSeed(mix(seed, 4, f), part);
			if (augmenter == null) e.fit(fitSamples, partSeed, progress);
			else e.fit(fitSamples, augmenter, partSeed, progress);
			byte[] state = state(e);
			for (Fit earlier : slots.values())
				if (Arrays.equals(earlier.state(), state)) {
					// Same learned state, same function: the codes cannot differ, so reuse them.
					Fit same = new Fit(e, state, earlier.codes());
					slots.put(f, same);
					return same;
				}
			Fit fresh = new Fit(e, state, Encoders.encodeAll(e, samples, progress));
			slots.put(f, fresh);
			return fresh;
		}
	}

	private static byte[] state(Encoder e) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			e.writeState(out);
		} catch (IOException ex) {
			throw new IllegalStateException("cannot write the state of " + e.name(), ex); // in memory: does not happen
		}
		return bytes.toByteArray();
	}

	/** A well-mixed seed for a sub-task (SplitMix64's finalizer over the parts). */
	private static long mix(long seed, long... parts) {
		long h = seed;
		for (long p : parts) {
			h ^= 0x9E3779B97F4A7C15L * (p + 1);
			h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
			h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
			h ^= h >>> 31;
		}
		return h;
	}

	@Override
	public double[] encode(Sample sample) {
		return fittedClassifier().probabilities(chosenEncoder().encode(sample));
	}

	@Override
	public double[][] encodeBatch(List<Sample> batch) {
		double[][] codes = chosenEncoder().encodeBatch(batch);
		Classifier c = fittedClassifier();
		double[][] out = new double[codes.length][];
		for (int i = 0; i < out.length; i++) out[i] = c.probabilities(codes[i]);
		return out;
	}

	@Override
	public int preferredBatchSize() {
		return chosenEncoder().preferredBatchSize();
	}

	@Override
	public int dimension() {
		fittedClassifier();
		return numClasses;
	}

	@Override
	public Map<String, Object> parameters() {
		if (loadedParameters != null) return new LinkedHashMap<>(loadedParameters);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("folds", folds);
		if (candidatesGiven) m.put("candidates", String.join(",", candidates));
		if (deep) m.put("deep", true);
		if (epochsGiven != null) m.put("epochs", epochsGiven);
		encoderOptions.forEach((e, opts) -> opts.forEach((k, v) -> m.put(e + "." + k, v)));
		if (encoder != null) {
			m.put("chosen", chosen);
			Map<String, Object> acc = new LinkedHashMap<>();
			scores.forEach((c, s) -> acc.put(c, s));
			m.put("inner_cv_accuracy", acc);
			if (!skipped.isEmpty()) m.put("skipped", new LinkedHashMap<>(skipped));
			m.put("encoder", part(encoder.name(), encoder.parameters()));
			m.put("classifier", part(classifier.name(), classifier.parameters()));
			m.put("classes", numClasses);
			m.put("dimension", numClasses);
		}
		return m;
	}

	private static Map<String, Object> part(String name, Map<String, Object> parameters) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", name);
		m.put("parameters", parameters);
		return m;
	}

	/** A one-line account of the choice, e.g. "lab+pca (inner CV 0.950; lab 0.930, pca 0.880)". */
	public String summary() {
		StringBuilder sb = new StringBuilder(chosen());
		Double s = scores.get(chosen);
		if (s == null) return sb.append(" (too few structures to compare candidates)").toString();
		sb.append(String.format(Locale.ROOT, " (inner CV %.3f", s));
		String sep = "; ";
		for (Map.Entry<String, Double> e : scores.entrySet()) {
			if (e.getKey().equals(chosen)) continue;
			sb.append(sep).append(String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()));
			sep = ", ";
		}
		return sb.append(')').toString();
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		chosenEncoder();
		EncoderState.writeHeader(out, NAME, STATE_VERSION);
		out.writeUTF(chosen);
		out.writeInt(numClasses);
		writePart(out, encoder.name(), encoder::writeState);
		writePart(out, classifier.name(), classifier::writeState);
	}

	private static void writePart(DataOutputStream out, String name, EncoderState.PartWriter writer) throws IOException {
		out.writeUTF(name);
		EncoderState.writeNested(out, writer);
	}

	/** Rebuilds a fitted auto encoder from its {@link #parameters()} and {@link #writeState state}. */
	public static AutomaticChoice load(Map<String, Object> parameters, DataInputStream in) throws IOException {
		EncoderState.readHeader(in, NAME, STATE_VERSION);
		String chosen;
		int k;
		String encoderName, classifierName;
		byte[] encoderBytes, classifierBytes;
		try {
			chosen = in.readUTF();
			k = EncoderState.readSize(in, "auto class count", 100_000);
			encoderName = in.readUTF();
			encoderBytes = EncoderState.readNested(in, "auto encoder");
			classifierName = in.readUTF();
			classifierBytes = EncoderState.readNested(in, "auto classifier");
		} catch (EOFException e) {
			throw new IOException("auto encoder state is truncated", e);
		}
		if (k < 2) throw new IOException("auto encoder state holds " + k + " classes");
		Object chosenParam = parameters.get("chosen");
		if (chosenParam != null && !chosen.equals(chosenParam))
			throw new IOException("auto parameters say it chose " + chosenParam + " but the state holds " + chosen);
		Encoder encoder = Encoders.load(encoderName, nested(parameters, "encoder", encoderName),
			new DataInputStream(new ByteArrayInputStream(encoderBytes)));
		Classifier classifier = Classifiers.load(classifierName, nested(parameters, "classifier", classifierName),
			new DataInputStream(new ByteArrayInputStream(classifierBytes)));
		Encoders.checkLearned(parameters, "classes", k);
		AutomaticChoice a = new AutomaticChoice(DEFAULT_FOLDS, List.of(chosen), false, false, null, Map.of());
		a.chosen = chosen;
		a.numClasses = k;
		a.encoder = encoder;
		a.classifier = classifier;
		// The stored parameters (scores, options) are kept as they were, so a re-saved model says the same.
		a.loadedParameters = new LinkedHashMap<>(parameters);
		return a;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nested(Map<String, Object> parameters, String key, String name) throws IOException {
		Object v = parameters.get(key);
		if (v == null) return Map.of();
		if (!(v instanceof Map<?, ?> m) || !name.equals(m.get("name")))
			throw new IOException("auto parameters: '" + key + "' does not describe " + name);
		Object p = m.get("parameters");
		return p instanceof Map<?, ?> pm ? (Map<String, Object>) pm : Map.of();
	}

	private Classifier fittedClassifier() {
		if (classifier == null) throw new IllegalStateException("auto encoder is not fitted");
		return classifier;
	}
}
