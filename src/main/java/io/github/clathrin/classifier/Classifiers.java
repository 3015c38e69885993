package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The classifier registry: creates classifiers by name and loads fitted ones from their stored state, each
 * offered by a {@link ClassifierProvider} found through {@link ServiceLoader} ({@code META-INF/services}).
 */
public final class Classifiers {

	/** Every provider on this package's class loader (not the thread's: plain ImageJ), by name, first wins. */
	private static final class Registry {
		static final Map<String, ClassifierProvider> BY_NAME = build();

		private static Map<String, ClassifierProvider> build() {
			Map<String, ClassifierProvider> out = new LinkedHashMap<>();
			for (ClassifierProvider p : ServiceLoader.load(ClassifierProvider.class, Classifiers.class.getClassLoader()))
				out.putIfAbsent(p.name(), p);
			return Collections.unmodifiableMap(out);
		}
	}

	private Classifiers() {}

	/**
	 * The classifier names users may choose, default first (the services file's order); argmax is not
	 * offered: it is chosen for models whose encoder is supervised (the CNN).
	 */
	public static List<String> names() {
		return Registry.BY_NAME.values().stream().filter(ClassifierProvider::offered).map(ClassifierProvider::name)
			.toList();
	}

	/** A one-line description of the classifier, for help and dialogs. */
	public static String description(String name) {
		ClassifierProvider p = Registry.BY_NAME.get(name);
		if (p == null) throw new IllegalArgumentException(unknown(name));
		return p.description();
	}

	/** A new, unfitted classifier; an unknown name lists the known ones. */
	public static Classifier create(String name) {
		ClassifierProvider p = Registry.BY_NAME.get(name);
		if (p == null) throw new IllegalArgumentException(unknown(name));
		return p.create();
	}

	/**
	 * Reads a fitted classifier written by {@link Classifier#writeState}. The parameters (from the
	 * manifest) are informational: the state alone carries what prediction needs.
	 */
	public static Classifier load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
		ClassifierProvider p = Registry.BY_NAME.get(name);
		if (p == null) throw new IOException(unknown(name));
		try {
			return p.load(in);
		} catch (EOFException e) {
			throw new IOException("Classifier state for '" + name + "' is truncated", e);
		} catch (RuntimeException e) {
			// e.g. a corrupt UTF header or a kernel that rejects its stored parameters
			throw new IOException("Classifier state for '" + name + "' is corrupt: " + e.getMessage(), e);
		}
	}

	private static String unknown(String name) {
		return "Unknown classifier '" + name + "'; known classifiers: " + String.join(", ", names());
	}
}
