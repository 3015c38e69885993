package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import smile.math.kernel.GaussianKernel;
import smile.math.kernel.LinearKernel;
import smile.math.kernel.MercerKernel;
import smile.math.kernel.PolynomialKernel;

/**
 * An SVM kernel and its parameters: linear x.y; polynomial (x.y / width + 1)^degree; RBF
 * exp(-|x-y|^2 / (2 width^2)). Width is a length in standardized feature space.
 */
record KernelSpec(Kind kind, int degree, double width) {

	/** The kernel families of the grid search. */
	enum Kind {
		LINEAR, POLYNOMIAL, RBF
	}

	KernelSpec {
		if (kind == Kind.POLYNOMIAL && degree < 1) throw new IllegalArgumentException("Polynomial degree must be >= 1");
		if (kind != Kind.LINEAR && !(width > 0)) throw new IllegalArgumentException("Kernel width must be > 0");
	}

	static KernelSpec linear() {
		return new KernelSpec(Kind.LINEAR, 1, 1);
	}

	static KernelSpec polynomial(int degree, double width) {
		return new KernelSpec(Kind.POLYNOMIAL, degree, width);
	}

	static KernelSpec rbf(double sigma) {
		return new KernelSpec(Kind.RBF, 1, sigma);
	}

	/** The Smile kernel that computes this one. */
	MercerKernel<double[]> toKernel() {
		return switch (kind) {
		case LINEAR -> new LinearKernel();
		case POLYNOMIAL -> new PolynomialKernel(degree, 1 / width, 1);
		case RBF -> new GaussianKernel(width);
		};
	}

	/** JSON-friendly description for the model manifest. */
	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("kernel", kind.name().toLowerCase());
		if (kind == Kind.POLYNOMIAL) {
			map.put("degree", degree);
			map.put("scale", width);
		}
		if (kind == Kind.RBF) map.put("sigma", width);
		return map;
	}

	@Override
	public String toString() {
		return switch (kind) {
		case LINEAR -> "linear";
		case POLYNOMIAL -> "polynomial(degree=" + degree + ", scale=" + width + ")";
		case RBF -> "rbf(sigma=" + width + ")";
		};
	}

	void write(DataOutputStream out) throws IOException {
		out.writeByte(kind.ordinal());
		out.writeInt(degree);
		out.writeDouble(width);
	}

	static KernelSpec read(DataInputStream in) throws IOException {
		int k = in.readByte();
		if (k < 0 || k >= Kind.values().length) throw new IOException("Corrupt classifier state: unknown kernel kind " + k);
		int degree = in.readInt();
		double width = in.readDouble();
		try {
			return new KernelSpec(Kind.values()[k], degree, width);
		} catch (IllegalArgumentException e) {
			throw new IOException("Corrupt classifier state: " + e.getMessage(), e);
		}
	}
}
