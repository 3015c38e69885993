package io.github.clathrin;

import java.util.SplittableRandom;

/**
 * Ready volumes for the tests of volume inputs: filled balls (class 0) and hollow shells (class 1) of
 * random radius, 0 or 1 per voxel with 2% of voxels flipped, in NumPy order (n, z, y, x). Cubes of side
 * {@code grid}; radii from {@code minRadius} to {@code minRadius + radiusRange}; centres in the middle of
 * the grid, moved by up to {@code shift} voxels along each axis when {@code shift > 0}.
 */
public record BallsAndShells(int grid, double minRadius, double radiusRange, double shift) {

	/** {@code n} volumes; structure i has class i % 2, written to {@code labels}. */
	public float[] volumes(int n, long seed, long[] labels) {
		SplittableRandom rnd = new SplittableRandom(seed);
		int g = grid;
		float[] v = new float[n * g * g * g];
		for (int i = 0; i < n; i++) {
			labels[i] = i % 2;
			double r = minRadius + radiusRange * rnd.nextDouble();
			double cx = g / 2 + offset(rnd), cy = g / 2 + offset(rnd), cz = g / 2 + offset(rnd);
			int off = i * g * g * g;
			for (int z = 0; z < g; z++)
				for (int y = 0; y < g; y++)
					for (int x = 0; x < g; x++) {
						double d = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz));
						boolean on = labels[i] == 0 ? d <= r : Math.abs(d - r) <= 1.0;
						if (rnd.nextDouble() < 0.02) on = !on;
						v[off + x + g * (y + g * z)] = on ? 1 : 0;
					}
		}
		return v;
	}

	/** No draw at all without a shift, so that unshifted volumes keep their random sequence. */
	private double offset(SplittableRandom rnd) {
		return shift > 0 ? rnd.nextDouble(-shift, shift) : 0;
	}
}
