package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether an encoding collapsed, so that the classifier cannot tell structures apart: its codes hardly vary from
 * one structure to the next, or one class is predicted for nearly every structure of a set where that class is
 * far from the only one. A deep encoder that trained badly does this (every structure on the same code, one
 * class for 906 of 908 ModelNet10 test volumes); train and evaluate say so as a warning instead of handing over
 * a model that only looks trained.
 */
public final class CollapseCheck {

	/** A class predicted for more than this share of the structures... */
	static final double ONE_CLASS_SHARE = 0.9;
	/** ...while it is at most this share of them in truth (a set balanced enough to tell). */
	static final double TRUE_SHARE = 0.6;
	/** Codes whose variance across structures is below this share of their mean square say nothing. */
	static final double MIN_RELATIVE_VARIANCE = 1e-6;

	private CollapseCheck() {}

	/** What is wrong with these codes and predictions, one line each; empty when nothing is. */
	public static List<String> of(String encoder, double[][] codes, int[] truth, int[] predicted,
		List<String> classNames, String structures)
	{
		List<String> out = new ArrayList<>();
		String c = ofCodes(encoder, codes), p = ofPredictions(encoder, truth, predicted, classNames, structures);
		if (c != null) out.add(c);
		if (p != null) out.add(p);
		return out;
	}

	/**
	 * Codes that (nearly) do not vary between structures: the summed variance of the code's entries is below
	 * {@link #MIN_RELATIVE_VARIANCE} of their summed mean square. Null when they vary, or when there are fewer
	 * than two codes (null rows, structures that were not encoded, are left out).
	 */
	public static String ofCodes(String encoder, double[][] all) {
		if (all == null) return null;
		// Codes indexed by structure may hold only those that were needed.
		double[][] codes = java.util.Arrays.stream(all).filter(java.util.Objects::nonNull).toArray(double[][]::new);
		if (codes.length < 2) return null;
		int d = codes[0].length;
		double variance = 0, square = 0;
		for (int j = 0; j < d; j++) {
			double sum = 0, sumSq = 0;
			for (double[] row : codes) {
				sum += row[j];
				sumSq += row[j] * row[j];
			}
			double mean = sum / codes.length;
			variance += Math.max(0, sumSq / codes.length - mean * mean);
			square += sumSq / codes.length;
		}
		if (Double.isNaN(variance) || Double.isNaN(square))
			return encoder + " collapsed: its codes are not numbers (NaN), training diverged";
		if (variance > MIN_RELATIVE_VARIANCE * square) return null;
		return String.format(Locale.ROOT, "%s collapsed: its codes are the same for every structure (variance %.2g of "
			+ "their mean square %.2g), so the classifier cannot tell structures apart; try more epochs, another learning "
			+ "rate or another encoder", encoder, variance, square);
	}

	/**
	 * One class predicted for more than {@link #ONE_CLASS_SHARE} of the structures while it is at most
	 * {@link #TRUE_SHARE} of them in truth. Null otherwise.
	 *
	 * @param structures what the structures are, for the message ("held-out structures")
	 */
	public static String ofPredictions(String encoder, int[] truth, int[] predicted, List<String> classNames,
		String structures)
	{
		int n = predicted.length, k = classNames.size();
		if (n == 0 || truth.length != n) return null;
		int[] predictedCount = new int[k], trueCount = new int[k];
		for (int i = 0; i < n; i++) {
			if (predicted[i] >= 0 && predicted[i] < k) predictedCount[predicted[i]]++;
			if (truth[i] >= 0 && truth[i] < k) trueCount[truth[i]]++;
		}
		for (int c = 0; c < k; c++) {
			double share = predictedCount[c] / (double) n, trueShare = trueCount[c] / (double) n;
			if (share > ONE_CLASS_SHARE && trueShare <= TRUE_SHARE)
				return String.format(Locale.ROOT, "%s collapsed: it predicts '%s' for %d of %d %s (%.1f%%), though "
					+ "'%s' is %.1f%% of them; the encoding does not separate the classes, so this is no model to "
					+ "trust; try more epochs, another learning rate or another encoder", encoder, classNames.get(c),
					predictedCount[c], n, structures, 100 * share, classNames.get(c), 100 * trueShare);
		}
		return null;
	}
}
