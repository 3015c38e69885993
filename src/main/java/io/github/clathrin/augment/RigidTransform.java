package io.github.clathrin.augment;

import java.util.SplittableRandom;

/**
 * The transform of one augmented copy: a rotation, possibly followed by a mirror of x and/or y, about
 * a centre, then a translation. One object serves both point clouds (nm) and ready-made volumes
 * (voxels), so the two kinds of sample get the same kinds of copies.
 */
final class RigidTransform {

	/** Row-major 3x3: rotation, then mirrors; orthogonal, so its inverse is its transpose. */
	private final double[] m;
	private final double[] shift;

	RigidTransform(double[] m, double[] shift) {
		if (m.length != 9 || shift.length != 3) throw new IllegalArgumentException("need a 3x3 matrix and a 3-vector");
		this.m = m.clone();
		this.shift = shift.clone();
	}

	static RigidTransform identity() {
		return new RigidTransform(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, new double[3]);
	}

	/**
	 * Draws a transform. Every option's random values are drawn whether or not it is on, so switching
	 * one option leaves the others' draws for the same copy unchanged.
	 */
	static RigidTransform draw(Augmentation a, SplittableRandom r) {
		double angle = 2 * Math.PI * r.nextDouble();
		double u1 = r.nextDouble(), u2 = r.nextDouble(), u3 = r.nextDouble();
		boolean flipX = r.nextBoolean(), flipY = r.nextBoolean();
		double[] s = new double[3];
		for (int d = 0; d < 3; d++) s[d] = a.shiftNm() * (2 * r.nextDouble() - 1);

		// A uniform 3D rotation already covers every rotation about z.
		double[] m = a.rotate3d() ? uniformRotation(u1, u2, u3)
			: a.rotateZ() ? aboutZ(angle) : identity().m;
		if (a.flips()) mirror(m, flipX, flipY);
		return new RigidTransform(m, s);
	}

	/** Counter-clockwise rotation about z (x towards y) by {@code angle} radians. */
	static double[] aboutZ(double angle) {
		double c = Math.cos(angle), s = Math.sin(angle);
		return new double[] { c, -s, 0, s, c, 0, 0, 0, 1 };
	}

	/**
	 * Shoemake's uniform random rotation ("Uniform random rotations", Graphics Gems III) from three
	 * uniform numbers in [0, 1): a uniform unit quaternion turned into a matrix.
	 */
	static double[] uniformRotation(double u1, double u2, double u3) {
		double a = Math.sqrt(1 - u1), b = Math.sqrt(u1);
		double t1 = 2 * Math.PI * u2, t2 = 2 * Math.PI * u3;
		double x = a * Math.sin(t1), y = a * Math.cos(t1), z = b * Math.sin(t2), w = b * Math.cos(t2);
		return new double[] {
			1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
			2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
			2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y) };
	}

	/** Mirrors the output x and/or y of {@code m} in place (negates rows); z is never mirrored. */
	static void mirror(double[] m, boolean x, boolean y) {
		for (int j = 0; j < 3; j++) {
			if (x) m[j] = -m[j];
			if (y) m[3 + j] = -m[3 + j];
		}
	}

	/** The linear part, row-major (a copy). */
	double[] matrix() {
		return m.clone();
	}

	/** The translation (a copy), in nm for points or voxels after {@link #inVoxels}. */
	double[] shift() {
		return shift.clone();
	}

	/** The same transform with the translation divided by the voxel size along each axis. */
	RigidTransform inVoxels(double vx, double vy, double vz) {
		return new RigidTransform(m, new double[] { shift[0] / vx, shift[1] / vy, shift[2] / vz });
	}

	/** Maps x,y,z triples: p' = c + M (p - c) + shift; a new array. */
	double[] apply(double[] points, double[] c) {
		double[] out = new double[points.length];
		double sx = c[0] + shift[0], sy = c[1] + shift[1], sz = c[2] + shift[2];
		for (int i = 0; i < points.length; i += 3) {
			double x = points[i] - c[0], y = points[i + 1] - c[1], z = points[i + 2] - c[2];
			out[i] = sx + m[0] * x + m[1] * y + m[2] * z;
			out[i + 1] = sy + m[3] * x + m[4] * y + m[5] * z;
			out[i + 2] = sz + m[6] * x + m[7] * y + m[8] * z;
		}
		return out;
	}
}
