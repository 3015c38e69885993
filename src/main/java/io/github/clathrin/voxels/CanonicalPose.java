package io.github.clathrin.voxels;

/**
 * The rotation that turns a (weighted) point set into its canonical pose: about the centre of mass,
 * the covariance's eigenvectors, largest variance first, become x, y, z (or, for
 * {@link VoxelConfig.Pose#Z_AXES}, only x and y, leaving z the optical axis). An eigenvector's sign is
 * arbitrary, so each axis is pointed the way the mass is skewed (positive third moment); only the
 * sign patterns that keep a right-handed frame are allowed, since a mirror is not a pose, so the two
 * most skewed axes (whose signs are the most reliable) choose and the last axis follows.
 *
 * <p>Rotating the input first gives the same canonical points, up to rounding, unless two spreads are
 * equal (a sphere, a disk about its normal) or an axis has no skew (a symmetric rod): then the pose is
 * as ambiguous as the shape, and the choice may flip between nearly identical structures.
 */
public final class CanonicalPose {

	private static final double[] IDENTITY = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };

	private final double[] centre;
	private final double[] rotation;

	private CanonicalPose(double[] centre, double[] rotation) {
		this.centre = centre;
		this.rotation = rotation;
	}

	/**
	 * The pose of x,y,z triples (nm), all of weight 1; non-finite points are ignored. Fewer than two
	 * finite points, or {@link VoxelConfig.Pose#NONE}, give the identity.
	 */
	public static CanonicalPose of(double[] points, VoxelConfig.Pose pose) {
		return of(points, null, pose);
	}

	/**
	 * The pose of weighted x,y,z triples; null weights mean all 1. Points with a non-finite coordinate or
	 * a weight that is not positive are ignored.
	 */
	public static CanonicalPose of(double[] points, double[] weights, VoxelConfig.Pose pose) {
		if (points.length % 3 != 0) throw new IllegalArgumentException("points must hold x,y,z triples");
		if (weights != null && weights.length != points.length / 3)
			throw new IllegalArgumentException(points.length / 3 + " points but " + weights.length + " weights");
		double total = 0;
		double[] c = new double[3];
		for (int i = 0; i < points.length; i += 3) {
			double w = weight(points, weights, i);
			if (w == 0) continue;
			total += w;
			for (int d = 0; d < 3; d++) c[d] += w * points[i + d];
		}
		if (total == 0) return new CanonicalPose(c, IDENTITY.clone());
		for (int d = 0; d < 3; d++) c[d] /= total;
		if (pose == VoxelConfig.Pose.NONE) return new CanonicalPose(c, IDENTITY.clone());
		double[][] cov = new double[3][3];
		for (int i = 0; i < points.length; i += 3) {
			double w = weight(points, weights, i);
			if (w == 0) continue;
			double[] d = { points[i] - c[0], points[i + 1] - c[1], points[i + 2] - c[2] };
			for (int a = 0; a < 3; a++)
				for (int b = a; b < 3; b++) cov[a][b] += w * d[a] * d[b] / total;
		}
		for (int a = 0; a < 3; a++)
			for (int b = 0; b < a; b++) cov[a][b] = cov[b][a];
		double[][] axes = pose == VoxelConfig.Pose.Z_AXES ? planeAxes(cov) : new SymmetricEigen3(cov).vectors;
		orient(axes, points, weights, c, total, pose == VoxelConfig.Pose.Z_AXES);
		double[] r = new double[9];
		for (int j = 0; j < 3; j++)
			for (int k = 0; k < 3; k++) r[3 * j + k] = axes[j][k];
		return new CanonicalPose(c, r);
	}

	/** The pose of a volume's mass, in voxel index coordinates (voxel (i, j, k) sits at (i, j, k)). */
	public static CanonicalPose of(Volume v, VoxelConfig.Pose pose) {
		Volume.Mass mass = v.mass();
		return of(mass.points(), mass.weights(), pose);
	}

	/** The centre of mass the rotation turns about. */
	public double[] centre() {
		return centre.clone();
	}

	/** Row-major 3 x 3 rotation (determinant +1); row j is the input direction that becomes axis j. */
	public double[] rotation() {
		return rotation.clone();
	}

	/** The points turned into the pose about the centre of mass, which stays where it was: c + R (p - c). */
	public double[] apply(double[] points) {
		if (points.length % 3 != 0) throw new IllegalArgumentException("points must hold x,y,z triples");
		double[] m = rotation, out = new double[points.length];
		for (int i = 0; i < points.length; i += 3) {
			double x = points[i] - centre[0], y = points[i + 1] - centre[1], z = points[i + 2] - centre[2];
			out[i] = centre[0] + m[0] * x + m[1] * y + m[2] * z;
			out[i + 1] = centre[1] + m[3] * x + m[4] * y + m[5] * z;
			out[i + 2] = centre[2] + m[6] * x + m[7] * y + m[8] * z;
		}
		return out;
	}

	private static double weight(double[] p, double[] weights, int i) {
		if (!Double.isFinite(p[i] + p[i + 1] + p[i + 2])) return 0;
		double w = weights == null ? 1 : weights[i / 3];
		return w > 0 && Double.isFinite(w) ? w : 0;
	}

	/** Eigenvectors of the xy block (major first), then z. */
	private static double[][] planeAxes(double[][] cov) {
		// The major axis of a 2 x 2 covariance is at half the angle of (cxx - cyy, 2 cxy).
		double theta = 0.5 * Math.atan2(2 * cov[0][1], cov[0][0] - cov[1][1]);
		double c = Math.cos(theta), s = Math.sin(theta);
		return new double[][] { { c, s, 0 }, { -s, c, 0 }, { 0, 0, 1 } };
	}

	/**
	 * Fixes the axes' signs in place by skew, keeping a right-handed frame: in the plane only a half
	 * turn about z is free, in 3D the two most skewed axes are made positively skewed and the third
	 * follows from the handedness.
	 */
	private static void orient(double[][] axes, double[] p, double[] weights, double[] c, double total, boolean plane) {
		double[] skew = new double[3];
		for (int j = 0; j < 3; j++) skew[j] = skewness(axes[j], p, weights, c, total);
		if (plane) {
			int lead = Math.abs(skew[0]) >= Math.abs(skew[1]) ? 0 : 1;
			if (skew[lead] < 0) {
				negate(axes[0]);
				negate(axes[1]);
			}
			return;
		}
		int weakest = 0;
		for (int j = 1; j < 3; j++)
			if (Math.abs(skew[j]) < Math.abs(skew[weakest])) weakest = j;
		for (int j = 0; j < 3; j++)
			if (j != weakest && skew[j] < 0) negate(axes[j]);
		if (determinant(axes) < 0) negate(axes[weakest]);
	}

	private static double skewness(double[] axis, double[] p, double[] weights, double[] c, double total) {
		double m2 = 0, m3 = 0;
		for (int i = 0; i < p.length; i += 3) {
			double w = weight(p, weights, i);
			if (w == 0) continue;
			double t = (p[i] - c[0]) * axis[0] + (p[i + 1] - c[1]) * axis[1] + (p[i + 2] - c[2]) * axis[2];
			m2 += w * t * t;
			m3 += w * t * t * t;
		}
		m2 /= total;
		m3 /= total;
		return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
	}

	private static void negate(double[] v) {
		for (int k = 0; k < v.length; k++) v[k] = -v[k];
	}

	private static double determinant(double[][] a) {
		return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
			+ a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
	}
}
