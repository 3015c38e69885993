package io.github.clathrin.classifier;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

import io.github.clathrin.task.Progress;

/**
 * Learns classes from feature vectors (the encodings of labelled structures) and gives class
 * probabilities for new ones. Hyper-parameter selection, if any, happens inside {@link #fit} on the
 * data it is given, so that cross-validation can call fit on each training fold and stay honest.
 * Feature scaling is part of the classifier (learned in fit).
 */
public interface Classifier {

	/** "svm" or "logistic". */
	String name();

	/**
	 * Learns from features x (n x d) and classes y (0 .. numClasses-1). The same data and seed give
	 * the same model.
	 */
	void fit(double[][] x, int[] y, int numClasses, long seed, Progress progress);

	/** Probability of each class (length numClasses, sums to 1). Safe to call from several threads. */
	double[] probabilities(double[] x);

	/** The most probable class. */
	default int predict(double[] x) {
		double[] p = probabilities(x);
		int best = 0;
		for (int i = 1; i < p.length; i++)
			if (p[i] > p[best]) best = i;
		return best;
	}

	/** Chosen hyper-parameters and sizes for the manifest (JSON-friendly values only). */
	Map<String, Object> parameters();

	/** Writes the learned state in a stable binary layout; {@link Classifiers#load} reads it back. */
	void writeState(DataOutputStream out) throws IOException;
}
