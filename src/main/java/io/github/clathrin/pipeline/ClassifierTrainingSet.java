package io.github.clathrin.pipeline;

import java.util.Arrays;

import io.github.clathrin.classifier.LabelSpreading;
import io.github.clathrin.task.Progress;

/**
 * Builds the classifier's training set from encodings: the labelled structures, their augmented copies
 * (same label), and, with label spreading, the unlabelled structures with the labels spread to them from
 * these labelled ones. Training and cross-validation both use it, so a fold sees exactly what a real
 * training run would, built from the fold's training structures only.
 */
final class ClassifierTrainingSet {

	/**
	 * @param x feature rows
	 * @param y their classes
	 * @param spreadCounts per class, how many unlabelled structures spreading gave that class (empty
	 *     without spreading)
	 */
	record Built(double[][] x, int[] y, int[] spreadCounts) {}

	private ClassifierTrainingSet() {}

	/**
	 * @param codes encodings by structure index (rows of unlabelled structures needed only when spreading)
	 * @param copyCodes encodings of augmented copies by structure index (copies 1..n), or null for none
	 * @param train structure indices of the labelled training structures
	 * @param trainY their classes
	 * @param unlabelled structure indices of unlabelled structures to spread to (ignored without spreading)
	 * @param spreading settings, or null for no spreading
	 */
	static Built build(double[][] codes, double[][][] copyCodes, int[] train, int[] trainY, int[] unlabelled,
		int numClasses, LabelSpreading.Options spreading, Progress progress)
	{
		int copies = copyCodes == null ? 0 : copyCodes[train[0]].length;
		int[] spreadLabels = new int[0];
		if (spreading != null && unlabelled.length > 0) {
			double[][] graph = new double[train.length + unlabelled.length][];
			int[] graphY = new int[graph.length];
			for (int i = 0; i < train.length; i++) {
				graph[i] = codes[train[i]];
				graphY[i] = trainY[i];
			}
			for (int j = 0; j < unlabelled.length; j++) {
				graph[train.length + j] = codes[unlabelled[j]];
				graphY[train.length + j] = -1;
			}
			progress.report("Spreading labels", 0, 1);
			int[] all = LabelSpreading.spread(graph, graphY, numClasses, spreading, progress).labels();
			spreadLabels = Arrays.copyOfRange(all, train.length, all.length);
			progress.report("Spreading labels", 1, 1);
		}
		int n = train.length * (1 + copies) + spreadLabels.length;
		double[][] x = new double[n][];
		int[] y = new int[n];
		int k = 0;
		for (int i = 0; i < train.length; i++) {
			x[k] = codes[train[i]];
			y[k++] = trainY[i];
			for (int c = 0; c < copies; c++) {
				x[k] = copyCodes[train[i]][c];
				y[k++] = trainY[i];
			}
		}
		int[] counts = new int[spreading == null ? 0 : numClasses];
		for (int j = 0; j < spreadLabels.length; j++) {
			x[k] = codes[unlabelled[j]];
			y[k++] = spreadLabels[j];
			counts[spreadLabels[j]]++;
		}
		return new Built(x, y, counts);
	}
}
