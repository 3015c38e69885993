package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Creates classifiers by name and loads fitted ones from their stored state. */
public final class Classifiers {

	// argmax is not offered: it is chosen for models whose encoder is supervised (the CNN).
	private static final List<String> NAMES = List.of(SvmClassifier.NAME, LogisticRegressionClassifier.NAME);

	private Classifiers() {}

	/** The known classifier names, default first. */
	public static List<String> names() {
		return NAMES;
	}

	/** A new, unfitted classifier; an unknown name lists the known ones. */
	public static Classifier create(String name) {
		return switch (String.valueOf(name)) {
		case SvmClassifier.NAME -> new SvmClassifier();
		case LogisticRegressionClassifier.NAME -> new LogisticRegressionClassifier();
		case ArgmaxClassifier.NAME -> new ArgmaxClassifier();
		default -> throw new IllegalArgumentException(unknown(name));
		};
	}

	/**
	 * Reads a fitted classifier written by {@link Classifier#writeState}. The parameters (from the
	 * manifest) are informational: the state alone carries what prediction needs.
	 */
	public static Classifier load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
		try {
			return switch (String.valueOf(name)) {
			case SvmClassifier.NAME -> SvmClassifier.read(in);
			case LogisticRegressionClassifier.NAME -> LogisticRegressionClassifier.read(in);
			case ArgmaxClassifier.NAME -> ArgmaxClassifier.read(in);
			default -> throw new IOException(unknown(name));
			};
		} catch (EOFException e) {
			throw new IOException("Classifier state for '" + name + "' is truncated", e);
		} catch (RuntimeException e) {
			// e.g. a corrupt UTF header or a kernel that rejects its stored parameters
			throw new IOException("Classifier state for '" + name + "' is corrupt: " + e.getMessage(), e);
		}
	}

	private static String unknown(String name) {
		return "Unknown classifier '" + name + "'; known classifiers: " + String.join(", ", NAMES);
	}
}
