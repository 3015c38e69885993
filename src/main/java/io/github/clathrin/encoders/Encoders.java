package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

/**
 * The encoder registry: creates and loads encoders by name, each offered by an {@link EncoderProvider}
 * found through {@link ServiceLoader} ({@code META-INF/services}), and encodes many samples in parallel.
 */
public final class Encoders {

	/**
	 * The name of the encoder that chooses among the others by inner cross-validation; it is model
	 * selection, not an encoder of its own, so it lives in {@code pipeline} ({@code AutomaticChoice}) and
	 * is offered, like every other encoder, by an {@link EncoderProvider}.
	 */
	public static final String AUTO = "auto";

	/**
	 * Every provider on this package's class loader, in the order of the services files, and each name's
	 * provider. Built on first use, once: providers load nothing heavy (Deeplearning4j loads only when a
	 * deep encoder is fitted or loaded). Our own class loader, not the thread's, so that plain ImageJ with
	 * the jars in plugins/jars finds them.
	 */
	private static final class Registry {
		static final Map<String, EncoderProvider> BY_NAME = build();

		private static Map<String, EncoderProvider> build() {
			Map<String, EncoderProvider> out = new LinkedHashMap<>();
			for (EncoderProvider p : ServiceLoader.load(EncoderProvider.class, Encoders.class.getClassLoader()))
				for (String name : p.names())
					out.putIfAbsent(name, p); // the first provider of a name wins, as on a class path
			return Collections.unmodifiableMap(out);
		}
	}

	private Encoders() {}

	/** The encoder names, in the order the user interface offers them (the services files' order). */
	public static List<String> names() {
		return List.copyOf(Registry.BY_NAME.keySet());
	}

	/** A one-line description of the encoder, for help and dialogs. */
	public static String description(String name) {
		return provider(checkName(name)).description(name);
	}

	/** The options a user may set on the encoder and their defaults, where its provider lists them. */
	public static Map<String, Object> options(String name) {
		return provider(checkName(name)).options(name);
	}

	/** Whether the encoder is a Deeplearning4j network (slower to train; starts ND4J). */
	public static boolean isDeep(String name) {
		EncoderProvider p = Registry.BY_NAME.get(name);
		return p != null && p.isDeep(name);
	}

	/** Whether the encoder takes the epochs option (see {@link EncoderProvider#takesEpochs}); known without loading it. */
	public static boolean takesEpochs(String name) {
		EncoderProvider p = Registry.BY_NAME.get(name);
		return p != null && p.takesEpochs(name);
	}

	/** Whether the encoder learns from labels (see {@link SupervisedEncoder}); known without loading it. */
	public static boolean isSupervised(String name) {
		EncoderProvider p = Registry.BY_NAME.get(name);
		return p != null && p.isSupervised(name);
	}

	/**
	 * A new, unfitted encoder; options may be empty for defaults (see each encoder's fromOptions).
	 *
	 * @throws IllegalArgumentException for an unknown name or option
	 */
	public static Encoder create(String name, Map<String, Object> options) {
		return provider(checkName(name)).create(name, options);
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
		return provider(n).load(n, parameters == null ? Map.of() : parameters, in);
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

	private static EncoderProvider provider(String name) {
		return Registry.BY_NAME.get(name);
	}

	private static String checkName(String name) {
		if (name == null || !Registry.BY_NAME.containsKey(name))
			throw new IllegalArgumentException("unknown encoder '" + name + "'; choose one of " + names()
				+ (Registry.BY_NAME.isEmpty() ? " (no " + EncoderProvider.class.getName()
					+ " found: is META-INF/services missing from the jar?)" : ""));
		return name;
	}

	/**
	 * An unfitted encoder made from a model file's parameters less the learned sizes; a bad value is a bad
	 * file, so it is reported as an IOException naming the encoder.
	 */
	static <E extends Encoder> E fromParameters(Map<String, Object> parameters, Set<String> learned, String name,
		Function<Map<String, Object>, E> factory) throws IOException
	{
		try {
			return factory.apply(withoutKeys(parameters, learned));
		}
		catch (IllegalArgumentException e) {
			throw new IOException("bad " + name + " parameters: " + e.getMessage(), e);
		}
	}

	/** A copy of the map without the learned-size keys, leaving only options. */
	static Map<String, Object> withoutKeys(Map<String, Object> map, Set<String> keys) {
		Map<String, Object> out = new LinkedHashMap<>(map);
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
