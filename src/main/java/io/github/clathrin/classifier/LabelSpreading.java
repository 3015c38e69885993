package io.github.clathrin.classifier;

import io.github.clathrin.task.Progress;

/**
 * Label spreading (Zhou, Bousquet, Lal, Weston and Schölkopf 2004, "Learning with local and global
 * consistency"): labels flow from labelled to unlabelled points along a similarity graph, with a
 * clamping factor alpha that says how much a labelled point may drift from its own label.
 */
public final class LabelSpreading {

	/** How the similarity graph is built. */
	public enum Kernel {
		/** Each point linked to its k nearest neighbours (symmetrised). */
		KNN,
		/** Gaussian similarities exp(-gamma |xi - xj|^2) between all pairs. */
		RBF
	}

	/**
	 * @param kernel graph kind
	 * @param neighbours k for {@link Kernel#KNN}
	 * @param gamma width for {@link Kernel#RBF}, on standardized features
	 * @param alpha clamping factor in (0, 1): 0 keeps the given labels fixed, larger values let them change
	 * @param maxIterations upper bound on iterations
	 * @param tolerance stop when the label distributions change less than this (max absolute change)
	 */
	public record Options(Kernel kernel, int neighbours, double gamma, double alpha, int maxIterations, double tolerance) {
		public static final Options DEFAULTS = new Options(Kernel.KNN, 7, 20, 0.2, 30, 1e-3);
	}

	/**
	 * @param labels spread label of every point (given labels may change only if alpha > 0)
	 * @param distributions normalized label distribution of every point (rows sum to 1)
	 * @param iterations iterations run
	 */
	public record Result(int[] labels, double[][] distributions, int iterations) {}

	private LabelSpreading() {}

	/**
	 * Spreads labels. Features are standardized (zero mean, unit variance per column) before the graph
	 * is built.
	 *
	 * @param x features, one row per point
	 * @param y class of each point in 0 .. numClasses-1, or -1 for unlabelled
	 */
	public static Result spread(double[][] x, int[] y, int numClasses, Options options, Progress progress) {
		throw new UnsupportedOperationException("label spreading is being written (helper C)");
	}
}
