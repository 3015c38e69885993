package io.github.clathrin.encoders;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.github.clathrin.task.Progress;

/**
 * The non-zero entries of n samples, by sample and by voxel, and the products PCA needs from them:
 * voxelized structures fill a few percent of their grid, so working on non-zeros is many times
 * faster than dense algebra and needs no dense n x p copy.
 */
final class SparseRows {

	private final int n, p;
	private final int[] rowStart, rowVoxel;
	private final float[] rowValue;
	private final double[] rowSums;

	private SparseRows(int n, int p, int[] rowStart, int[] rowVoxel, float[] rowValue, double[] rowSums) {
		this.n = n;
		this.p = p;
		this.rowStart = rowStart;
		this.rowVoxel = rowVoxel;
		this.rowValue = rowValue;
		this.rowSums = rowSums;
	}

	static SparseRows of(List<float[]> rows, Progress progress) {
		int n = rows.size(), p = rows.get(0).length;
		long nnz = 0;
		for (float[] r : rows) {
			if (r.length != p) throw new IllegalArgumentException("samples differ in length: " + r.length + " vs " + p);
			for (float v : r)
				if (v != 0) nnz++;
		}
		if (nnz > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many non-zero voxels: " + nnz);
		int[] start = new int[n + 1], voxel = new int[(int) nnz];
		float[] value = new float[(int) nnz];
		double[] sums = new double[n];
		int k = 0;
		for (int i = 0; i < n; i++) {
			if ((i & 255) == 0) progress.checkCancelled();
			float[] r = rows.get(i);
			for (int v = 0; v < p; v++) {
				if (r[v] == 0) continue;
				voxel[k] = v;
				value[k++] = r[v];
				sums[i] += r[v];
			}
			start[i + 1] = k;
		}
		return new SparseRows(n, p, start, voxel, value, sums);
	}

	long nonZeros() {
		return rowStart[n];
	}

	double[] rowSums() {
		return rowSums;
	}

	/** X X^T, row-major n x n; rows are computed in parallel, each by one thread, so the sums are deterministic. */
	double[] gram(Progress progress) {
		int nnz = rowStart[n];
		// The same entries by voxel; samples within a voxel stay in ascending order.
		int[] colStart = new int[p + 1];
		for (int t = 0; t < nnz; t++) colStart[rowVoxel[t] + 1]++;
		for (int v = 0; v < p; v++) colStart[v + 1] += colStart[v];
		int[] fill = Arrays.copyOf(colStart, p);
		int[] colRow = new int[nnz];
		float[] colValue = new float[nnz];
		for (int i = 0; i < n; i++) {
			for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
				int slot = fill[rowVoxel[t]]++;
				colRow[slot] = i;
				colValue[slot] = rowValue[t];
			}
		}
		double[] g = new double[n * n];
		IntStream.range(0, n).parallel().forEach(i -> {
			if (progress.isCancelled()) return;
			int base = i * n;
			for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
				int v = rowVoxel[t];
				double x = rowValue[t];
				// only j >= i: the lower half is mirrored below
				int from = Arrays.binarySearch(colRow, colStart[v], colStart[v + 1], i);
				for (int s = from; s < colStart[v + 1]; s++) g[base + colRow[s]] += x * colValue[s];
			}
		});
		progress.checkCancelled();
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++) g[j * n + i] = g[i * n + j];
		return g;
	}

	/** factor * sum_i a_i x_i, a dense p-vector. */
	double[] weightedSum(double[] a, double factor) {
		double[] out = new double[p];
		for (int i = 0; i < n; i++)
			for (int t = rowStart[i]; t < rowStart[i + 1]; t++) out[rowVoxel[t]] += factor * a[i] * rowValue[t];
		return out;
	}

	/**
	 * Principal axes (Y - mean)^T u_j / s_j of the samples y_i = a_i x_i + b_i, voxel-major (p x k), each
	 * signed so that its largest-magnitude entry is positive.
	 */
	double[] axes(double[][] u, double[] a, double[] b, double[] mean, double[] singular, Progress progress) {
		int k = u.length;
		double[] axes = new double[p * k];
		double[] weight = new double[k];
		for (int i = 0; i < n; i++) {
			if ((i & 255) == 0) progress.checkCancelled();
			for (int j = 0; j < k; j++) weight[j] = u[j][i] * a[i];
			for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
				int base = rowVoxel[t] * k;
				double x = rowValue[t];
				for (int j = 0; j < k; j++) axes[base + j] += weight[j] * x;
			}
		}
		for (int j = 0; j < k; j++) {
			double shift = 0, uSum = 0;
			for (int i = 0; i < n; i++) {
				shift += u[j][i] * b[i];
				uSum += u[j][i];
			}
			double inverse = singular[j] > 0 ? 1 / singular[j] : 0;
			double big = 0;
			for (int v = 0; v < p; v++) {
				double value = (axes[v * k + j] + shift - mean[v] * uSum) * inverse;
				axes[v * k + j] = value;
				if (Math.abs(value) > Math.abs(big)) big = value;
			}
			if (big < 0)
				for (int v = 0; v < p; v++) axes[v * k + j] = -axes[v * k + j];
		}
		return axes;
	}
}
