package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import smile.base.svm.KernelMachine;
import smile.base.svm.LASVM;
import smile.math.MathEx;

/** One two-class kernel machine (support vectors, weights, intercept), trained with Smile's LASVM solver. */
final class BinaryMachine {

	/** Solver tolerance on the KKT gap; Smile's default. */
	private static final double TOLERANCE = 1e-3;

	private final KernelSpec spec;
	private final KernelMachine<double[]> machine;

	private BinaryMachine(KernelSpec spec, double[][] vectors, double[] weights, double intercept) {
		this.spec = spec;
		this.machine = new KernelMachine<>(spec.toKernel(), vectors, weights, intercept);
	}

	/**
	 * Trains on standardized rows x; positive marks the +1 class. A side with no samples (a class
	 * missing from a small training fold) gives a constant machine instead of failing.
	 */
	static BinaryMachine train(double[][] x, boolean[] positive, KernelSpec spec, double c, long seed) {
		int[] y = new int[x.length];
		int pos = 0;
		for (int i = 0; i < y.length; i++) {
			y[i] = positive[i] ? 1 : -1;
			if (positive[i]) pos++;
		}
		if (pos == 0 || pos == x.length)
			return new BinaryMachine(spec, new double[0][], new double[0], pos == 0 ? -1 : 1);
		// LASVM visits samples in an order drawn from Smile's thread-local RNG: seed it on this thread.
		MathEx.setSeed(seed);
		KernelMachine<double[]> m = new LASVM<>(spec.toKernel(), c, TOLERANCE).fit(x, y, 1);
		double[][] vectors = new double[m.vectors().length][];
		for (int i = 0; i < vectors.length; i++)
			vectors[i] = m.vectors()[i].clone();
		return new BinaryMachine(spec, vectors, m.weights().clone(), m.intercept());
	}

	/** Signed distance-like decision value; positive means the +1 class. */
	double score(double[] z) {
		return machine.score(z);
	}

	int supportVectors() {
		return machine.vectors().length;
	}

	void write(DataOutputStream out) throws IOException {
		double[][] vectors = machine.vectors();
		int d = vectors.length == 0 ? 0 : vectors[0].length;
		out.writeInt(vectors.length);
		out.writeInt(d);
		for (double[] v : vectors)
			for (double value : v)
				out.writeDouble(value);
		StateFormat.writeDoubles(out, machine.weights());
		out.writeDouble(machine.intercept());
	}

	/** Reads a machine written by {@link #write}; its vectors must have {@code dimension} entries. */
	static BinaryMachine read(DataInputStream in, KernelSpec spec, int dimension) throws IOException {
		int count = StateFormat.readCount(in, "support vector count", StateFormat.MAX_COUNT);
		int d = StateFormat.readCount(in, "support vector length", StateFormat.MAX_COUNT);
		if (count > 0 && d != dimension)
			throw new IOException("Corrupt classifier state: support vectors have " + d + " features, expected " + dimension);
		if ((long) count * d > StateFormat.MAX_COUNT)
			throw new IOException("Corrupt classifier state: " + count + " support vectors of length " + d);
		double[][] vectors = new double[count][d];
		for (double[] v : vectors)
			for (int j = 0; j < d; j++)
				v[j] = in.readDouble();
		double[] weights = StateFormat.readDoubles(in, "support vector weights", count);
		double intercept = in.readDouble();
		return new BinaryMachine(spec, vectors, weights, intercept);
	}
}
