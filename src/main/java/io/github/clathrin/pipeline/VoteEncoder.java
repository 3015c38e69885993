package io.github.clathrin.pipeline;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.classifier.Classifier;
import io.github.clathrin.classifier.Classifiers;
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
 * The "vote" encoder: an ensemble that averages the class probabilities of its parts ("cnn+pca"). A
 * supervised part (cnn, auto) gives its own probabilities; an unsupervised one (pca, shells, conv-ae, ...)
 * is fitted on the labelled structures and an SVM is tuned on its codes, whose probabilities count. Each
 * part has the same weight. Where the parts err on different structures the mean is right more often than
 * either: a CNN that sees local shape and PCA + SVM that sees the whole volume.
 *
 * <p>Options: {@code of} (required, two or more names joined by '+'), {@code epochs} (of every deep part,
 * unless the part's own epochs option is given), and each part's options as {@code part.key}.
 */
public final class VoteEncoder implements SupervisedEncoder {

	public static final String NAME = "vote";
	private static final Set<String> OWN_OPTIONS = Set.of(ConcatEncoder.OF, "epochs");
	private static final int STATE_VERSION = 1;

	private final List<String> partNames;
	private final Map<String, Map<String, Object>> partOptions;
	private final Integer epochs;

	private Map<String, Object> loadedParameters;
	private List<Encoder> parts;
	/** Per part, the SVM on its codes, or null for a supervised part. */
	private List<Classifier> classifiers;
	private int numClasses;

	private VoteEncoder(List<String> partNames, Map<String, Map<String, Object>> partOptions, Integer epochs) {
		this.partNames = List.copyOf(partNames);
		this.partOptions = partOptions;
		this.epochs = epochs;
	}

	/**
	 * @throws IllegalArgumentException for a missing or bad "of", an unknown or repeated part, or an option
	 *     no part has
	 */
	public static VoteEncoder fromOptions(Map<String, Object> options) {
		Map<String, Object> o = options == null ? Map.of() : options;
		List<String> names = parts(o.get(ConcatEncoder.OF));
		Map<String, Object> own = new LinkedHashMap<>();
		Map<String, Map<String, Object>> perPart = new LinkedHashMap<>();
		for (String n : names) perPart.put(n, new LinkedHashMap<>());
		for (Map.Entry<String, Object> e : o.entrySet()) {
			String key = e.getKey();
			int dot = key.indexOf('.');
			if (OWN_OPTIONS.contains(key)) own.put(key, e.getValue());
			else if (dot > 0 && perPart.containsKey(key.substring(0, dot)))
				perPart.get(key.substring(0, dot)).put(key.substring(dot + 1), e.getValue());
			else throw new IllegalArgumentException("unknown option '" + key + "' for encoder vote; known: of, epochs, "
				+ "and part.option for its parts " + names + " (e.g. cnn.mirror=z)");
		}
		Integer epochs = own.containsKey("epochs") ? new Options(NAME, own, OWN_OPTIONS).intValue("epochs", 1, 1) : null;
		if (epochs != null)
			for (String n : names)
				if (Encoders.takesEpochs(n)) perPart.get(n).putIfAbsent("epochs", epochs);
		VoteEncoder v = new VoteEncoder(names, perPart, epochs);
		v.newParts(); // checks each part's options now, not after a long read
		return v;
	}

	/** The part names of an "of" value: two or more encoders joined by '+'. */
	static List<String> parts(Object of) {
		if (!(of instanceof String s))
			throw new IllegalArgumentException("encoder vote needs option of = encoder names joined by '+', e.g. of=cnn+pca"
				+ (of == null ? "" : "; got " + of));
		List<String> names = new ArrayList<>();
		for (String raw : s.split("\\+", -1)) {
			String p = raw.trim();
			if (p.isEmpty()) throw new IllegalArgumentException("vote of='" + s + "' has an empty part name");
			if (p.equals(NAME)) throw new IllegalArgumentException("vote cannot hold vote; list the encoders themselves");
			if (!Encoders.names().contains(p))
				throw new IllegalArgumentException("vote part '" + p + "' is not an encoder; choose from " + Encoders.names());
			if (names.contains(p)) throw new IllegalArgumentException("vote part " + p + " is listed twice in of=" + s);
			names.add(p);
		}
		if (names.size() < 2)
			throw new IllegalArgumentException("vote needs at least two encoders joined by '+', e.g. of=cnn+pca; got of=" + s);
		return names;
	}

	private List<Encoder> newParts() {
		List<Encoder> out = new ArrayList<>();
		for (String n : partNames) {
			try {
				out.add(Encoders.create(n, partOptions.get(n)));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("vote part " + n + ": " + e.getMessage(), e);
			}
		}
		return out;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void fitLabelled(List<Sample> samples, int[] y, int numClasses, SampleCopies augmenter, long seed,
		Progress progress)
	{
		if (samples.isEmpty()) throw new IllegalArgumentException("no samples to fit");
		if (y.length != samples.size()) throw new IllegalArgumentException(samples.size() + " samples but " + y.length + " labels");
		if (numClasses < 2) throw new IllegalArgumentException("vote needs at least 2 classes, got " + numClasses);
		List<Encoder> fitted = newParts();
		List<Classifier> svms = new ArrayList<>();
		for (int i = 0; i < fitted.size(); i++) {
			progress.checkCancelled();
			Encoder part = fitted.get(i);
			Progress p = progress.prefixed("vote part " + (i + 1) + "/" + fitted.size() + " (" + part.name() + "): ");
			long partSeed = ConcatEncoder.partSeed(seed, part.name());
			if (part instanceof SupervisedEncoder s) {
				s.fitLabelled(samples, y, numClasses, augmenter == null ? Augmenter.none() : augmenter, partSeed, p);
				svms.add(null);
				continue;
			}
			if (augmenter == null) part.fit(samples, partSeed, p);
			else part.fit(samples, augmenter, partSeed, p);
			Classifier svm = Classifiers.create(Classifiers.names().get(0));
			svm.fit(Encoders.encodeAll(part, samples, p), y, numClasses, partSeed, p);
			svms.add(svm);
		}
		this.parts = fitted;
		this.classifiers = svms;
		this.numClasses = numClasses;
		this.loadedParameters = null;
	}

	@Override
	public double[] encode(Sample sample) {
		return encodeBatch(List.of(sample))[0];
	}

	/** The mean of the parts' class probabilities. */
	@Override
	public double[][] encodeBatch(List<Sample> batch) {
		fitted();
		double[][] sum = new double[batch.size()][numClasses];
		for (int i = 0; i < parts.size(); i++) {
			double[][] codes = parts.get(i).encodeBatch(batch);
			Classifier c = classifiers.get(i);
			for (int s = 0; s < batch.size(); s++) {
				double[] p = c == null ? codes[s] : c.probabilities(codes[s]);
				for (int k = 0; k < numClasses; k++) sum[s][k] += p[k];
			}
		}
		for (double[] row : sum)
			for (int k = 0; k < numClasses; k++) row[k] /= parts.size();
		return sum;
	}

	@Override
	public int preferredBatchSize() {
		fitted();
		int best = 1;
		for (Encoder e : parts) best = Math.max(best, e.preferredBatchSize());
		return best;
	}

	@Override
	public int dimension() {
		fitted();
		return numClasses;
	}

	@Override
	public Map<String, Object> parameters() {
		if (loadedParameters != null) return new LinkedHashMap<>(loadedParameters);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(ConcatEncoder.OF, String.join("+", partNames));
		if (epochs != null) m.put("epochs", epochs);
		partOptions.forEach((p, opts) -> opts.forEach((k, v) -> m.put(p + "." + k, v)));
		if (parts != null) {
			List<Object> described = new ArrayList<>();
			for (int i = 0; i < parts.size(); i++) {
				Map<String, Object> d = new LinkedHashMap<>();
				d.put("name", parts.get(i).name());
				d.put("parameters", parts.get(i).parameters());
				Classifier c = classifiers.get(i);
				if (c != null) d.put("classifier", Map.of("name", c.name(), "parameters", c.parameters()));
				described.add(d);
			}
			m.put("parts", described);
			m.put("classes", numClasses);
			m.put("dimension", numClasses);
		}
		return m;
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		fitted();
		EncoderState.writeHeader(out, NAME, STATE_VERSION);
		out.writeInt(numClasses);
		out.writeInt(parts.size());
		for (int i = 0; i < parts.size(); i++) {
			Encoder e = parts.get(i);
			out.writeUTF(e.name());
			EncoderState.writeNested(out, e::writeState);
			Classifier c = classifiers.get(i);
			out.writeBoolean(c != null);
			if (c != null) {
				out.writeUTF(c.name());
				EncoderState.writeNested(out, c::writeState);
			}
		}
	}

	/** Rebuilds a fitted vote from its {@link #parameters()} and {@link #writeState state}. */
	public static VoteEncoder load(Map<String, Object> parameters, DataInputStream in) throws IOException {
		EncoderState.readHeader(in, NAME, STATE_VERSION);
		List<Map<String, Object>> described = described(parameters);
		List<Encoder> parts = new ArrayList<>();
		List<Classifier> classifiers = new ArrayList<>();
		int k;
		try {
			k = EncoderState.readSize(in, "vote class count", 100_000);
			int n = EncoderState.readSize(in, "vote part count", 100);
			if (n != described.size()) throw new IOException("vote state holds " + n + " parts, its parameters describe "
				+ described.size());
			for (int i = 0; i < n; i++) {
				Map<String, Object> d = described.get(i);
				String name = in.readUTF();
				if (!name.equals(d.get("name"))) throw new IOException("vote part " + (i + 1) + " is " + name
					+ " in the state but " + d.get("name") + " in the parameters");
				parts.add(Encoders.load(name, nested(d.get("parameters")), part(in, "vote part " + name)));
				if (in.readBoolean()) {
					String cname = in.readUTF();
					Map<String, Object> c = nested(d.get("classifier"));
					classifiers.add(Classifiers.load(cname, nested(c.get("parameters")), part(in, "vote classifier of " + name)));
				}
				else classifiers.add(null);
			}
		} catch (EOFException e) {
			throw new IOException("vote encoder state is truncated", e);
		}
		if (k < 2) throw new IOException("vote encoder state holds " + k + " classes");
		Encoders.checkLearned(parameters, "classes", k);
		List<String> names = parts.stream().map(Encoder::name).toList();
		VoteEncoder v = new VoteEncoder(names, Map.of(), null);
		v.parts = parts;
		v.classifiers = classifiers;
		v.numClasses = k;
		v.loadedParameters = new LinkedHashMap<>(parameters);
		return v;
	}

	private static DataInputStream part(DataInputStream in, String what) throws IOException {
		return new DataInputStream(new ByteArrayInputStream(EncoderState.readNested(in, what)));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> described(Map<String, Object> parameters) throws IOException {
		if (!(parameters.get("parts") instanceof List<?> list)) throw new IOException("vote parameters lack 'parts'");
		List<Map<String, Object>> out = new ArrayList<>();
		for (Object o : list) {
			if (!(o instanceof Map<?, ?> m)) throw new IOException("vote parameters: a part is not described");
			out.add((Map<String, Object>) m);
		}
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nested(Object v) {
		return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	private void fitted() {
		if (parts == null) throw new IllegalStateException("vote encoder is not fitted");
	}

	/** Offers "vote" to {@link Encoders} through {@code META-INF/services}. */
	public static final class Provider implements io.github.clathrin.encoders.EncoderProvider {

		@Override
		public List<String> names() {
			return List.of(NAME);
		}

		@Override
		public String description(String name) {
			return "an ensemble: the mean class probabilities of its parts (of=cnn+pca); unsupervised parts get an SVM each";
		}

		@Override
		public boolean isSupervised(String name) {
			return true;
		}

		/** Its epochs option reaches its deep parts. */
		@Override
		public boolean takesEpochs(String name) {
			return true;
		}

		@Override
		public Encoder create(String name, Map<String, Object> options) {
			return fromOptions(options);
		}

		@Override
		public Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
			return VoteEncoder.load(parameters, in);
		}
	}
}
