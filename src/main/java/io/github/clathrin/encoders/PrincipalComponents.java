package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import io.github.clathrin.task.Progress;
import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * The mean and leading principal axes of a sample-by-voxel matrix, fitted by the Gram trick: with n
 * samples much fewer than p voxels, the eigenvectors U of the n x n matrix X X^T of the centred data
 * give the axes X^T U / s, at a fraction of the cost of a p x p covariance.
 */
public final class PrincipalComponents {

	private final double[] mean;
	/** Axis j, voxel i at {@code axes[i * k + j]}: voxel-major, so sparse projections read contiguous memory. */
	private final double[] axes;
	/** Variance along each axis (sample covariance eigenvalues), largest first. */
	private final double[] variances;
	private final int p;
	private final int k;
	/** C^T mean and C^T 1, so projecting a scaled and shifted sample costs only its non-zero voxels. */
	private final double[] meanProjection;
	private final double[] axisSums;

	PrincipalComponents(double[] mean, double[] axes, double[] variances) {
		this.mean = mean;
		this.axes = axes;
		this.variances = variances;
		this.p = mean.length;
		this.k = variances.length;
		if (axes.length != (long) p * k) throw new IllegalArgumentException("axes length " + axes.length + " != " + p + " x " + k);
		meanProjection = new double[k];
		axisSums = new double[k];
		for (int i = 0; i < p; i++) {
			for (int j = 0; j < k; j++) {
				meanProjection[j] += mean[i] * axes[i * k + j];
				axisSums[j] += axes[i * k + j];
			}
		}
	}

	/**
	 * Fits the axes to the samples {@code scale[i] * rows[i] + offset[i]}. The affine form lets
	 * per-sample normalization keep sparse volumes sparse: X X^T is built from the non-zero voxels
	 * only (falling back to BLAS for dense data) and the scale, offset and centring are applied to that
	 * n x n matrix afterwards, so no dense n x p copy is ever made for sparse data.
	 *
	 * @param rows the samples, all of one length p (not modified)
	 * @param scale per-sample factor, or null for 1
	 * @param offset per-sample shift, or null for 0
	 * @param maxComponents keep at most this many axes (and at most n - 1, and none with zero variance)
	 * @param varianceFraction if not NaN: keep the fewest axes explaining this fraction of the variance
	 *          (still capped by maxComponents)
	 */
	public static PrincipalComponents fit(List<float[]> rows, double[] scale, double[] offset, int maxComponents,
		double varianceFraction, Progress progress)
	{
		int n = rows.size();
		if (n < 2) throw new IllegalArgumentException("principal components need at least 2 samples, got " + n);
		if (maxComponents < 1) throw new IllegalArgumentException("components must be at least 1, got " + maxComponents);
		if ((long) n * n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(n + " samples is too many for one Gram matrix");
		int p = rows.get(0).length;
		double[] a = new double[n], b = new double[n];
		for (int i = 0; i < n; i++) {
			a[i] = scale == null ? 1 : scale[i];
			b[i] = offset == null ? 0 : offset[i];
		}
		progress.report("PCA: Gram matrix", 0, n);
		SparseRows sparse = SparseRows.of(rows, progress);
		double[] g = sparse.nonZeros() > 0.3 * n * p ? denseGram(rows, progress) : sparse.gram(progress);
		double[] sums = sparse.rowSums();

		// Gram matrix of the scaled and shifted samples, then double centring: C = J Y Y^T J.
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
				g[i * n + j] = a[i] * a[j] * g[i * n + j] + a[i] * b[j] * sums[i] + b[i] * a[j] * sums[j] + b[i] * b[j] * p;
		double[] rowMean = new double[n];
		double grand = 0;
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) rowMean[i] += g[i * n + j];
			rowMean[i] /= n;
			grand += rowMean[i] / n;
		}
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) g[i * n + j] += grand - rowMean[i] - rowMean[j];
		progress.checkCancelled();
		progress.report("PCA: eigenvectors", 0, 1);
		Matrix gram = new Matrix(n, n, n, g); // symmetric, so row- and column-major agree
		gram.uplo(UPLO.LOWER);
		Matrix.EVD evd = gram.eigen(false, true, true);
		progress.checkCancelled();

		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		Arrays.sort(order, (u, v) -> Double.compare(evd.wr[v], evd.wr[u]));
		double total = 0;
		for (double w : evd.wr) total += Math.max(w, 0);
		double top = Math.max(evd.wr[order[0]], 0);
		int keep = 0;
		double cumulative = 0;
		int cap = Math.min(maxComponents, n - 1);
		boolean byVariance = !Double.isNaN(varianceFraction);
		while (keep < cap && top > 0 && evd.wr[order[keep]] > 1e-10 * top) {
			if (byVariance && cumulative >= varianceFraction * total) break;
			cumulative += evd.wr[order[keep]];
			keep++;
		}
		if (keep == 0) keep = 1; // all samples identical: one zero axis keeps the dimension fixed and encodings 0

		double[][] u = new double[keep][n];
		double[] variances = new double[keep];
		double[] singular = new double[keep];
		for (int j = 0; j < keep; j++) {
			variances[j] = Math.max(evd.wr[order[j]], 0) / (n - 1);
			singular[j] = Math.sqrt(Math.max(evd.wr[order[j]], 0));
			for (int i = 0; i < n; i++) u[j][i] = evd.Vr.get(i, order[j]);
		}
		double[] mean = sparse.weightedSum(a, 1.0 / n);
		double meanOffset = 0;
		for (double x : b) meanOffset += x / n;
		for (int v = 0; v < p; v++) mean[v] += meanOffset;
		double[] axes = sparse.axes(u, a, b, mean, singular, progress);
		progress.report("PCA", 1, 1);
		return new PrincipalComponents(mean, axes, variances);
	}

	/** X X^T by BLAS, for data too dense for the sparse product to pay off. */
	private static double[] denseGram(List<float[]> rows, Progress progress) {
		int n = rows.size(), p = rows.get(0).length;
		if ((long) n * p > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(n + " dense samples x " + p + " voxels is too large");
		double[] x = new double[n * p];
		for (int i = 0; i < n; i++) {
			float[] r = rows.get(i);
			for (int v = 0; v < p; v++) x[i + v * n] = r[v];
		}
		progress.checkCancelled();
		Matrix g = new Matrix(n, p, n, x).aat();
		double[] out = new double[n * n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) out[i * n + j] = g.get(i, j);
		return out;
	}

	/** Number of axes. */
	public int size() {
		return k;
	}

	/** Values per sample. */
	public int inputLength() {
		return p;
	}

	/** Variance along each axis, largest first. */
	public double[] variances() {
		return variances.clone();
	}

	public double axis(int j, int voxel) {
		return axes[voxel * k + j];
	}

	public double mean(int voxel) {
		return mean[voxel];
	}

	/**
	 * Writes the coordinates of {@code scale * x + offset - mean} on the axes into {@code out}; skips the
	 * zero voxels of x, which is most of a sparse volume.
	 */
	public void project(float[] x, double scale, double offset, double[] out) {
		if (x.length != p) throw new IllegalArgumentException("sample has " + x.length + " values, expected " + p);
		Arrays.fill(out, 0, k, 0);
		for (int i = 0; i < p; i++) {
			float v = x[i];
			if (v == 0) continue;
			int base = i * k;
			for (int j = 0; j < k; j++) out[j] += v * axes[base + j];
		}
		for (int j = 0; j < k; j++) out[j] = scale * out[j] + offset * axisSums[j] - meanProjection[j];
	}

	/** Maps axis coordinates back to a sample: mean + sum_j code_j * axis_j. */
	public double[] reconstruct(double[] code) {
		double[] out = mean.clone();
		for (int i = 0; i < p; i++)
			for (int j = 0; j < k; j++) out[i] += code[j] * axes[i * k + j];
		return out;
	}

	void write(DataOutputStream out) throws IOException {
		out.writeInt(p);
		out.writeInt(k);
		EncoderState.writeDoubles(out, mean);
		EncoderState.writeDoubles(out, variances);
		EncoderState.writeDoubles(out, axes);
	}

	static PrincipalComponents read(DataInputStream in, String what) throws IOException {
		int p = EncoderState.readSize(in, what + " voxel count", 1 << 24);
		int k = EncoderState.readSize(in, what + " component count", 1 << 16);
		if ((long) p * k > Integer.MAX_VALUE - 8) throw new IOException(what + ": " + p + " x " + k + " axes is too large");
		double[] mean = EncoderState.readDoubles(in, p, what + " mean");
		double[] variances = EncoderState.readDoubles(in, k, what + " variances");
		double[] axes = EncoderState.readDoubles(in, p * k, what + " axes");
		return new PrincipalComponents(mean, axes, variances);
	}
}
