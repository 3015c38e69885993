package io.github.clathrin.datasets;

import io.github.clathrin.task.InputException;

/**
 * Parameters of the Geometries simulator (cubes, diamonds and spheres in a voxel grid), with the 2017
 * study's values as defaults and the checks in one place.
 *
 * @param grid voxels per axis (the study: 20)
 * @param train training volumes (the study: 300)
 * @param test test volumes (the study: 300)
 * @param noise probability that each voxel is independently set to 1 (salt noise; the study: 0.01)
 * @param seed random seed; the same seed gives the same volumes
 */
public record GeometriesConfig(int grid, int train, int test, double noise, long seed) {

	public GeometriesConfig {
		check(grid >= 4 && grid <= 128, "grid must be 4 to 128 voxels per axis, got " + grid);
		check(train >= GeometriesSimulator.CLASSES.size() && train <= 100_000,
			"training volumes must be 3 to 100,000 (at least one per class), got " + train);
		check(test >= GeometriesSimulator.CLASSES.size() && test <= 100_000,
			"test volumes must be 3 to 100,000 (at least one per class), got " + test);
		check(noise >= 0 && noise < 1, "noise must be a probability in [0, 1), got " + noise);
	}

	/** The study's set: 20^3 voxels, 300 training and 300 test volumes, 1% salt noise, seed 1. */
	public static GeometriesConfig defaults() {
		return new GeometriesConfig(20, 300, 300, 0.01, 1);
	}

	public GeometriesConfig withSeed(long s) {
		return new GeometriesConfig(grid, train, test, noise, s);
	}

	public GeometriesConfig withCounts(int trainCount, int testCount) {
		return new GeometriesConfig(grid, trainCount, testCount, noise, seed);
	}

	public GeometriesConfig withGrid(int g) {
		return new GeometriesConfig(g, train, test, noise, seed);
	}

	public GeometriesConfig withNoise(double p) {
		return new GeometriesConfig(grid, train, test, p, seed);
	}

	/** Largest cube side: the largest even number that fits the grid. */
	public int maxSide() {
		return grid - grid % 2;
	}

	/** Largest diamond/sphere radius: half the grid plus one, so the largest shapes are clipped by the grid as in the study. */
	public int maxRadius() {
		return grid / 2 + 1;
	}

	private static void check(boolean ok, String message) {
		if (!ok) throw new InputException(message);
	}
}
