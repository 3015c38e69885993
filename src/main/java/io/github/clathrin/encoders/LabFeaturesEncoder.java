package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SymmetricEigen3;

/**
 * Describes a structure by hand-made shape features of its point cloud (or, for ready-made volumes,
 * of its occupied voxel centres): size, principal spreads and their ratios, how well a sphere fits,
 * how much of the sphere of directions is covered, and up-down asymmetry, which tells cups from
 * flat lattices and closed vesicles.
 */
public final class LabFeaturesEncoder extends FixedFeaturesEncoder {

	public static final String NAME = "lab";
	static final Set<String> OPTIONS = Set.of();

	/** Feature names, in encoding order. */
	public static final List<String> FEATURES = List.of("log_count", "extent_x", "extent_y", "extent_z",
		"radius_of_gyration", "sigma_1", "sigma_2", "sigma_3", "elongation", "flatness", "sphericity",
		"sphere_curvature", "sphere_residual_mean", "sphere_residual_std", "sphere_centre_offset",
		"angular_coverage", "angular_entropy", "fraction_above", "skew_minor_axis", "skew_z", "hollowness",
		"log_density", "cap_curvature");

	private static final int POLAR_BINS = 8, AZIMUTH_BINS = 16;
	/** A fitted sphere bigger than this many radii of gyration is a plane. */
	private static final double FLAT_RADIUS = 1e4;


	/** No options: the features are fixed. */
	public static LabFeaturesEncoder fromOptions(Map<String, Object> options) {
		new Options(NAME, options, OPTIONS);
		return new LabFeaturesEncoder();
	}

	private LabFeaturesEncoder() {
		super(NAME, FEATURES.size());
	}

	@Override
	Map<String, Object> options() {
		return Map.of();
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		EncoderState.writeHeader(out, NAME, 1);
		out.writeInt(FEATURES.size());
	}

	public static LabFeaturesEncoder load(Map<String, Object> parameters, DataInputStream in) throws IOException {
		EncoderState.readHeader(in, NAME, 1);
		int d = EncoderState.readSize(in, "lab feature count", 1 << 10);
		if (d != FEATURES.size()) throw new IOException("lab state has " + d + " features, this version computes " + FEATURES.size());
		Encoders.checkLearned(parameters, "dimension", d);
		return loaded(new LabFeaturesEncoder());
	}

	@Override
	public double[] encode(Sample sample) {
		checkFitted();
		double[] p = sample.points() != null ? finite(sample.points()) : sample.volume().occupiedCentres();
		return features(p);
	}

	/** The features of x,y,z triples; always finite, all zero for no points. */
	public static double[] features(double[] p) {
		double[] f = new double[FEATURES.size()];
		int n = p.length / 3;
		f[0] = Math.log1p(n);
		if (n == 0) return f;

		double[] c = new double[3];
		for (int i = 0; i < p.length; i++) c[i % 3] += p[i];
		for (int d = 0; d < 3; d++) c[d] /= n;
		double[][] cov = new double[3][3];
		double[] r = new double[n];
		double rSum = 0;
		for (int i = 0; i < n; i++) {
			double dx = p[3 * i] - c[0], dy = p[3 * i + 1] - c[1], dz = p[3 * i + 2] - c[2];
			double[] d = { dx, dy, dz };
			for (int a = 0; a < 3; a++)
				for (int b = 0; b < 3; b++) cov[a][b] += d[a] * d[b] / n;
			r[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
			rSum += r[i];
		}
		for (int d = 0; d < 3; d++) f[1 + d] = extent(p, d, n);
		double rg = Math.sqrt(cov[0][0] + cov[1][1] + cov[2][2]);
		f[4] = rg;
		SymmetricEigen3 eig = new SymmetricEigen3(cov);
		double s1 = Math.sqrt(Math.max(eig.values[0], 0)), s2 = Math.sqrt(Math.max(eig.values[1], 0)),
			s3 = Math.sqrt(Math.max(eig.values[2], 0));
		f[5] = s1;
		f[6] = s2;
		f[7] = s3;
		f[8] = ratio(s2, s1);
		f[9] = ratio(s3, s2);
		f[10] = ratio(s3, s1);
		if (rg > 0) sphereFeatures(p, n, c, rg, eig.vectors[2], f);
		angularFeatures(p, n, c, f);
		int above = 0;
		for (int i = 0; i < n; i++)
			if (p[3 * i + 2] > c[2]) above++;
		f[17] = (double) above / n;
		// The minor axis' sign is arbitrary, so only the size of its skew is meaningful; z keeps its sign.
		f[18] = Math.abs(skewness(p, n, c, eig.vectors[2]));
		f[19] = skewness(p, n, c, new double[] { 0, 0, 1 });
		double rMean = rSum / n, rVar = 0;
		for (double x : r) rVar += (x - rMean) * (x - rMean) / n;
		f[20] = ratio(Math.sqrt(rVar), rMean);
		f[21] = Math.log((n + 1.0) / (f[1] * f[2] * f[3] + 1));
		if (rg > 0) f[22] = capCurvature(p, n, c, rg, eig.vectors);
		for (int i = 0; i < f.length; i++)
			if (!Double.isFinite(f[i])) f[i] = 0; // last-resort guard: a classifier cannot use NaN
		return f;
	}

	/** Fits |x - centre|^2 = R^2 by linear least squares (in centred, rg-scaled coordinates). */
	private static void sphereFeatures(double[] p, int n, double[] c, double rg, double[] minorAxis, double[] f) {
		double[][] m = new double[4][5];
		for (int i = 0; i < n; i++) {
			double x = (p[3 * i] - c[0]) / rg, y = (p[3 * i + 1] - c[1]) / rg, z = (p[3 * i + 2] - c[2]) / rg;
			double[] v = { 2 * x, 2 * y, 2 * z, 1 };
			double rhs = x * x + y * y + z * z;
			for (int a = 0; a < 4; a++) {
				for (int b = 0; b < 4; b++) m[a][b] += v[a] * v[b];
				m[a][4] += v[a] * rhs;
			}
		}
		double[] s = solve(m);
		double radius2 = s == null ? -1 : s[0] * s[0] + s[1] * s[1] + s[2] * s[2] + s[3];
		double radius = radius2 > 0 ? Math.sqrt(radius2) : Double.POSITIVE_INFINITY;
		double[] residual = new double[n];
		double offset;
		if (radius < FLAT_RADIUS) {
			f[11] = 1 / radius;
			offset = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]) / radius;
			for (int i = 0; i < n; i++) {
				double x = (p[3 * i] - c[0]) / rg - s[0], y = (p[3 * i + 1] - c[1]) / rg - s[1], z = (p[3 * i + 2] - c[2]) / rg - s[2];
				residual[i] = Math.sqrt(x * x + y * y + z * z) - radius;
			}
		} else {
			// A plane is a sphere of infinite radius: no curvature, centre "at infinity" (offset 1),
			// residuals measured from the plane through the centroid across the minor axis.
			f[11] = 0;
			offset = 1;
			for (int i = 0; i < n; i++) {
				residual[i] = ((p[3 * i] - c[0]) * minorAxis[0] + (p[3 * i + 1] - c[1]) * minorAxis[1]
					+ (p[3 * i + 2] - c[2]) * minorAxis[2]) / rg;
			}
		}
		double abs = 0, mean = 0;
		for (double e : residual) {
			abs += Math.abs(e);
			mean += e;
		}
		mean /= n;
		double var = 0;
		for (double e : residual) var += (e - mean) * (e - mean);
		f[12] = abs / n;
		f[13] = Math.sqrt(var / n);
		f[14] = offset;
	}

	/**
	 * Curvature (in 1 / radius of gyration) of the paraboloid h = c0 + c1 u + c2 v + c3 (u^2 + v^2) fitted
	 * over the structure's principal plane: unlike the sphere fit it is 0 for a flat disk, whose
	 * best-fitting sphere passes through the disk's rim.
	 */
	private static double capCurvature(double[] p, int n, double[] c, double rg, double[][] axes) {
		double[][] m = new double[4][5];
		for (int i = 0; i < n; i++) {
			double dx = (p[3 * i] - c[0]) / rg, dy = (p[3 * i + 1] - c[1]) / rg, dz = (p[3 * i + 2] - c[2]) / rg;
			double u = dx * axes[0][0] + dy * axes[0][1] + dz * axes[0][2];
			double v = dx * axes[1][0] + dy * axes[1][1] + dz * axes[1][2];
			double h = dx * axes[2][0] + dy * axes[2][1] + dz * axes[2][2];
			double[] row = { 1, u, v, u * u + v * v };
			for (int a = 0; a < 4; a++) {
				for (int b = 0; b < 4; b++) m[a][b] += row[a] * row[b];
				m[a][4] += row[a] * h;
			}
		}
		double[] s = solve(m);
		return s == null ? 0 : Math.abs(2 * s[3]); // the minor axis' sign is arbitrary
	}

	/** Gaussian elimination with partial pivoting on an augmented 4 x 5 matrix; null if singular. */
	static double[] solve(double[][] m) {
		int size = 4;
		double scale = 0;
		for (double[] row : m)
			for (int j = 0; j < size; j++) scale = Math.max(scale, Math.abs(row[j]));
		for (int col = 0; col < size; col++) {
			int best = col;
			for (int r = col + 1; r < size; r++)
				if (Math.abs(m[r][col]) > Math.abs(m[best][col])) best = r;
			if (!(Math.abs(m[best][col]) > 1e-12 * scale)) return null;
			double[] t = m[col];
			m[col] = m[best];
			m[best] = t;
			for (int r = col + 1; r < size; r++) {
				double factor = m[r][col] / m[col][col];
				for (int j = col; j <= size; j++) m[r][j] -= factor * m[col][j];
			}
		}
		double[] x = new double[size];
		for (int r = size - 1; r >= 0; r--) {
			double v = m[r][size];
			for (int j = r + 1; j < size; j++) v -= m[r][j] * x[j];
			x[r] = v / m[r][r];
		}
		return x;
	}

	/** Coverage and evenness of directions from the centroid on equal-area bins (uniform in cos(polar)). */
	private static void angularFeatures(double[] p, int n, double[] c, double[] f) {
		int[] bins = new int[POLAR_BINS * AZIMUTH_BINS];
		int counted = 0;
		for (int i = 0; i < n; i++) {
			double dx = p[3 * i] - c[0], dy = p[3 * i + 1] - c[1], dz = p[3 * i + 2] - c[2];
			double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
			if (r == 0) continue;
			int polar = Math.min((int) ((dz / r + 1) / 2 * POLAR_BINS), POLAR_BINS - 1);
			int azimuth = Math.min((int) ((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI) * AZIMUTH_BINS), AZIMUTH_BINS - 1);
			bins[polar * AZIMUTH_BINS + azimuth]++;
			counted++;
		}
		if (counted == 0) return;
		int occupied = 0;
		double entropy = 0;
		for (int b : bins) {
			if (b == 0) continue;
			occupied++;
			double q = (double) b / counted;
			entropy -= q * Math.log(q);
		}
		f[15] = (double) occupied / bins.length;
		f[16] = entropy / Math.log(bins.length);
	}

	private static double skewness(double[] p, int n, double[] c, double[] axis) {
		double m2 = 0, m3 = 0;
		for (int i = 0; i < n; i++) {
			double t = (p[3 * i] - c[0]) * axis[0] + (p[3 * i + 1] - c[1]) * axis[1] + (p[3 * i + 2] - c[2]) * axis[2];
			m2 += t * t;
			m3 += t * t * t;
		}
		m2 /= n;
		m3 /= n;
		return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
	}

	/** The 5th to 95th percentile range along one axis: robust to a few stray localizations. */
	private static double extent(double[] p, int axis, int n) {
		double[] v = new double[n];
		for (int i = 0; i < n; i++) v[i] = p[3 * i + axis];
		Arrays.sort(v);
		return quantile(v, 0.95) - quantile(v, 0.05);
	}

	private static double quantile(double[] sorted, double q) {
		double rank = q * (sorted.length - 1);
		int lo = (int) Math.floor(rank);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
	}

	private static double ratio(double a, double b) {
		return b > 0 ? a / b : 0;
	}

	/**
	 * The finite x, y, z triples of p: p itself when all are, none for null; a trailing partial triple is dropped.
	 */
	static double[] finite(double[] p) {
		if (p == null) return new double[0];
		int bad = 0;
		for (int i = 0; i + 2 < p.length; i += 3)
			if (!Double.isFinite(p[i] + p[i + 1] + p[i + 2])) bad++;
		if (bad == 0 && p.length % 3 == 0) return p;
		double[] out = new double[3 * (p.length / 3 - bad)];
		int j = 0;
		for (int i = 0; i + 2 < p.length; i += 3) {
			if (!Double.isFinite(p[i] + p[i + 1] + p[i + 2])) continue;
			out[j++] = p[i];
			out[j++] = p[i + 1];
			out[j++] = p[i + 2];
		}
		return out;
	}

	/** Offers {@value #NAME} to {@link Encoders} (listed in META-INF/services). */
	public static final class Provider extends EncoderProvider.OfOne {

		public Provider() {
			super(NAME, "hand-made shape features (extent, flatness, roundness, cap curvature, ...)",
				LabFeaturesEncoder::fromOptions, LabFeaturesEncoder::load, Set.of("dimension"));
		}
	}
}
