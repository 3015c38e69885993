package io.github.clathrin.classifier;

/** Derives independent, reproducible seeds for sub-tasks (folds, grid points, machines) from one seed. */
final class Seeds {

	private Seeds() {}

	/** A well-mixed seed for the sub-task named by {@code parts}; the same inputs give the same seed. */
	static long derive(long seed, long... parts) {
		long h = mix(seed);
		for (long part : parts)
			h = mix(h ^ mix(part + 0x9E3779B97F4A7C15L));
		return h;
	}

	// SplitMix64's finalizer: nearby inputs (fold 0, fold 1) give unrelated outputs.
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
