package io.github.clathrin.classifier;

/** Checks the arguments of {@link Classifier#fit} once, with messages that say what is wrong. */
final class FitInput {

	private FitInput() {}

	static void check(double[][] x, int[] y, int numClasses) {
		if (numClasses < 2) throw new IllegalArgumentException("Need at least 2 classes, got " + numClasses);
		if (x.length == 0) throw new IllegalArgumentException("No training samples");
		if (x.length != y.length)
			throw new IllegalArgumentException(x.length + " feature vectors but " + y.length + " labels");
		int d = x[0].length;
		if (d == 0) throw new IllegalArgumentException("Feature vectors are empty");
		for (int i = 0; i < x.length; i++) {
			if (x[i].length != d)
				throw new IllegalArgumentException("Sample " + i + " has " + x[i].length + " features, expected " + d);
			for (double v : x[i])
				if (!Double.isFinite(v)) throw new IllegalArgumentException("Sample " + i + " has a non-finite feature");
			if (y[i] < 0 || y[i] >= numClasses)
				throw new IllegalArgumentException("Sample " + i + " has class " + y[i] + ", expected 0.." + (numClasses - 1));
		}
	}
}
