package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

/** Creates and loads encoders by name, and encodes many samples in parallel. */
public final class Encoders {

	// The deep encoders' names are spelled out here (not read from io.github.clathrin.deep) so that
	// listing names never loads Deeplearning4j; EncodersTest checks they agree with DeepEncoders.NAMES.
	// They are created through an EncoderProvider (META-INF/services), so this package does not depend
	// on deep, and deep's classes load only when one of its encoders is created or loaded.
	private static final List<String> DEEP = List.of("dense-ae", "conv-ae", "sparse-conv-ae", "cnn");
	/**
	 * The name of the encoder that chooses among the others by inner cross-validation; it is model
	 * selection, not an encoder of its own, so it lives in {@code pipeline} ({@code AutomaticChoice}) and
	 * comes, like the deep ones, from an {@link EncoderProvider}.
	 */
	public static final String AUTO = "auto";
	private static final List<String> NAMES = List.of(AUTO, PcaEncoder.NAME, SoftKMeansEncoder.NAME,
		LabFeaturesEncoder.NAME, CapFitEncoder.NAME, ShellHarmonicsEncoder.NAME, ConcatEncoder.NAME, "dense-ae", "conv-ae",
		"sparse-conv-ae", "cnn");

	private Encoders() {}

	/** The encoder names, in the order the user interface offers them. */
	public static List<String> names() {
		return NAMES;
	}

	/** Whether the encoder is a Deeplearning4j network (slower to train; starts ND4J). */
	public static boolean isDeep(String name) {
		return DEEP.contains(name);
	}

	/** Whether the encoder learns from labels (see {@link SupervisedEncoder}); known without loading it. */
	public static boolean isSupervised(String name) {
		return "cnn".equals(name) || AUTO.equals(name);
	}

	/**
	 * A new, unfitted encoder; options may be empty for defaults (see each encoder's fromOptions).
	 *
	 * @throws IllegalArgumentException for an unknown name or option
	 */
	public static Encoder create(String name, Map<String, Object> options) {
		return switch (checkName(name)) {
		case PcaEncoder.NAME -> PcaEncoder.fromOptions(options);
		case SoftKMeansEncoder.NAME -> SoftKMeansEncoder.fromOptions(options);
		case LabFeaturesEncoder.NAME -> LabFeaturesEncoder.fromOptions(options);
		case ShellHarmonicsEncoder.NAME -> ShellHarmonicsEncoder.fromOptions(options);
		case CapFitEncoder.NAME -> CapFitEncoder.fromOptions(options);
		case ConcatEncoder.NAME -> ConcatEncoder.fromOptions(options);
		default -> provider(name).create(name, options);
		};
	}

	/**
	 * A fitted encoder from its manifest parameters and binary state.
	 *
	 * @throws IOException if the state is truncated, corrupt, or disagrees with the parameters
	 */
	public static Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
		String n;
		try {
			n = checkName(name);
		} catch (IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
		Map<String, Object> p = parameters == null ? Map.of() : parameters;
		return switch (n) {
		case PcaEncoder.NAME -> PcaEncoder.load(p, in);
		case SoftKMeansEncoder.NAME -> SoftKMeansEncoder.load(p, in);
		case LabFeaturesEncoder.NAME -> LabFeaturesEncoder.load(p, in);
		case ShellHarmonicsEncoder.NAME -> ShellHarmonicsEncoder.load(p, in);
		case CapFitEncoder.NAME -> CapFitEncoder.load(p, in);
		case ConcatEncoder.NAME -> ConcatEncoder.load(p, in);
		default -> provider(n).load(n, p, in);
		};
	}

	/**
	 * Encodes all samples on all cores; row i is always sample i's code, so the result does not depend
	 * on thread scheduling.
	 */
	public static double[][] encodeAll(Encoder encoder, List<Sample> samples, Progress progress) {
		int batch = encoder.preferredBatchSize();
		if (batch > 1) return encodeInBatches(encoder, samples, batch, progress);
		double[][] out = new double[samples.size()][];
		AtomicInteger done = new AtomicInteger();
		IntStream.range(0, samples.size()).parallel().forEach(i -> {
			if (progress.isCancelled()) return;
			out[i] = encoder.encode(samples.get(i));
			int d = done.incrementAndGet();
			if ((d & 63) == 0) progress.report("Encoding (" + encoder.name() + ")", d, samples.size());
		});
		progress.checkCancelled();
		progress.report("Encoding (" + encoder.name() + ")", samples.size(), samples.size());
		return out;
	}

	private static double[][] encodeInBatches(Encoder encoder, List<Sample> samples, int batch, Progress progress) {
		double[][] out = new double[samples.size()][];
		String stage = "Encoding (" + encoder.name() + ")";
		for (int from = 0; from < samples.size(); from += batch) {
			progress.checkCancelled();
			int to = Math.min(samples.size(), from + batch);
			double[][] codes = encoder.encodeBatch(samples.subList(from, to));
			System.arraycopy(codes, 0, out, from, codes.length);
			progress.report(stage, to, samples.size());
		}
		progress.report(stage, samples.size(), samples.size());
		return out;
	}

	/** The provider of an encoder that is not built into this package; looked up on first use only. */
	private static EncoderProvider provider(String name) {
		for (EncoderProvider p : ServiceLoader.load(EncoderProvider.class, Encoders.class.getClassLoader()))
			if (p.names().contains(name)) return p;
		throw new IllegalStateException("encoder " + name + " is not in this build: no " + EncoderProvider.class.getName()
			+ " offers it (is META-INF/services missing from the jar?)");
	}

	private static String checkName(String name) {
		if (name == null || !NAMES.contains(name))
			throw new IllegalArgumentException("unknown encoder '" + name + "'; choose one of " + NAMES);
		return name;
	}

	/** A copy of the map without the learned-size keys, leaving only options. */
	static Map<String, Object> withoutKeys(Map<String, Object> map, Set<String> keys) {
		Map<String, Object> out = new HashMap<>(map);
		out.keySet().removeAll(keys);
		return out;
	}

	/** Checks a learned size in the manifest (if present) against the state. */
	public static void checkLearned(Map<String, Object> parameters, String key, int actual) throws IOException {
		Object v = parameters.get(key);
		if (v == null) return;
		if (!(v instanceof Number n) || n.intValue() != actual)
			throw new IOException("encoder parameters say " + key + " = " + v + " but the state holds " + actual);
	}
}
