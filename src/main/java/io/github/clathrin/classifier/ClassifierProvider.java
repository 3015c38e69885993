package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Offers one classifier to {@link Classifiers}, which finds every provider through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.github.clathrin.classifier.ClassifierProvider}),
 * so that a jar on the class path adds a classifier without a change here. Implementations have a public
 * no-argument constructor.
 */
public interface ClassifierProvider {

	/** The name used on the command line and in the model file: "svm", "logistic", ... */
	String name();

	/** A one-line description, for help and dialogs. */
	String description();

	/**
	 * Whether users may choose it; false for a classifier that the training picks by itself (argmax, for
	 * an encoder that predicts classes on its own). Model files with it load either way.
	 */
	default boolean offered() {
		return true;
	}

	/** A new, unfitted classifier. */
	Classifier create();

	/**
	 * Reads a fitted classifier written by {@link Classifier#writeState}.
	 *
	 * @throws IOException if the state is truncated or corrupt
	 */
	Classifier load(DataInputStream in) throws IOException;
}
