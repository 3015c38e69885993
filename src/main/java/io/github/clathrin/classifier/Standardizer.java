package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Centres each feature and scales it to unit variance, as learned from the training data. */
final class Standardizer {

	private final double[] mean;
	private final double[] std;

	private Standardizer(double[] mean, double[] std) {
		this.mean = mean;
		this.std = std;
	}

	/** Learns means and standard deviations; a constant feature keeps std 1 so it maps to 0, not NaN. */
	static Standardizer fit(double[][] x) {
		int d = x[0].length;
		double[] mean = new double[d];
		double[] std = new double[d];
		for (double[] row : x)
			for (int j = 0; j < d; j++)
				mean[j] += row[j];
		for (int j = 0; j < d; j++)
			mean[j] /= x.length;
		for (double[] row : x)
			for (int j = 0; j < d; j++) {
				double c = row[j] - mean[j];
				std[j] += c * c;
			}
		for (int j = 0; j < d; j++) {
			std[j] = Math.sqrt(std[j] / x.length);
			if (!(std[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) std[j] = 1;
		}
		return new Standardizer(mean, std);
	}

	int dimension() {
		return mean.length;
	}

	double[] apply(double[] row) {
		if (row.length != mean.length)
			throw new IllegalArgumentException("Expected " + mean.length + " features, got " + row.length);
		double[] z = new double[row.length];
		for (int j = 0; j < z.length; j++)
			z[j] = (row[j] - mean[j]) / std[j];
		return z;
	}

	double[][] applyAll(double[][] x) {
		double[][] z = new double[x.length][];
		for (int i = 0; i < x.length; i++)
			z[i] = apply(x[i]);
		return z;
	}

	void write(DataOutputStream out) throws IOException {
		StateFormat.writeDoubles(out, mean);
		StateFormat.writeDoubles(out, std);
	}

	static Standardizer read(DataInputStream in) throws IOException {
		double[] mean = StateFormat.readDoubles(in, "feature means");
		double[] std = StateFormat.readDoubles(in, "feature deviations", mean.length);
		if (mean.length == 0) throw new IOException("Corrupt classifier state: no features");
		return new Standardizer(mean, std);
	}
}
