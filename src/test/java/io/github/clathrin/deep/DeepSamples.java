package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.clathrin.encoders.SyntheticSamples;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Voxelizer;

/**
 * Small synthetic data for the deep encoder tests: flat disks (class 0) and deep, nearly closed caps
 * (class 1) of random size and point count, voxelized as the study does (sparse binary volumes).
 */
final class DeepSamples {

	private DeepSamples() {}

	/** Structures on the default 30^3 grid; structure i has class i % 2. */
	static List<Sample> structures(int count, long seed) {
		return structures(count, seed, VoxelConfig.DEFAULT);
	}

	/** Structures on a cubic grid of the given size (same box as the default). */
	static List<Sample> structures(int count, long seed, int grid) {
		VoxelConfig d = VoxelConfig.DEFAULT;
		return structures(count, seed, new VoxelConfig(grid, grid, grid, d.halfX(), d.halfY(), d.halfZ(), d.centring(), true, Double.NaN));
	}

	static List<Sample> structures(int count, long seed, VoxelConfig config) {
		Random rnd = new Random(seed);
		Voxelizer vox = new Voxelizer(config);
		List<Sample> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			double radius = 70 + 50 * rnd.nextDouble();
			int n = 300 + rnd.nextInt(900);
			double[] p = i % 2 == 0 ? SyntheticSamples.disk(rnd, n, radius, 8)
				: SyntheticSamples.cap(rnd, n, radius, 2.6, 8);
			out.add(new Sample(vox.voxelize(p).volume(), p));
		}
		return out;
	}

	/** The classes of {@link #structures}: i % 2. */
	static int[] labels(int count) {
		int[] y = new int[count];
		for (int i = 0; i < count; i++) y[i] = i % 2;
		return y;
	}
}
