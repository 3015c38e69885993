package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.function.Supplier;

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

	/** Reads a fitted classifier's state. */
	@FunctionalInterface
	interface Loader {
		Classifier load(DataInputStream in) throws IOException;
	}

	/** A provider made from the classifier's name, description, constructor and reader. */
	abstract class OfOne implements ClassifierProvider {

		private final String name;
		private final String description;
		private final Supplier<Classifier> factory;
		private final Loader loader;

		protected OfOne(String name, String description, Supplier<Classifier> factory, Loader loader) {
			this.name = name;
			this.description = description;
			this.factory = factory;
			this.loader = loader;
		}

		@Override
		public final String name() {
			return name;
		}

		@Override
		public final String description() {
			return description;
		}

		@Override
		public final Classifier create() {
			return factory.get();
		}

		@Override
		public final Classifier load(DataInputStream in) throws IOException {
			return loader.load(in);
		}
	}
}
