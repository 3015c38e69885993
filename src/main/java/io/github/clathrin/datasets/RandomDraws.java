package io.github.clathrin.datasets;

import java.util.SplittableRandom;

/**
 * The random draws of the simulator from one seeded generator. StrictMath keeps the numbers identical on
 * every JVM and CPU, so a seed names one data set everywhere.
 */
final class RandomDraws {

	private final SplittableRandom random;
	private double spareGaussian = Double.NaN;

	RandomDraws(long seed) {
		random = new SplittableRandom(seed);
	}

	double uniform() {
		return random.nextDouble();
	}

	double uniform(double min, double max) {
		return min + (max - min) * random.nextDouble();
	}

	int integer(int bound) {
		return random.nextInt(bound);
	}

	long nextLong() {
		return random.nextLong();
	}

	/** Standard normal by the polar Box-Muller method (own code: nextGaussian differs between Java versions). */
	double gaussian() {
		if (!Double.isNaN(spareGaussian)) {
			double g = spareGaussian;
			spareGaussian = Double.NaN;
			return g;
		}
		double u, v, s;
		do {
			u = 2 * random.nextDouble() - 1;
			v = 2 * random.nextDouble() - 1;
			s = u * u + v * v;
		}
		while (s >= 1 || s == 0);
		double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
		spareGaussian = v * f;
		return u * f;
	}

	double logNormal(double median, double logSd) {
		return median * StrictMath.exp(logSd * gaussian());
	}

	/** Geometric on 1, 2, 3, ... with the given mean (a fluorophore blinks until it bleaches). */
	int geometric(double mean) {
		if (mean <= 1) return 1;
		double p = 1 / mean;
		double u = 1 - random.nextDouble(); // in (0, 1]
		return 1 + (int) Math.min(1e6, StrictMath.floor(StrictMath.log(u) / StrictMath.log1p(-p)));
	}

	/** Poisson count; normal approximation above 50, where it is indistinguishable here. */
	int poisson(double mean) {
		if (mean <= 0) return 0;
		if (mean > 50) return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian()));
		double limit = StrictMath.exp(-mean), product = random.nextDouble();
		int k = 0;
		while (product > limit) {
			product *= random.nextDouble();
			k++;
		}
		return k;
	}
}
