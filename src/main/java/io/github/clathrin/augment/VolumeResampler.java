package io.github.clathrin.augment;

import io.github.clathrin.voxels.Volume;

/**
 * Applies a {@link RigidTransform} (shift in voxels) to a ready-made volume by trilinear resampling
 * about the volume centre, with zeros outside. Rotations act on the grid as if voxels were cubes, as
 * they are in ModelNet10; such volumes carry no other scale.
 *
 * <p>Written by hand rather than with ImgLib2's interpolating views for one reason: matrix entries and
 * shifts within 1e-9 of an integer are snapped to it, so a rotation by 90 degrees (whose cosine is only
 * nearly 0 in floating point), a mirror or a whole-voxel shift lands every source position exactly on
 * a voxel (the grid centre is a multiple of 1/2) and moves voxels exactly instead of blurring them.
 */
public final class VolumeResampler {

	private static final double SNAP = 1e-9;

	private VolumeResampler() {}

	/**
	 * The volume turned by a rotation (row-major 3 x 3, in voxel index coordinates) with the point
	 * {@code from} (voxel indices) moved to the grid centre and the rotation made about it: target =
	 * c + M (source - from). Canonical poses of ready-made volumes use it; {@code binary} as in
	 * {@link #resample}.
	 */
	public static Volume rotate(Volume in, double[] matrix, double[] from, boolean binary) {
		if (matrix.length != 9 || from.length != 3) throw new IllegalArgumentException("need a 3x3 matrix and a 3-vector");
		double[] c = { 0.5 * (in.nx() - 1), 0.5 * (in.ny() - 1), 0.5 * (in.nz() - 1) };
		// c + M (p - c) + s = c + M (p - from) when s = M (c - from).
		double[] s = new double[3];
		for (int j = 0; j < 3; j++)
			for (int k = 0; k < 3; k++) s[j] += matrix[3 * j + k] * (c[k] - from[k]);
		return resample(in, new RigidTransform(matrix, s), binary);
	}

	/**
	 * The transformed volume, same grid. With {@code binary} the result is thresholded at 0.5 so a 0/1
	 * volume stays 0/1; otherwise voxels keep the interpolated values (counts become non-negative reals
	 * whose total is only about preserved; rounding them would lose sparse counts altogether).
	 */
	static Volume resample(Volume in, RigidTransform t, boolean binary) {
		int nx = in.nx(), ny = in.ny(), nz = in.nz();
		float[] src = in.data();
		float[] dst = new float[src.length];
		double[] m = t.matrix(), s = t.shift();
		for (int i = 0; i < 9; i++) m[i] = snap(m[i]);
		for (int i = 0; i < 3; i++) s[i] = snap(s[i]);
		double cx = 0.5 * (nx - 1), cy = 0.5 * (ny - 1), cz = 0.5 * (nz - 1);
		// Inverse map: source = c + M^T (target - c - shift); along a row it moves by M^T's first column,
		// which stays exact when the entries are integers.
		int k = 0;
		for (int z = 0; z < nz; z++) {
			double wz = z - cz - s[2];
			for (int y = 0; y < ny; y++) {
				double wy = y - cy - s[1], wx = -cx - s[0];
				double px = cx + m[0] * wx + m[3] * wy + m[6] * wz;
				double py = cy + m[1] * wx + m[4] * wy + m[7] * wz;
				double pz = cz + m[2] * wx + m[5] * wy + m[8] * wz;
				for (int x = 0; x < nx; x++, k++, px += m[0], py += m[1], pz += m[2]) {
					float v = sample(src, nx, ny, nz, px, py, pz);
					dst[k] = binary ? (v >= 0.5f ? 1 : 0) : v;
				}
			}
		}
		return new Volume(nx, ny, nz, dst);
	}

	private static double snap(double p) {
		double r = Math.rint(p);
		return Math.abs(p - r) < SNAP ? r : p;
	}

	/**
	 * Trilinear interpolation with zeros outside the grid. Inside, as lerps a + f (b - a), which give a
	 * exactly when f is 0; at the border, neighbours with zero weight are not read.
	 */
	private static float sample(float[] d, int nx, int ny, int nz, double x, double y, double z) {
		if (!(x > -1 && y > -1 && z > -1 && x < nx && y < ny && z < nz)) return 0;
		// floor without Math.floor: the arguments are > -1, so +1 makes the cast truncate correctly
		int x0 = (int) (x + 1) - 1, y0 = (int) (y + 1) - 1, z0 = (int) (z + 1) - 1;
		double fx = x - x0, fy = y - y0, fz = z - z0;
		if (x0 >= 0 && y0 >= 0 && z0 >= 0 && x0 + 1 < nx && y0 + 1 < ny && z0 + 1 < nz) {
			int i = x0 + nx * (y0 + ny * z0), sy = nx, sz = nx * ny;
			double a = lerp(d[i], d[i + 1], fx), b = lerp(d[i + sy], d[i + sy + 1], fx);
			double c = lerp(d[i + sz], d[i + sz + 1], fx), e = lerp(d[i + sz + sy], d[i + sz + sy + 1], fx);
			return (float) lerp(lerp(a, b, fy), lerp(c, e, fy), fz);
		}
		double sum = 0;
		for (int dz = 0; dz < 2; dz++) {
			int iz = z0 + dz;
			double wz = dz == 0 ? 1 - fz : fz;
			if (wz == 0 || iz < 0 || iz >= nz) continue;
			for (int dy = 0; dy < 2; dy++) {
				int iy = y0 + dy;
				double wy = dy == 0 ? 1 - fy : fy;
				if (wy == 0 || iy < 0 || iy >= ny) continue;
				int row = nx * (iy + ny * iz);
				for (int dx = 0; dx < 2; dx++) {
					int ix = x0 + dx;
					double wx = dx == 0 ? 1 - fx : fx;
					if (wx == 0 || ix < 0 || ix >= nx) continue;
					sum += wx * wy * wz * d[row + ix];
				}
			}
		}
		return (float) sum;
	}

	private static double lerp(double a, double b, double f) {
		return a + f * (b - a);
	}
}
