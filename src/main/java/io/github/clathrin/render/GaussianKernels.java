package io.github.clathrin.render;

/**
 * Precomputed 1D weights of a Gaussian integrated over pixels, for every sigma (in steps of
 * {@link #SIGMA_STEP} pixels up to {@link #MAX_SIGMA}) and every sub-pixel position of the centre (in
 * {@link #OFFSETS} steps), each normalised to sum 1: splatting a localization is then two table look-ups
 * and (2r+1)^2 multiply-adds, with no allocation and no exp per localization, and its mass stays exactly
 * one wherever the kernel lies inside the image.
 */
final class GaussianKernels {

	/** Sigma steps of a twentieth of a pixel: finer than any image shows. */
	static final double SIGMA_STEP = 0.05;

	/** Sigmas above 5 pixels are drawn at 5 pixels (a 31 x 31 kernel); such precisions are rare outliers. */
	static final double MAX_SIGMA = 5;

	/** Sub-pixel positions of the centre. */
	static final int OFFSETS = 32;

	static final int SIGMAS = (int) Math.round(MAX_SIGMA / SIGMA_STEP) + 1;
	static final int MAX_RADIUS = (int) Math.ceil(3 * MAX_SIGMA), TAPS = 2 * MAX_RADIUS + 1;

	/** weights[((sigma * OFFSETS) + offset) * TAPS + MAX_RADIUS + k] for k in -radius..radius. */
	private final float[] weights = new float[SIGMAS * OFFSETS * TAPS];
	private final int[] radius = new int[SIGMAS];

	GaussianKernels() {
		for (int s = 0; s < SIGMAS; s++) {
			double sigma = s * SIGMA_STEP;
			int r = s == 0 ? 0 : Math.max(1, (int) Math.ceil(3 * sigma));
			radius[s] = r;
			for (int o = 0; o < OFFSETS; o++) {
				double f = (o + 0.5) / OFFSETS; // the centre's position inside its pixel
				int base = (s * OFFSETS + o) * TAPS + MAX_RADIUS;
				if (r == 0) {
					weights[base] = 1;
					continue;
				}
				double sum = 0;
				double[] w = new double[2 * r + 1];
				for (int k = -r; k <= r; k++) {
					// pixel k spans [k, k + 1) relative to the centre's pixel; the centre sits at f
					w[k + r] = phi((k + 1 - f) / sigma) - phi((k - f) / sigma);
					sum += w[k + r];
				}
				for (int k = -r; k <= r; k++) weights[base + k] = (float) (w[k + r] / sum);
			}
		}
	}

	/** The sigma step nearest to {@code sigmaPixels} (clamped to {@link #MAX_SIGMA}). */
	static int sigmaIndex(double sigmaPixels) {
		if (!(sigmaPixels > 0)) return 0;
		return (int) Math.min(SIGMAS - 1, Math.round(sigmaPixels / SIGMA_STEP));
	}

	int radius(int sigmaIndex) {
		return radius[sigmaIndex];
	}

	/** Where the weights of this sigma and sub-pixel offset start, for {@link #weights()}[start + k]. */
	static int centre(int sigmaIndex, int offset) {
		return (sigmaIndex * OFFSETS + offset) * TAPS + MAX_RADIUS;
	}

	float[] weights() {
		return weights;
	}

	/** The standard normal distribution function. */
	static double phi(double x) {
		return 0.5 * (1 + erf(x / Math.sqrt(2)));
	}

	/** erf to 1.2e-7 (Numerical Recipes' erfc with Chebyshev coefficients): ample for normalised weights. */
	static double erf(double x) {
		double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
		double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
			+ t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
			+ t * 0.17087277)))))))));
		return x >= 0 ? 1 - erfc : erfc - 1;
	}
}
