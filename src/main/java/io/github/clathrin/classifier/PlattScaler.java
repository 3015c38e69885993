package io.github.clathrin.classifier;

/**
 * Turns a machine's decision value f into a probability 1 / (1 + exp(a f + b)), fitted by Platt's
 * method as improved by Lin, Lin and Weng (2007). Our own so that a and b can be stored.
 */
record PlattScaler(double a, double b) {

	/** Probability of the positive class for decision value f, computed without overflow. */
	double probability(double f) {
		double z = a * f + b;
		return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
	}

	/** Fits a and b by Newton's method with backtracking on the regularized targets of Platt. */
	static PlattScaler fit(double[] f, boolean[] positive) {
		int pos = 0;
		for (boolean p : positive)
			if (p) pos++;
		int neg = f.length - pos;
		// Targets slightly inside (0, 1) keep the fit finite on separable data.
		double hi = (pos + 1.0) / (pos + 2.0);
		double lo = 1.0 / (neg + 2.0);
		double[] t = new double[f.length];
		for (int i = 0; i < f.length; i++)
			t[i] = positive[i] ? hi : lo;

		double a = 0;
		double b = Math.log((neg + 1.0) / (pos + 1.0));
		double value = objective(f, t, a, b);
		for (int iter = 0; iter < 100; iter++) {
			double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
			for (int i = 0; i < f.length; i++) {
				double z = f[i] * a + b;
				double p, q;
				if (z >= 0) {
					p = Math.exp(-z) / (1 + Math.exp(-z));
					q = 1 / (1 + Math.exp(-z));
				} else {
					p = 1 / (1 + Math.exp(z));
					q = Math.exp(z) / (1 + Math.exp(z));
				}
				double d2 = p * q;
				h11 += f[i] * f[i] * d2;
				h22 += d2;
				h21 += f[i] * d2;
				double d1 = t[i] - p;
				g1 += f[i] * d1;
				g2 += d1;
			}
			if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
			double det = h11 * h22 - h21 * h21;
			double da = -(h22 * g1 - h21 * g2) / det;
			double db = -(-h21 * g1 + h11 * g2) / det;
			double slope = g1 * da + g2 * db;
			double step = 1;
			while (step >= 1e-10) {
				double na = a + step * da, nb = b + step * db;
				double nv = objective(f, t, na, nb);
				if (nv < value + 1e-4 * step * slope) {
					a = na;
					b = nb;
					value = nv;
					break;
				}
				step /= 2;
			}
			if (step < 1e-10) break;
		}
		if (a >= 0) return uninformative(f);
		return new PlattScaler(a, b);
	}

	/**
	 * When held-out scores do not rank the classes the machine's way (a >= 0), a sigmoid fitted to them
	 * would flip every prediction. Keep the machine's own decision (f > 0 is positive) with
	 * probabilities barely away from 0.5: the held-out evidence says it should not be trusted.
	 */
	private static PlattScaler uninformative(double[] f) {
		double sumSq = 0;
		for (double v : f) sumSq += v * v;
		double rms = Math.sqrt(sumSq / Math.max(1, f.length));
		return new PlattScaler(-0.01 / (rms > 0 ? rms : 1), 0);
	}

	private static double objective(double[] f, double[] t, double a, double b) {
		double sum = 0;
		for (int i = 0; i < f.length; i++) {
			double z = f[i] * a + b;
			sum += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
		}
		return sum;
	}
}
