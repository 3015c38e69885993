package io.github.clathrin.voxels;

/** The intensity-weighted centre of a volume, in voxel coordinates: where voxelizing and augmenting put a structure. */
public final class CentreOfMass {

	private CentreOfMass() {}

	/** The centre of mass (x, y, z) of {@code v}'s voxel values. */
	public static double[] of(Volume v) {
		double[] c = new double[3];
		double total = 0;
		for (int z = 0; z < v.nz(); z++)
			for (int y = 0; y < v.ny(); y++)
				for (int x = 0; x < v.nx(); x++) {
					float w = v.get(x, y, z);
					c[0] += w * x;
					c[1] += w * y;
					c[2] += w * z;
					total += w;
				}
		for (int d = 0; d < 3; d++) c[d] /= total;
		return c;
	}
}
