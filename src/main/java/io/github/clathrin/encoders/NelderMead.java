package io.github.clathrin.encoders;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Minimizes a function of several variables by the Nelder-Mead downhill simplex with the standard
 * coefficients (reflection 1, expansion 2, contraction 1/2, shrink 1/2). No derivatives and no randomness:
 * the same function and start always give the same point. General, not tied to caps; {@link CapFit} uses it.
 */
final class NelderMead {

	/** The best point found, its value, and whether the simplex converged before the evaluation budget ran out. */
	record Outcome(double[] x, double value, boolean converged) {}

	private NelderMead() {}

	/** Stops when the simplex's values span at most {@code tolerance}, or after about maxEvaluations calls. */
	static Outcome minimize(ToDoubleFunction<double[]> f, double[] x0, double[] steps,
		int maxEvaluations, double tolerance)
	{
		int d = x0.length;
		double[][] s = new double[d + 1][];
		double[] v = new double[d + 1];
		for (int i = 0; i <= d; i++) {
			s[i] = x0.clone();
			if (i > 0) s[i][i - 1] += steps[i - 1];
			v[i] = f.applyAsDouble(s[i]);
		}
		int evaluations = d + 1;
		double[] c = new double[d];
		while (true) {
			sort(s, v);
			if (v[d] - v[0] <= tolerance) return new Outcome(s[0], v[0], true);
			if (evaluations >= maxEvaluations) return new Outcome(s[0], v[0], false);
			Arrays.fill(c, 0);
			for (int i = 0; i < d; i++)
				for (int j = 0; j < d; j++) c[j] += s[i][j] / d;
			double[] xr = along(c, s[d], -1);
			double fr = f.applyAsDouble(xr);
			evaluations++;
			if (fr < v[0]) {
				double[] xe = along(c, s[d], -2);
				double fe = f.applyAsDouble(xe);
				evaluations++;
				if (fe < fr) replace(s, v, d, xe, fe);
				else replace(s, v, d, xr, fr);
			}
			else if (fr < v[d - 1]) replace(s, v, d, xr, fr);
			else {
				boolean outside = fr < v[d];
				double[] xc = outside ? along(c, s[d], -0.5) : along(c, s[d], 0.5);
				double fc = f.applyAsDouble(xc);
				evaluations++;
				if (fc < Math.min(fr, v[d])) replace(s, v, d, xc, fc);
				else {
					for (int i = 1; i <= d; i++) {
						for (int j = 0; j < d; j++) s[i][j] = s[0][j] + 0.5 * (s[i][j] - s[0][j]);
						v[i] = f.applyAsDouble(s[i]);
					}
					evaluations += d;
				}
			}
		}
	}

	/** c + t (x - c). */
	private static double[] along(double[] c, double[] x, double t) {
		double[] out = new double[c.length];
		for (int j = 0; j < c.length; j++) out[j] = c[j] + t * (x[j] - c[j]);
		return out;
	}

	private static void replace(double[][] s, double[] v, int i, double[] x, double fx) {
		s[i] = x;
		v[i] = fx;
	}

	/** Insertion sort by value, ties kept in order, so the result never depends on anything but the values. */
	private static void sort(double[][] s, double[] v) {
		for (int i = 1; i < v.length; i++) {
			double[] x = s[i];
			double fx = v[i];
			int j = i - 1;
			while (j >= 0 && v[j] > fx) {
				s[j + 1] = s[j];
				v[j + 1] = v[j];
				j--;
			}
			s[j + 1] = x;
			v[j + 1] = fx;
		}
	}
}
