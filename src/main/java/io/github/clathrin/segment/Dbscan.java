package io.github.clathrin.segment;

import java.util.Arrays;

import io.github.clathrin.task.Progress;

/**
 * DBSCAN in 3D over a uniform grid of cubic cells with side eps, so that each neighbour query looks at
 * the 27 cells around a point and ten million localizations fit in primitive arrays (no object per
 * point).
 *
 * <p>Rules, chosen so that the labels depend only on the points and not on the order of a search:
 * <ul>
 * <li>a point is a neighbour of another when their distance is at most eps (inclusive); a point counts
 * as its own neighbour, and it is a core point when it has at least minPoints neighbours;</li>
 * <li>clusters are the connected components of core points linked by eps;</li>
 * <li>a border point (not core, with a core neighbour) joins the cluster of its nearest core neighbour,
 * the lowest row index on a tie; classic DBSCAN gives it to whichever cluster reaches it first;</li>
 * <li>clusters are numbered 0, 1, ... in the order of their first row; noise and rows with a non-finite
 * coordinate are {@link #NOISE}.</li>
 * </ul>
 */
public final class Dbscan {

	/** The label of rows that belong to no cluster. */
	public static final int NOISE = -1;

	/** Rows between progress reports and cancellation checks. */
	static final int STEP = 1 << 16;

	/** Labels per row and the number of clusters. */
	public record Result(int[] labels, int clusters) {}

	private final double eps;
	private final int minPoints;

	/** Refuses eps that is not a positive finite number of nm and minPoints below 1. */
	public Dbscan(double eps, int minPoints) {
		if (!(eps > 0) || !Double.isFinite(eps))
			throw new IllegalArgumentException("eps must be a positive number of nm, got " + eps);
		if (minPoints < 1) throw new IllegalArgumentException("min points must be at least 1, got " + minPoints);
		this.eps = eps;
		this.minPoints = minPoints;
	}

	public double eps() {
		return eps;
	}

	public int minPoints() {
		return minPoints;
	}

	/** Clusters the points; {@code z} may be null for 2D data (z = 0). */
	public Result cluster(double[] x, double[] y, double[] z, Progress progress) {
		int n = x.length;
		if (y.length != n || (z != null && z.length != n))
			throw new IllegalArgumentException("x, y and z differ in length");
		if (progress == null) progress = Progress.NONE;
		Grid grid = Grid.build(x, y, z, eps, progress);
		int m = grid.size();
		boolean[] core = corePoints(grid, progress);
		int[] parent = linkCores(grid, core, progress);
		int[] root = new int[m]; // cluster root of each sorted point, or -1
		assignBorders(grid, core, parent, root, progress);

		// Number clusters in order of their first row in the input.
		int[] labels = new int[n];
		Arrays.fill(labels, NOISE);
		int[] sortedOf = new int[n];
		Arrays.fill(sortedOf, -1);
		for (int s = 0; s < m; s++) sortedOf[grid.row[s]] = s;
		int[] idOfRoot = new int[m];
		Arrays.fill(idOfRoot, -1);
		int clusters = 0;
		for (int r = 0; r < n; r++) {
			int s = sortedOf[r];
			if (s < 0 || root[s] < 0) continue;
			if (idOfRoot[root[s]] < 0) idOfRoot[root[s]] = clusters++;
			labels[r] = idOfRoot[root[s]];
		}
		progress.report("Clustering", n, n);
		return new Result(labels, clusters);
	}

	/** Core flags; each point is independent of the others, so chunks of cells run in parallel. */
	private boolean[] corePoints(Grid g, Progress progress) {
		int m = g.size();
		boolean[] core = new boolean[m];
		double eps2 = eps * eps;
		Chunks chunks = new Chunks(g, progress, "Finding core points");
		chunks.forEach((c0, c1) -> {
			int[] neighbours = new int[27];
			for (int c = c0; c < c1; c++) {
				int k = g.neighbourCells(c, neighbours);
				for (int p = g.start[c]; p < g.start[c + 1]; p++) {
					int count = 0;
					search: for (int i = 0; i < k; i++) {
						int nc = neighbours[i];
						for (int q = g.start[nc]; q < g.start[nc + 1]; q++)
							if (g.dist2(p, q) <= eps2 && ++count >= minPoints) break search;
					}
					core[p] = count >= minPoints;
				}
			}
		});
		return core;
	}

	/** Union-find over core points (indices in sorted order); returns the parent array. */
	private int[] linkCores(Grid g, boolean[] core, Progress progress) {
		int m = g.size();
		int[] parent = new int[m];
		for (int i = 0; i < m; i++) parent[i] = i;
		double eps2 = eps * eps;
		int[] neighbours = new int[27];
		for (int c = 0; c < g.cells(); c++) {
			int k = g.neighbourCells(c, neighbours);
			for (int p = g.start[c]; p < g.start[c + 1]; p++) {
				if ((p & (STEP - 1)) == 0) tick(progress, "Linking core points", p, m);
				if (!core[p]) continue;
				for (int i = 0; i < k; i++) {
					int nc = neighbours[i];
					if (nc < c) continue; // each pair of cells once
					for (int q = nc == c ? p + 1 : g.start[nc]; q < g.start[nc + 1]; q++) {
						if (!core[q]) continue;
						int a = find(parent, p), b = find(parent, q);
						if (a != b && g.dist2(p, q) <= eps2) parent[Math.max(a, b)] = Math.min(a, b);
					}
				}
			}
		}
		return parent;
	}

	/**
	 * Roots of core points first (find compresses paths, so it runs alone), then each border point reads
	 * the root of its nearest core neighbour, in parallel chunks.
	 */
	private void assignBorders(Grid g, boolean[] core, int[] parent, int[] root, Progress progress) {
		int m = g.size();
		for (int p = 0; p < m; p++) root[p] = core[p] ? find(parent, p) : -1;
		double eps2 = eps * eps;
		new Chunks(g, progress, "Assigning border points").forEach((c0, c1) -> {
			int[] neighbours = new int[27];
			for (int c = c0; c < c1; c++) {
				int k = g.neighbourCells(c, neighbours);
				for (int p = g.start[c]; p < g.start[c + 1]; p++) {
					if (core[p]) continue;
					int best = -1;
					double bestD = Double.POSITIVE_INFINITY;
					for (int i = 0; i < k; i++) {
						int nc = neighbours[i];
						for (int q = g.start[nc]; q < g.start[nc + 1]; q++) {
							if (!core[q]) continue;
							double d = g.dist2(p, q);
							if (d > eps2) continue;
							if (d < bestD || (d == bestD && g.row[q] < g.row[best])) {
								best = q;
								bestD = d;
							}
						}
					}
					if (best >= 0) root[p] = root[best];
				}
			}
		});
	}

	/** Root with path halving: keeps trees flat without recursion. */
	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void tick(Progress progress, String stage, long done, long total) {
		progress.checkCancelled();
		progress.report(stage, done, total);
	}
}
