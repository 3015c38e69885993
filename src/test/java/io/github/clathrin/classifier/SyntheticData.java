package io.github.clathrin.classifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import io.github.clathrin.task.Progress;

/** Seeded synthetic classification problems for the classifier tests. */
final class SyntheticData {

	final double[][] x;
	final int[] y;
	final int numClasses;

	private SyntheticData(double[][] x, int[] y, int numClasses) {
		this.x = x;
		this.y = y;
		this.numClasses = numClasses;
	}

	List<String> classNames() {
		List<String> names = new ArrayList<>();
		for (int c = 0; c < numClasses; c++)
			names.add("class" + c);
		return names;
	}

	/** Cross-validation of {@code classifier} on this problem: {@code folds} stratified folds, seed 7. */
	Evaluation crossValidated(Supplier<Classifier> classifier, int folds) {
		return CrossValidation.run(x, y, numClasses, classNames(), classifier, folds, 7, Progress.NONE);
	}

	/** Asserts that {@link #crossValidated} is more accurate than {@code accuracy}, showing the evaluation if not. */
	void assertCrossValidatedAbove(double accuracy, Supplier<Classifier> classifier, int folds) {
		Evaluation e = crossValidated(classifier, folds);
		assertTrue(e.accuracy() > accuracy, e.toString());
	}

	/** Gaussian blobs (unit noise) whose centres are {@code separation} apart along distinct axes. */
	static SyntheticData blobs(int n, int d, int k, double separation, long seed) {
		Random r = new Random(seed);
		double[][] x = new double[n][d];
		int[] y = new int[n];
		for (int i = 0; i < n; i++) {
			y[i] = i % k;
			for (int j = 0; j < d; j++)
				x[i][j] = r.nextGaussian() + (j == y[i] % d ? separation : 0) + (k > d && j == 0 ? y[i] * separation : 0);
		}
		return new SyntheticData(x, y, k);
	}

	/**
	 * Three concentric rings in the first two features (radii 1, 2, 3; classes 0, 1, 0, balanced so
	 * chance is 0.5) plus noise features: no linear or quadratic boundary separates them. Noise
	 * features hurt an isotropic RBF kernel (2 of them cost ~10 points at n = 240).
	 */
	static SyntheticData rings(int n, int noiseFeatures, long seed) {
		Random r = new Random(seed);
		double[][] x = new double[n][2 + noiseFeatures];
		int[] y = new int[n];
		for (int i = 0; i < n; i++) {
			int ring = i % 4 == 0 ? 0 : i % 4 == 2 ? 2 : 1;
			y[i] = ring == 1 ? 1 : 0;
			double radius = ring + 1 + 0.15 * r.nextGaussian();
			double angle = 2 * Math.PI * r.nextDouble();
			x[i][0] = radius * Math.cos(angle);
			x[i][1] = radius * Math.sin(angle);
			for (int j = 2; j < x[i].length; j++)
				x[i][j] = r.nextGaussian();
		}
		return new SyntheticData(x, y, 2);
	}
}
