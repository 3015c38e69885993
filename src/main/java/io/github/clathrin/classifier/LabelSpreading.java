package io.github.clathrin.classifier;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import io.github.clathrin.task.Progress;

/**
 * Label spreading (Zhou, Bousquet, Lal, Weston and Schölkopf 2004, "Learning with local and global
 * consistency"): labels flow from labelled to unlabelled points along a similarity graph, with a
 * clamping factor alpha that says how much a labelled point may drift from its own label.
 *
 * <p>The graph W is either the symmetrised k-nearest-neighbour graph (weight 1, kept as sparse
 * neighbour lists, so tens of thousands of points fit) or the dense Gaussian kernel (an n x n matrix of
 * doubles: 8 n² bytes, 800 MB for 10,000 points, so it is refused above {@link #MAX_RBF_POINTS}). With
 * S = D^-1/2 W D^-1/2 the scores iterate F &larr; alpha S F + (1 - alpha) Y from F = Y. Everything is
 * deterministic: no random numbers, and parallel work only ever splits rows whose results do not
 * depend on each other.
 */
public final class LabelSpreading {

	/** Most points the dense {@link Kernel#RBF} graph accepts: its matrix alone takes 3.2 GB there. */
	public static final int MAX_RBF_POINTS = 20_000;

	/** Rows per batch of the graph build, between which progress is reported and cancellation checked. */
	private static final int ROWS_PER_BATCH = 128;

	/** How the similarity graph is built. */
	public enum Kernel {
		/** Each point linked to its k nearest neighbours (symmetrised). */
		KNN,
		/** Gaussian similarities exp(-gamma |xi - xj|^2) between all pairs. */
		RBF
	}

	/**
	 * @param kernel graph kind
	 * @param neighbours k for {@link Kernel#KNN}; more than n - 1 means every other point
	 * @param gamma width for {@link Kernel#RBF}, on standardized features
	 * @param alpha clamping factor in (0, 1): near 0 keeps the given labels, larger values let them change
	 *        and let labels travel further through the graph
	 * @param maxIterations upper bound on iterations
	 * @param tolerance stop when the label distributions change less than this (max absolute change)
	 */
	public record Options(Kernel kernel, int neighbours, double gamma, double alpha, int maxIterations, double tolerance) {
		/** scikit-learn's defaults for its LabelSpreading, so results can be compared. */
		public static final Options DEFAULTS = new Options(Kernel.KNN, 7, 20, 0.2, 30, 1e-3);

		/** Checked here, once, so a dialog or command line that builds options fails before any work. */
		public Options {
			if (kernel == null) throw new IllegalArgumentException("Label spreading needs a kernel (KNN or RBF)");
			if (neighbours < 1)
				throw new IllegalArgumentException("The number of neighbours k must be at least 1, got " + neighbours);
			if (!(gamma > 0) || Double.isInfinite(gamma))
				throw new IllegalArgumentException("gamma must be a positive finite number, got " + gamma);
			if (!(alpha > 0 && alpha < 1))
				throw new IllegalArgumentException("alpha must lie strictly between 0 and 1, got " + alpha);
			if (maxIterations < 1)
				throw new IllegalArgumentException("The maximum number of iterations must be at least 1, got " + maxIterations);
			if (!(tolerance >= 0))
				throw new IllegalArgumentException("The tolerance must be zero or positive, got " + tolerance);
		}
	}

	/**
	 * @param labels spread label of every point (given labels may change only if alpha > 0)
	 * @param distributions normalized label distribution of every point (rows sum to 1)
	 * @param iterations iterations run
	 */
	public record Result(int[] labels, double[][] distributions, int iterations) {}

	private LabelSpreading() {}

	/**
	 * Spreads labels. Features are standardized (zero mean, unit variance per column; a constant column
	 * becomes 0) before the graph is built.
	 *
	 * <p>The iteration stops once no label distribution (a row of F scaled to sum 1) moves by more than
	 * the tolerance. Measuring the distributions rather than F itself matters: F decays like alpha^hops
	 * away from the labelled points, so with a small alpha its change drops below any tolerance while
	 * labels are still travelling, whereas a point that is reached for the first time changes its
	 * distribution a lot.
	 *
	 * <p>A point that receives nothing (an isolated point, a part of the graph without labelled points,
	 * or one beyond the hops done within {@code maxIterations}) gets a uniform distribution, which says
	 * honestly that the graph knows nothing about it, and the label of its nearest labelled point in
	 * standardized feature space (ties: lowest index), the best guess left. A labelled point always
	 * keeps at least (1 - alpha) of its own label, so it never falls into this case.
	 *
	 * @param x features, one row per point
	 * @param y class of each point in 0 .. numClasses-1, or -1 for unlabelled; a class without any
	 *        labelled point is allowed (it just never wins)
	 * @param options null for {@link Options#DEFAULTS}
	 * @param progress null for none; checked for cancellation between batches of rows and iterations
	 * @throws IllegalArgumentException if the input is inconsistent or the RBF graph would not fit
	 */
	public static Result spread(double[][] x, int[] y, int numClasses, Options options, Progress progress) {
		Options o = options == null ? Options.DEFAULTS : options;
		Progress p = progress == null ? Progress.NONE : progress;
		check(x, y, numClasses, o);
		int n = x.length, d = x[0].length;
		double[] z = standardize(x);
		Graph s = o.kernel() == Kernel.KNN ? knnGraph(z, n, d, Math.min(o.neighbours(), n - 1), p)
			: rbfGraph(z, n, d, o.gamma(), p);
		return iterate(s, z, d, y, numClasses, o, p);
	}

	private static void check(double[][] x, int[] y, int numClasses, Options o) {
		if (x == null || y == null) throw new IllegalArgumentException("Label spreading needs features and labels");
		if (numClasses < 1) throw new IllegalArgumentException("Need at least 1 class, got " + numClasses);
		if (x.length == 0) throw new IllegalArgumentException("No points to spread labels over");
		if (x.length != y.length)
			throw new IllegalArgumentException(x.length + " feature vectors but " + y.length + " labels");
		int d = x[0].length;
		if (d == 0) throw new IllegalArgumentException("Feature vectors are empty");
		boolean labelled = false;
		for (int i = 0; i < x.length; i++) {
			if (x[i].length != d)
				throw new IllegalArgumentException("Point " + i + " has " + x[i].length + " features, expected " + d);
			for (int j = 0; j < d; j++)
				if (!Double.isFinite(x[i][j]))
					throw new IllegalArgumentException("Point " + i + " has the non-finite value " + x[i][j] + " in feature "
						+ j + " (rows and columns count from 0)");
			if (y[i] < -1 || y[i] >= numClasses)
				throw new IllegalArgumentException("Point " + i + " has class " + y[i] + ", expected -1 (unlabelled) or 0.."
					+ (numClasses - 1));
			labelled |= y[i] >= 0;
		}
		if (!labelled) throw new IllegalArgumentException("No labelled point: at least one point needs a class");
		if (o.kernel() == Kernel.RBF) {
			long n = x.length, bytes = 8 * n * n;
			if (n > MAX_RBF_POINTS)
				throw new IllegalArgumentException(String.format(Locale.ROOT, "The RBF kernel keeps an n x n matrix "
					+ "(%,d MB for %,d points) and accepts at most %,d points; use the KNN kernel", bytes >> 20, n,
					MAX_RBF_POINTS));
			long max = Runtime.getRuntime().maxMemory();
			if (max != Long.MAX_VALUE && bytes > max * 0.8)
				throw new IllegalArgumentException(String.format(Locale.ROOT, "The RBF kernel needs %,d MB for %,d "
					+ "points but Java may use only %,d MB: use the KNN kernel or raise the memory limit", bytes >> 20, n,
					max >> 20));
		}
	}

	/** Z-scores per column, row-major in one array for cache-friendly distances; constant columns become 0. */
	static double[] standardize(double[][] x) {
		int n = x.length, d = x[0].length;
		double[] z = new double[n * d];
		for (int j = 0; j < d; j++) {
			double mean = 0;
			for (double[] row : x)
				mean += row[j];
			mean /= n;
			double ss = 0;
			for (double[] row : x)
				ss += (row[j] - mean) * (row[j] - mean);
			double std = Math.sqrt(ss / n);
			// Rounding leaves a constant column a tiny spread; it must not become noise blown up to unit variance.
			if (!(std > 1e-12 * Math.max(1, Math.abs(mean)))) continue;
			for (int i = 0; i < n; i++)
				z[i * d + j] = (x[i][j] - mean) / std;
		}
		return z;
	}

	/** The rows of S: for row i its columns and their weights, or all n weights when columns is null (dense). */
	private record Graph(int[][] columns, double[][] weights) {
		boolean dense() {
			return columns == null;
		}

		/** Row i of S times f (n x c, row-major), into out. */
		double[] times(double[] f, int c, int i, double[] out) {
			Arrays.fill(out, 0);
			int[] cols = columns == null ? null : columns[i];
			double[] w = weights[i];
			for (int t = 0; t < w.length; t++) {
				double s = w[t];
				if (s == 0) continue;
				int j = cols == null ? t : cols[t];
				for (int k = 0; k < c; k++)
					out[k] += s * f[j * c + k];
			}
			return out;
		}
	}

	private static double squaredDistance(double[] z, int a, int b, int d) {
		double s = 0;
		for (int c = 0; c < d; c++) {
			double t = z[a + c] - z[b + c];
			s += t * t;
		}
		return s;
	}

	/**
	 * Runs {@code row} for every row in parallel batches, reporting and checking cancellation between
	 * batches; each row writes only its own results, so the outcome does not depend on scheduling.
	 */
	private static void forEachRow(int n, String stage, Progress progress, IntConsumer row) {
		for (int start = 0; start < n; start += ROWS_PER_BATCH) {
			progress.checkCancelled();
			IntStream.range(start, Math.min(n, start + ROWS_PER_BATCH)).parallel().forEach(row);
			progress.report(stage, Math.min(n, start + ROWS_PER_BATCH), n);
		}
	}

	/**
	 * The k nearest neighbours of each point by exact search (O(n² d), fine for 10,000 points), made
	 * symmetric (an edge if either point picks the other), normalized by the degrees.
	 */
	private static Graph knnGraph(double[] z, int n, int d, int k, Progress progress) {
		int[][] nearest = new int[n][];
		if (k == 0) { // a single point: nothing to link
			Arrays.fill(nearest, new int[0]);
			return new Graph(nearest, new double[][] { new double[0] });
		}
		forEachRow(n, "Finding nearest neighbours", progress, i -> nearest[i] = nearest(z, n, d, k, i));
		// Symmetrise: the neighbours of i are those it picked and those that picked it.
		int[] reverseCount = new int[n];
		for (int[] row : nearest)
			for (int j : row)
				reverseCount[j]++;
		int[][] reverse = new int[n][];
		for (int i = 0; i < n; i++)
			reverse[i] = new int[reverseCount[i]];
		Arrays.fill(reverseCount, 0);
		for (int i = 0; i < n; i++) // ascending i keeps every reverse list sorted
			for (int j : nearest[i])
				reverse[j][reverseCount[j]++] = i;
		int[][] columns = new int[n][];
		for (int i = 0; i < n; i++) {
			int[] own = nearest[i].clone();
			Arrays.sort(own);
			columns[i] = mergeDistinct(own, reverse[i]);
		}
		double[][] weights = new double[n][];
		for (int i = 0; i < n; i++) {
			weights[i] = new double[columns[i].length];
			for (int t = 0; t < columns[i].length; t++)
				weights[i][t] = 1 / Math.sqrt((double) columns[i].length * columns[columns[i][t]].length);
		}
		return new Graph(columns, weights);
	}

	/** Indices of the k points nearest to point i (not i itself); ties go to the lower index. */
	private static int[] nearest(double[] z, int n, int d, int k, int i) {
		int[] index = new int[k];
		double[] dist = new double[k];
		Arrays.fill(dist, Double.POSITIVE_INFINITY);
		int a = i * d;
		for (int j = 0; j < n; j++) {
			if (j == i) continue;
			double worst = dist[k - 1], s = 0;
			int b = j * d;
			// Partial sums only grow, so a candidate can be dropped as soon as it is no closer than the k-th;
			// j only rises, so "no closer" also settles ties in favour of the lower index.
			for (int c = 0; c < d; c++) {
				double t = z[a + c] - z[b + c];
				s += t * t;
				if ((c & 7) == 7 && s >= worst) break;
			}
			if (s >= worst) continue;
			int at = k - 1;
			while (at > 0 && dist[at - 1] > s) {
				dist[at] = dist[at - 1];
				index[at] = index[at - 1];
				at--;
			}
			dist[at] = s;
			index[at] = j;
		}
		return index;
	}

	private static int[] mergeDistinct(int[] a, int[] b) {
		int[] out = new int[a.length + b.length];
		int i = 0, j = 0, m = 0;
		while (i < a.length || j < b.length) {
			int v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
			if (m == 0 || out[m - 1] != v) out[m++] = v;
		}
		return Arrays.copyOf(out, m);
	}

	/**
	 * Dense Gaussian similarities with a zero diagonal, normalized by the degrees; a point whose
	 * similarities all underflow to 0 keeps a zero row, so it only ever holds its own prior.
	 */
	private static Graph rbfGraph(double[] z, int n, int d, double gamma, Progress progress) {
		double[][] w = new double[n][];
		double[] degree = new double[n];
		forEachRow(n, "Computing similarities", progress, i -> {
			double[] row = new double[n];
			double sum = 0;
			for (int j = 0; j < n; j++) {
				if (j == i) continue;
				row[j] = Math.exp(-gamma * squaredDistance(z, i * d, j * d, d));
				sum += row[j];
			}
			w[i] = row;
			degree[i] = sum;
		});
		double[] scale = new double[n];
		for (int i = 0; i < n; i++)
			scale[i] = degree[i] > 0 ? 1 / Math.sqrt(degree[i]) : 0;
		forEachRow(n, "Normalizing similarities", progress, i -> {
			double[] row = w[i];
			for (int j = 0; j < n; j++)
				row[j] *= scale[i] * scale[j];
		});
		return new Graph(null, w);
	}

	private static Result iterate(Graph s, double[] z, int d, int[] y, int c, Options o, Progress progress) {
		int n = y.length;
		double alpha = o.alpha();
		double[] prior = new double[n * c];
		for (int i = 0; i < n; i++)
			if (y[i] >= 0) prior[i * c + y[i]] = 1 - alpha;
		double[] f = new double[n * c], next = new double[n * c];
		for (int i = 0; i < n; i++)
			if (y[i] >= 0) f[i * c + y[i]] = 1;
		double[] dist = normalize(f, n, c), nextDist = new double[n * c];
		// Dense rows cost n each and are worth spreading over the cores; sparse ones are cheaper than the threads.
		boolean parallel = s.dense() && n >= 512;
		int iterations = 0;
		for (int it = 1; it <= o.maxIterations(); it++) {
			progress.checkCancelled();
			double[] from = f, to = next;
			IntStream rows = IntStream.range(0, n);
			(parallel ? rows.parallel() : rows).forEach(i -> {
				double[] sum = s.times(from, c, i, new double[c]);
				for (int k = 0; k < c; k++)
					to[i * c + k] = alpha * sum[k] + prior[i * c + k];
			});
			f = to;
			next = from;
			double change = 0;
			double[] normalized = normalizeInto(f, n, c, nextDist);
			for (int t = 0; t < normalized.length; t++)
				change = Math.max(change, Math.abs(normalized[t] - dist[t]));
			nextDist = dist;
			dist = normalized;
			iterations = it;
			progress.report("Spreading labels", it, o.maxIterations());
			if (change < o.tolerance()) break;
		}
		return result(f, dist, z, d, y, c, iterations);
	}

	private static double[] normalize(double[] f, int n, int c) {
		return normalizeInto(f, n, c, new double[n * c]);
	}

	/** Rows of f scaled to sum 1; a row that received nothing becomes uniform. */
	private static double[] normalizeInto(double[] f, int n, int c, double[] out) {
		for (int i = 0; i < n; i++) {
			double sum = 0;
			for (int k = 0; k < c; k++)
				sum += f[i * c + k];
			for (int k = 0; k < c; k++)
				out[i * c + k] = sum > 0 ? f[i * c + k] / sum : 1.0 / c;
		}
		return out;
	}

	private static Result result(double[] f, double[] dist, double[] z, int d, int[] y, int c, int iterations) {
		int n = y.length;
		int[] labels = new int[n];
		double[][] distributions = new double[n][];
		for (int i = 0; i < n; i++) {
			distributions[i] = Arrays.copyOfRange(dist, i * c, (i + 1) * c);
			double sum = 0;
			int best = 0;
			for (int k = 0; k < c; k++) {
				sum += f[i * c + k];
				if (f[i * c + k] > f[i * c + best]) best = k; // strictly greater: ties keep the lowest class
			}
			labels[i] = sum > 0 ? best : nearestLabelled(z, d, y, i);
		}
		return new Result(labels, distributions, iterations);
	}

	/** The class of the labelled point nearest to point i in standardized space; ties go to the lower index. */
	private static int nearestLabelled(double[] z, int d, int[] y, int i) {
		int label = -1;
		double best = Double.POSITIVE_INFINITY;
		for (int j = 0; j < y.length; j++) {
			if (y[j] < 0) continue;
			double s = squaredDistance(z, i * d, j * d, d);
			if (s < best) {
				best = s;
				label = y[j];
			}
		}
		return label;
	}
}
