package io.github.clathrin.classifier;

import java.util.List;
import java.util.function.Supplier;

import io.github.clathrin.task.Progress;

/** Estimates a classifier's accuracy by stratified k-fold cross-validation with a fresh classifier per fold. */
public final class CrossValidation {

	private CrossValidation() {}

	/**
	 * Fits {@code factory.get()} on all folds but one and predicts the held-out fold, k times. The
	 * classifier's own hyper-parameter search runs on the training folds only, so the estimate is honest.
	 */
	public static Evaluation run(double[][] x, int[] y, int numClasses, List<String> classNames,
		Supplier<Classifier> factory, int folds, long seed, Progress p) {
		FitInput.check(x, y, numClasses);
		if (classNames.size() != numClasses)
			throw new IllegalArgumentException(classNames.size() + " class names for " + numClasses + " classes");
		int[] fold = StratifiedFolds.assign(y, folds, seed);
		int[] predicted = new int[y.length];
		double[][] probabilities = new double[y.length][];
		p.report("Cross-validation", 0, folds);
		for (int f = 0; f < folds; f++) {
			p.checkCancelled();
			int nTrain = 0;
			for (int v : fold)
				if (v != f) nTrain++;
			double[][] tx = new double[nTrain][];
			int[] ty = new int[nTrain];
			int t = 0;
			for (int i = 0; i < y.length; i++)
				if (fold[i] != f) {
					tx[t] = x[i];
					ty[t++] = y[i];
				}
			Classifier classifier = factory.get();
			classifier.fit(tx, ty, numClasses, Seeds.derive(seed, f), within(p, f, folds));
			for (int i = 0; i < y.length; i++)
				if (fold[i] == f) {
					probabilities[i] = classifier.probabilities(x[i]);
					predicted[i] = argmax(probabilities[i]);
				}
			p.report("Cross-validation", f + 1, folds);
		}
		return new Evaluation(classNames, y, predicted, probabilities, fold);
	}

	// Same tie rule as Classifier.predict: the first most probable class.
	private static int argmax(double[] p) {
		int best = 0;
		for (int i = 1; i < p.length; i++)
			if (p[i] > p[best]) best = i;
		return best;
	}

	/** Forwards a fold's inner progress under a stage name that says which fold it is. */
	private static Progress within(Progress outer, int fold, int folds) {
		String prefix = "Fold " + (fold + 1) + "/" + folds + ": ";
		return new Progress() {
			@Override
			public void report(String stage, long done, long total) {
				outer.report(prefix + stage, done, total);
			}

			@Override
			public boolean isCancelled() {
				return outer.isCancelled();
			}
		};
	}
}
