package io.github.clathrin.encoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Voxelizer;

/** Small synthetic data sets for the encoder tests. */
public final class SyntheticSamples {

	private SyntheticSamples() {}

	/** Points on a spherical cap of the given radius (nm) and polar half-angle, plus Gaussian noise. */
	public static double[] cap(Random rnd, int n, double radius, double halfAngle, double noise) {
		double[] p = new double[3 * n];
		double minCos = Math.cos(halfAngle);
		for (int i = 0; i < n; i++) {
			double cz = minCos + (1 - minCos) * rnd.nextDouble(); // uniform on the cap's area
			double phi = 2 * Math.PI * rnd.nextDouble();
			double s = Math.sqrt(1 - cz * cz);
			p[3 * i] = radius * s * Math.cos(phi) + noise * rnd.nextGaussian();
			p[3 * i + 1] = radius * s * Math.sin(phi) + noise * rnd.nextGaussian();
			p[3 * i + 2] = radius * cz + noise * rnd.nextGaussian();
		}
		return p;
	}

	/** Points on a flat disk in the xy plane, plus Gaussian noise. */
	public static double[] disk(Random rnd, int n, double radius, double noise) {
		double[] p = new double[3 * n];
		for (int i = 0; i < n; i++) {
			double r = radius * Math.sqrt(rnd.nextDouble()), phi = 2 * Math.PI * rnd.nextDouble();
			p[3 * i] = r * Math.cos(phi) + noise * rnd.nextGaussian();
			p[3 * i + 1] = r * Math.sin(phi) + noise * rnd.nextGaussian();
			p[3 * i + 2] = noise * rnd.nextGaussian();
		}
		return p;
	}

	/**
	 * Clathrin-like structures on the default 30^3 grid: caps from flat to closed with random size and
	 * point count, voxelized as the study does (sparse binary volumes, a few hundred voxels each).
	 */
	public static List<Sample> structures(int count, long seed) {
		Random rnd = new Random(seed);
		Voxelizer vox = new Voxelizer(VoxelConfig.DEFAULT);
		List<Sample> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			double radius = 60 + 60 * rnd.nextDouble();
			double angle = 0.3 + (Math.PI - 0.3) * rnd.nextDouble();
			double[] p = cap(rnd, 200 + rnd.nextInt(1500), radius, angle, 10);
			out.add(new Sample(vox.voxelize(p).volume(), p));
		}
		return out;
	}

	/** Volumes that mix three fixed random patterns with random weights, plus small noise. */
	public static List<Sample> patterns(int count, int side, long seed) {
		Random rnd = new Random(seed);
		int p = side * side * side;
		float[][] patterns = masks(rnd, 3, p, 0.2);
		List<Sample> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			float[] d = new float[p];
			double[] w = { 3 * rnd.nextGaussian(), 2 * rnd.nextGaussian(), rnd.nextGaussian() };
			for (int j = 0; j < p; j++)
				d[j] = (float) (w[0] * patterns[0][j] + w[1] * patterns[1][j] + w[2] * patterns[2][j] + 0.05 * rnd.nextGaussian());
			out.add(new Sample(new Volume(side, side, side, d), null));
		}
		return out;
	}

	/** {@code count} random 0/1 masks of {@code voxels} values, each voxel on with probability {@code density}. */
	public static float[][] masks(Random rnd, int count, int voxels, double density) {
		float[][] masks = new float[count][voxels];
		for (float[] mask : masks)
			for (int j = 0; j < voxels; j++) mask[j] = rnd.nextFloat() < density ? 1 : 0;
		return masks;
	}
}
