package io.github.clathrin.segment;

import java.util.Arrays;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Points sorted by the cubic cell they fall in, with the coordinates copied in that order so that a
 * neighbour query reads memory in sequence; cells are found again by binary search on their keys.
 * Rows with a non-finite coordinate are left out; data whose cells cannot be indexed is refused.
 */
final class Grid {

	/** Original row of each sorted point. */
	final int[] row;
	/** Sorted points of cell c are start[c] until start[c + 1]. */
	final int[] start;
	private final long[] keys;
	private final double[] xs, ys, zs;
	private final long ny, nz, nx;

	private Grid(int[] row, int[] start, long[] keys, double[] xs, double[] ys, double[] zs, long nx, long ny, long nz) {
		this.row = row;
		this.start = start;
		this.keys = keys;
		this.xs = xs;
		this.ys = ys;
		this.zs = zs;
		this.nx = nx;
		this.ny = ny;
		this.nz = nz;
	}

	static Grid build(double[] x, double[] y, double[] z, double cell, Progress progress) {
		int n = x.length;
		double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX;
		double maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
		int m = 0;
		for (int r = 0; r < n; r++) {
			double zr = z == null ? 0 : z[r];
			if (!Double.isFinite(x[r]) || !Double.isFinite(y[r]) || !Double.isFinite(zr)) continue;
			m++;
			minX = Math.min(minX, x[r]);
			maxX = Math.max(maxX, x[r]);
			minY = Math.min(minY, y[r]);
			maxY = Math.max(maxY, y[r]);
			minZ = Math.min(minZ, zr);
			maxZ = Math.max(maxZ, zr);
		}
		if (m == 0) return new Grid(new int[0], new int[] { 0 }, new long[0], new double[0], new double[0],
			new double[0], 1, 1, 1);
		checkIndexable(new double[] { minX, minY, minZ }, new double[] { maxX, maxY, maxZ }, cell);
		long nx = (long) Math.floor((maxX - minX) / cell) + 1;
		long ny = (long) Math.floor((maxY - minY) / cell) + 1;
		long nz = (long) Math.floor((maxZ - minZ) / cell) + 1;

		long[] key = new long[m];
		int[] rowOf = new int[m];
		int k = 0;
		for (int r = 0; r < n; r++) {
			double zr = z == null ? 0 : z[r];
			if (!Double.isFinite(x[r]) || !Double.isFinite(y[r]) || !Double.isFinite(zr)) continue;
			long ix = Math.min(nx - 1, (long) ((x[r] - minX) / cell));
			long iy = Math.min(ny - 1, (long) ((y[r] - minY) / cell));
			long iz = Math.min(nz - 1, (long) ((zr - minZ) / cell));
			key[k] = (ix * ny + iy) * nz + iz;
			rowOf[k++] = r;
		}
		progress.checkCancelled();
		progress.report("Sorting points into cells", 0, m);
		long[] cells = key.clone();
		Arrays.sort(cells);
		int distinct = 0;
		for (int i = 0; i < m; i++)
			if (i == 0 || cells[i] != cells[distinct - 1]) cells[distinct++] = cells[i];
		cells = Arrays.copyOf(cells, distinct);

		// Counting sort by cell keeps rows within a cell in input order.
		int[] cellOf = new int[m];
		int[] start = new int[distinct + 1];
		for (int i = 0; i < m; i++) {
			if ((i & (Dbscan.STEP - 1)) == 0) progress.checkCancelled();
			cellOf[i] = Arrays.binarySearch(cells, key[i]);
			start[cellOf[i] + 1]++;
		}
		key = null;
		for (int c = 0; c < distinct; c++) start[c + 1] += start[c];
		int[] fill = Arrays.copyOf(start, distinct);
		int[] row = new int[m];
		for (int i = 0; i < m; i++) row[fill[cellOf[i]]++] = rowOf[i];
		cellOf = null;
		rowOf = null;
		double[] xs = new double[m], ys = new double[m], zs = new double[m];
		for (int s = 0; s < m; s++) {
			int r = row[s];
			xs[s] = x[r];
			ys[s] = y[r];
			zs[s] = z == null ? 0 : z[r];
		}
		return new Grid(row, start, cells, xs, ys, zs, nx, ny, nz);
	}

	/** Most cells the grid may span: cell keys (ix * ny + iy) * nz + iz must stay far below Long.MAX_VALUE. */
	static final double MAX_CELLS = 1e18;

	/**
	 * Refuses data whose grid of cubic cells cannot be indexed by a long: a span beyond the largest double
	 * (-1e308 to 1e308), or so many cells of side {@code cell} that keys would overflow and DBSCAN would
	 * silently find nothing. Checked in doubles, before any long arithmetic.
	 */
	private static void checkIndexable(double[] min, double[] max, double cell) {
		double cells = 1, widest = 0;
		int widestAxis = 0;
		for (int a = 0; a < 3; a++) {
			double span = max[a] - min[a];
			if (!Double.isFinite(span))
				throw new InputException("the " + AXES[a] + " coordinates span from " + min[a] + " to " + max[a]
					+ " nm, more than a number can hold: are these localizations in nm? (remove the far-off rows)");
			cells *= Math.floor(span / cell) + 1;
			if (span > widest) {
				widest = span;
				widestAxis = a;
			}
		}
		if (cells > MAX_CELLS)
			throw new InputException("eps " + cell + " nm is too small for data spanning " + widest + " nm along "
				+ AXES[widestAxis] + ": DBSCAN's grid of eps-sized cells would need more than " + MAX_CELLS
				+ " cells (use a larger eps, or remove the far-off localizations)");
	}

	private static final String[] AXES = { "x", "y", "z" };

	/** Number of points with finite coordinates. */
	int size() {
		return row.length;
	}

	/** Number of non-empty cells. */
	int cells() {
		return keys.length;
	}

	double dist2(int p, int q) {
		double dx = xs[p] - xs[q], dy = ys[p] - ys[q], dz = zs[p] - zs[q];
		return dx * dx + dy * dy + dz * dz;
	}

	/** Writes the non-empty cells among the 27 around cell c (c included), in key order; returns how many. */
	int neighbourCells(int c, int[] out) {
		long key = keys[c];
		long iz = key % nz, iy = (key / nz) % ny, ix = key / nz / ny;
		int k = 0;
		for (long dx = -1; dx <= 1; dx++) {
			long jx = ix + dx;
			if (jx < 0 || jx >= nx) continue;
			for (long dy = -1; dy <= 1; dy++) {
				long jy = iy + dy;
				if (jy < 0 || jy >= ny) continue;
				for (long dz = -1; dz <= 1; dz++) {
					long jz = iz + dz;
					if (jz < 0 || jz >= nz) continue;
					int found = Arrays.binarySearch(keys, (jx * ny + jy) * nz + jz);
					if (found >= 0) out[k++] = found;
				}
			}
		}
		return k;
	}
}
