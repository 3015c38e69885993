package io.github.clathrin.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Out-of-fold predictions of a cross-validation and the metrics derived from them: accuracy,
 * per-class accuracy (recall) and the confusion matrix (rows = true class, columns = predicted).
 */
public record Evaluation(List<String> classNames, int[] truth, int[] predicted, double[][] probabilities, int[] folds) {

	public Evaluation {
		classNames = List.copyOf(classNames);
		if (truth.length != predicted.length || truth.length != probabilities.length || truth.length != folds.length)
			throw new IllegalArgumentException("Truth, predictions, probabilities and folds differ in length");
		truth = truth.clone();
		predicted = predicted.clone();
		probabilities = deepCopy(probabilities);
		folds = folds.clone();
	}

	private static double[][] deepCopy(double[][] a) {
		double[][] copy = new double[a.length][];
		for (int i = 0; i < a.length; i++)
			copy[i] = a[i].clone();
		return copy;
	}

	@Override
	public int[] truth() {
		return truth.clone();
	}

	@Override
	public int[] predicted() {
		return predicted.clone();
	}

	@Override
	public double[][] probabilities() {
		return deepCopy(probabilities);
	}

	@Override
	public int[] folds() {
		return folds.clone();
	}

	/** Number of evaluated samples. */
	public int n() {
		return truth.length;
	}

	/** Fraction of samples whose predicted class is the true one. */
	public double accuracy() {
		int correct = 0;
		for (int i = 0; i < truth.length; i++)
			if (truth[i] == predicted[i]) correct++;
		return truth.length == 0 ? Double.NaN : correct / (double) truth.length;
	}

	/** The 95 % Wilson score interval of {@link #accuracy()} over the {@link #n()} scored samples. */
	public double[] accuracyInterval() {
		int correct = 0;
		for (int i = 0; i < truth.length; i++)
			if (truth[i] == predicted[i]) correct++;
		return wilson(correct, truth.length);
	}

	/** The 95 % Wilson score interval of each class's accuracy ({@link #perClassAccuracy()}). */
	public double[][] perClassInterval() {
		int[][] m = confusion();
		double[][] ci = new double[m.length][];
		for (int c = 0; c < m.length; c++) {
			int total = 0;
			for (int v : m[c])
				total += v;
			ci[c] = wilson(m[c][c], total);
		}
		return ci;
	}

	/** The normal quantile of a two-sided 95 % interval. */
	private static final double Z95 = 1.959963984540054;

	/**
	 * The 95 % Wilson score interval of a proportion of {@code successes} out of {@code n}: unlike the normal
	 * approximation it stays inside [0, 1] and is honest for small n and for proportions near 0 or 1, which is
	 * where accuracies from a few dozen labels sit. {NaN, NaN} for n = 0.
	 */
	public static double[] wilson(int successes, int n) {
		if (n <= 0) return new double[] { Double.NaN, Double.NaN };
		double p = successes / (double) n, z2 = Z95 * Z95;
		double denominator = 1 + z2 / n;
		double centre = (p + z2 / (2.0 * n)) / denominator;
		double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
	}

	/** "0.847-0.920", or "-" when there is nothing to estimate. */
	public static String formatInterval(double[] ci) {
		if (Double.isNaN(ci[0])) return "-";
		return String.format(Locale.ROOT, "%.3f-%.3f", ci[0], ci[1]);
	}

	/** Counts [true class][predicted class]. */
	public int[][] confusion() {
		int k = classNames.size();
		int[][] m = new int[k][k];
		for (int i = 0; i < truth.length; i++)
			m[truth[i]][predicted[i]]++;
		return m;
	}

	/** Samples of each true class. */
	public int[] classCounts() {
		int[] counts = new int[classNames.size()];
		for (int t : truth)
			counts[t]++;
		return counts;
	}

	/** Recall of each class; NaN for a class without samples. */
	public double[] perClassAccuracy() {
		int[][] m = confusion();
		double[] acc = new double[m.length];
		for (int c = 0; c < m.length; c++) {
			int total = 0;
			for (int v : m[c])
				total += v;
			acc[c] = total == 0 ? Double.NaN : m[c][c] / (double) total;
		}
		return acc;
	}

	/** JSON-friendly summary (NaN becomes null, which JSON allows). */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("n", n());
		map.put("accuracy", finiteOrNull(accuracy()));
		map.put("accuracy_ci95", interval(accuracyInterval()));
		map.put("class_names", classNames);
		List<Integer> counts = new ArrayList<>();
		for (int c : classCounts())
			counts.add(c);
		map.put("class_counts", counts);
		List<Double> perClass = new ArrayList<>();
		for (double a : perClassAccuracy())
			perClass.add(finiteOrNull(a));
		map.put("per_class_accuracy", perClass);
		List<List<Double>> perClassCi = new ArrayList<>();
		for (double[] ci : perClassInterval())
			perClassCi.add(interval(ci));
		map.put("per_class_ci95", perClassCi);
		List<List<Integer>> confusion = new ArrayList<>();
		for (int[] row : confusion()) {
			List<Integer> r = new ArrayList<>();
			for (int v : row)
				r.add(v);
			confusion.add(r);
		}
		map.put("confusion", confusion);
		map.put("truth", toList(truth));
		map.put("predicted", toList(predicted));
		map.put("folds", toList(folds));
		return map;
	}

	private static List<Double> interval(double[] ci) {
		return java.util.Arrays.asList(finiteOrNull(ci[0]), finiteOrNull(ci[1]));
	}

	private static Double finiteOrNull(double v) {
		return Double.isFinite(v) ? v : null;
	}

	private static List<Integer> toList(int[] a) {
		List<Integer> list = new ArrayList<>(a.length);
		for (int v : a)
			list.add(v);
		return list;
	}

	/** A plain-text report: overall accuracy, a per-class table and the confusion matrix. */
	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, "n = %d, accuracy = %.3f (95%% CI %s)%n", n(), accuracy(),
			formatInterval(accuracyInterval())));
		int width = 5;
		for (String name : classNames)
			width = Math.max(width, name.length());
		String nameColumn = "%-" + width + "s";
		sb.append(String.format(Locale.ROOT, nameColumn + " %6s %9s%n", "class", "n", "accuracy"));
		int[] counts = classCounts();
		double[] perClass = perClassAccuracy();
		for (int c = 0; c < classNames.size(); c++)
			sb.append(String.format(Locale.ROOT, nameColumn + " %6d %9.3f%n", classNames.get(c), counts[c], perClass[c]));
		sb.append("confusion (rows = true, columns = predicted)\n");
		sb.append(String.format(Locale.ROOT, nameColumn, ""));
		for (String name : classNames)
			sb.append(String.format(Locale.ROOT, " %" + Math.max(6, name.length()) + "s", name));
		sb.append('\n');
		int[][] m = confusion();
		for (int r = 0; r < m.length; r++) {
			sb.append(String.format(Locale.ROOT, nameColumn, classNames.get(r)));
			for (int c = 0; c < m.length; c++)
				sb.append(String.format(Locale.ROOT, " %" + Math.max(6, classNames.get(c).length()) + "d", m[r][c]));
			sb.append('\n');
		}
		return sb.toString();
	}
}
