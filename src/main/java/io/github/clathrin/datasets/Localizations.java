package io.github.clathrin.datasets;

/**
 * The simulated localizations of one structure as columns, sorted by frame like a real movie's output.
 *
 * @param frame frame number, from 1
 * @param x x in nm
 * @param y y in nm
 * @param z z in nm
 * @param psfSigma fitted PSF width, nm
 * @param photons photons of the localization
 * @param uncertaintyXy lateral precision the localization was jittered with, nm
 * @param uncertaintyZ axial precision the localization was jittered with, nm
 */
public record Localizations(int[] frame, double[] x, double[] y, double[] z, double[] psfSigma, double[] photons,
	double[] uncertaintyXy, double[] uncertaintyZ)
{

	public int size() {
		return x.length;
	}

	/** x, y, z interleaved, as in {@link io.github.clathrin.structures.Structure#points()}. */
	public double[] points() {
		double[] p = new double[3 * x.length];
		for (int i = 0; i < x.length; i++) {
			p[3 * i] = x[i];
			p[3 * i + 1] = y[i];
			p[3 * i + 2] = z[i];
		}
		return p;
	}
}
