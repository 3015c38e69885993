package io.github.clathrin.classifier;

import java.util.List;
import java.util.function.Supplier;

import io.github.clathrin.task.Progress;

/**
 * Estimates a classifier's accuracy by stratified k-fold cross-validation with a fresh classifier per fold,
 * or on a fixed train/test split (one "fold") as benchmark data sets ship.
 */
public final class CrossValidation {

	private CrossValidation() {}

	/**
	 * Fits {@code factory.get()} on all folds but one and predicts the held-out fold, k times. The
	 * classifier's own hyper-parameter search runs on the training folds only, so the estimate is honest.
	 */
	public static Evaluation run(double[][] x, int[] y, int numClasses, List<String> classNames,
		Supplier<Classifier> factory, int folds, long seed, Progress p) {
		FitInput.check(x, y, numClasses);
		return run(y, numClasses, classNames, folds, seed, p, (train, test, foldSeed, fp) -> {
			double[][] tx = new double[train.length][];
			int[] ty = new int[train.length];
			for (int t = 0; t < train.length; t++) {
				tx[t] = x[train[t]];
				ty[t] = y[train[t]];
			}
			Classifier classifier = factory.get();
			classifier.fit(tx, ty, numClasses, foldSeed, fp);
			double[][] out = new double[test.length][];
			for (int t = 0; t < test.length; t++) out[t] = classifier.probabilities(x[test[t]]);
			return out;
		});
	}

	/**
	 * Trains and predicts one fold: gets the indices (into y) of the training and the held-out items,
	 * and returns class probabilities for the held-out ones, in order. Whatever it learns (an encoder, a
	 * classifier, spread labels, augmented copies) must come from the training items only.
	 */
	@FunctionalInterface
	public interface FoldModel {
		double[][] trainAndPredict(int[] train, int[] test, long foldSeed, Progress progress);
	}

	/**
	 * Stratified k-fold cross-validation of any fold model; the folds and fold seeds are the same as for
	 * the classifier form above, so rows of one report are scored on the same splits.
	 */
	public static Evaluation run(int[] y, int numClasses, List<String> classNames, int folds, long seed, Progress p,
		FoldModel model) {
		if (classNames.size() != numClasses)
			throw new IllegalArgumentException(classNames.size() + " class names for " + numClasses + " classes");
		int[] fold = StratifiedFolds.assign(y, folds, seed);
		int[] predicted = new int[y.length];
		double[][] probabilities = new double[y.length][];
		p.report("Cross-validation", 0, folds);
		for (int f = 0; f < folds; f++) {
			p.checkCancelled();
			int nTest = 0;
			for (int v : fold)
				if (v == f) nTest++;
			int[] train = new int[y.length - nTest], test = new int[nTest];
			for (int i = 0, a = 0, b = 0; i < y.length; i++) {
				if (fold[i] == f) test[b++] = i;
				else train[a++] = i;
			}
			double[][] out = model.trainAndPredict(train, test, Seeds.derive(seed, f),
				p.prefixed("Fold " + (f + 1) + "/" + folds + ": "));
			for (int t = 0; t < test.length; t++) {
				probabilities[test[t]] = out[t];
				predicted[test[t]] = argmax(out[t]);
			}
			p.report("Cross-validation", f + 1, folds);
		}
		return new Evaluation(classNames, y, predicted, probabilities, fold);
	}

	/**
	 * Runs {@code model} once, training on the items {@code train} and predicting the items {@code test}
	 * (indices into y; disjoint), with the seed fold 0 of {@link #run} would get. The evaluation covers the
	 * test items only, in the order given, all marked fold 0.
	 */
	public static Evaluation fixedSplit(int[] y, int numClasses, List<String> classNames, int[] train, int[] test,
		long seed, Progress p, FoldModel model) {
		if (classNames.size() != numClasses)
			throw new IllegalArgumentException(classNames.size() + " class names for " + numClasses + " classes");
		if (train.length == 0 || test.length == 0)
			throw new IllegalArgumentException("a split needs training and test items, got " + train.length + " and "
				+ test.length);
		boolean[] seen = new boolean[y.length];
		for (int[] part : new int[][] { train, test })
			for (int i : part) {
				if (i < 0 || i >= y.length) throw new IllegalArgumentException("item " + i + " is not in 0.." + (y.length - 1));
				if (seen[i]) throw new IllegalArgumentException("item " + i + " is twice in the split");
				seen[i] = true;
			}
		p.checkCancelled();
		p.report("Train/test split", 0, 1);
		double[][] out = model.trainAndPredict(train.clone(), test.clone(), Seeds.derive(seed, 0), p);
		if (out.length != test.length)
			throw new IllegalStateException(out.length + " predictions for " + test.length + " test items");
		int[] truth = new int[test.length], predicted = new int[test.length];
		for (int t = 0; t < test.length; t++) {
			truth[t] = y[test[t]];
			predicted[t] = argmax(out[t]);
		}
		p.report("Train/test split", 1, 1);
		return new Evaluation(classNames, truth, predicted, out, new int[test.length]);
	}

	// Same tie rule as Classifier.predict: the first most probable class.
	private static int argmax(double[] p) {
		int best = 0;
		for (int i = 1; i < p.length; i++)
			if (p[i] > p[best]) best = i;
		return best;
	}
}
