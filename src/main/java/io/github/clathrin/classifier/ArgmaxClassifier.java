package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

import io.github.clathrin.task.Progress;

/**
 * The classifier of a model whose encoder already predicts: a supervised encoder (the 3D CNN) gives
 * class probabilities, and this passes them on. It learns nothing; fit only checks that the features
 * are probability vectors over the right number of classes.
 */
public final class ArgmaxClassifier implements Classifier {

	public static final String NAME = "argmax";

	private int numClasses;

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void fit(double[][] x, int[] y, int numClasses, long seed, Progress progress) {
		FitInput.check(x, y, numClasses);
		for (double[] row : x)
			if (row.length != numClasses) throw new IllegalArgumentException("argmax needs the encoder's class "
				+ "probabilities (" + numClasses + " values), got vectors of length " + row.length);
		this.numClasses = numClasses;
	}

	@Override
	public double[] probabilities(double[] x) {
		if (x.length != numClasses)
			throw new IllegalArgumentException("expected " + numClasses + " class probabilities, got " + x.length);
		double sum = 0;
		for (double v : x) sum += Math.max(0, v);
		double[] p = new double[numClasses];
		for (int i = 0; i < numClasses; i++) p[i] = sum > 0 ? Math.max(0, x[i]) / sum : 1.0 / numClasses;
		return p;
	}

	@Override
	public Map<String, Object> parameters() {
		return Map.of("classes", numClasses);
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		out.writeInt(numClasses);
	}

	static ArgmaxClassifier read(DataInputStream in) throws IOException {
		ArgmaxClassifier c = new ArgmaxClassifier();
		c.numClasses = in.readInt();
		if (c.numClasses < 2 || c.numClasses > 100_000) throw new IOException("argmax state holds " + c.numClasses + " classes");
		return c;
	}

	/** Offers {@value #NAME} to {@link Classifiers} (listed in META-INF/services). */
	public static final class Provider extends ClassifierProvider.OfOne {

		public Provider() {
			super(NAME, "the most probable class of an encoder that predicts by itself (the CNN)", ArgmaxClassifier::new, ArgmaxClassifier::read);
		}

		@Override
		public boolean offered() {
			return false;
		}
	}
}
