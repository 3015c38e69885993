package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.clathrin.task.Progress;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

/**
 * Multinomial logistic regression with an L2 penalty on standardized features, the study's linear
 * baseline; the penalty is chosen by inner cross-validation on held-out log-loss.
 */
public final class LogisticRegressionClassifier implements Classifier {

	static final String NAME = "logistic";
	private static final int STATE_VERSION = 1;
	private static final int FOLDS = 3;
	static final double[] LAMBDAS = { 1e-4, 1e-3, 1e-2, 1e-1, 1 };
	/** Used when there are too few samples to cross-validate. */
	private static final double DEFAULT_LAMBDA = 1e-2;

	private Standardizer standardizer;
	private int numClasses;
	/** Weights [class][feature], the last entry of each row being the bias. */
	private double[][] weights;
	private double lambda;
	private double innerLogLoss = Double.NaN;
	private int trainingSize;

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void fit(double[][] x, int[] y, int numClasses, long seed, Progress progress) {
		FitInput.check(x, y, numClasses);
		Standardizer s = Standardizer.fit(x);
		double[][] z = s.applyAll(x);
		double chosen = DEFAULT_LAMBDA;
		double bestLoss = Double.NaN;
		if (z.length >= 2 * FOLDS) {
			int[] folds = StratifiedFolds.assign(y, FOLDS, Seeds.derive(seed, 1));
			for (int l = 0; l < LAMBDAS.length; l++) {
				double loss = heldOutLogLoss(z, y, numClasses, folds, LAMBDAS[l], progress);
				if (Double.isNaN(bestLoss) || loss < bestLoss) {
					bestLoss = loss;
					chosen = LAMBDAS[l];
				}
				progress.report("Logistic regression penalty search", l + 1, LAMBDAS.length);
			}
		}
		progress.checkCancelled();
		this.weights = train(z, y, numClasses, chosen);
		this.standardizer = s;
		this.numClasses = numClasses;
		this.lambda = chosen;
		this.innerLogLoss = bestLoss;
		this.trainingSize = x.length;
	}

	private static double heldOutLogLoss(double[][] z, int[] y, int k, int[] folds, double lambda, Progress progress) {
		double loss = 0;
		for (int f = 0; f < FOLDS; f++) {
			progress.checkCancelled();
			int nTrain = 0;
			for (int fold : folds)
				if (fold != f) nTrain++;
			double[][] tx = new double[nTrain][];
			int[] ty = new int[nTrain];
			int t = 0;
			for (int i = 0; i < z.length; i++)
				if (folds[i] != f) {
					tx[t] = z[i];
					ty[t++] = y[i];
				}
			double[][] w = train(tx, ty, k, lambda);
			for (int i = 0; i < z.length; i++)
				if (folds[i] == f) loss -= Math.log(Math.max(1e-15, softmax(w, z[i])[y[i]]));
		}
		return loss / z.length;
	}

	/** Minimizes mean negative log-likelihood + lambda/2 |w|^2 (bias not penalized) by L-BFGS from zero. */
	private static double[][] train(double[][] z, int[] y, int k, double lambda) {
		int d = z[0].length;
		int stride = d + 1;
		DifferentiableMultivariateFunction objective = new DifferentiableMultivariateFunction() {
			@Override
			public double f(double[] w) {
				return g(w, new double[w.length]);
			}

			@Override
			public double g(double[] w, double[] gradient) {
				java.util.Arrays.fill(gradient, 0);
				double[][] rows = unpack(w, k, stride);
				double loss = 0;
				for (int i = 0; i < z.length; i++) {
					double[] p = softmax(rows, z[i]);
					loss -= Math.log(Math.max(1e-300, p[y[i]]));
					for (int c = 0; c < k; c++) {
						double diff = (p[c] - (y[i] == c ? 1 : 0)) / z.length;
						int base = c * stride;
						for (int j = 0; j < d; j++)
							gradient[base + j] += diff * z[i][j];
						gradient[base + d] += diff;
					}
				}
				loss /= z.length;
				for (int c = 0; c < k; c++)
					for (int j = 0; j < d; j++) {
						double wj = w[c * stride + j];
						loss += 0.5 * lambda * wj * wj;
						gradient[c * stride + j] += lambda * wj;
					}
				return loss;
			}
		};
		double[] w = new double[k * stride];
		BFGS.minimize(objective, 10, w, 1e-6, 500);
		return unpack(w, k, stride);
	}

	private static double[][] unpack(double[] w, int k, int stride) {
		double[][] rows = new double[k][stride];
		for (int c = 0; c < k; c++)
			System.arraycopy(w, c * stride, rows[c], 0, stride);
		return rows;
	}

	/** Class probabilities for a standardized sample, shifted by the max score to avoid overflow. */
	private static double[] softmax(double[][] w, double[] z) {
		int d = z.length;
		double[] s = new double[w.length];
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < w.length; c++) {
			double v = w[c][d];
			for (int j = 0; j < d; j++)
				v += w[c][j] * z[j];
			s[c] = v;
			max = Math.max(max, v);
		}
		double sum = 0;
		for (int c = 0; c < s.length; c++) {
			s[c] = Math.exp(s[c] - max);
			sum += s[c];
		}
		for (int c = 0; c < s.length; c++)
			s[c] /= sum;
		return s;
	}

	@Override
	public double[] probabilities(double[] x) {
		if (weights == null) throw new IllegalStateException("Logistic regression is not fitted");
		return softmax(weights, standardizer.apply(x));
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> map = new LinkedHashMap<>();
		if (weights == null) return map;
		map.put("lambda", lambda);
		map.put("classes", numClasses);
		map.put("features", standardizer.dimension());
		map.put("training_samples", trainingSize);
		map.put("inner_folds", FOLDS);
		if (!Double.isNaN(innerLogLoss)) map.put("inner_cv_log_loss", innerLogLoss);
		return map;
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		if (weights == null) throw new IllegalStateException("Logistic regression is not fitted");
		StateFormat.writeHeader(out, NAME, STATE_VERSION);
		out.writeInt(numClasses);
		out.writeInt(trainingSize);
		out.writeDouble(lambda);
		out.writeDouble(innerLogLoss);
		standardizer.write(out);
		for (double[] row : weights)
			StateFormat.writeDoubles(out, row);
	}

	/** Reads the state written by {@link #writeState}. */
	static LogisticRegressionClassifier read(DataInputStream in) throws IOException {
		StateFormat.readHeader(in, NAME, STATE_VERSION);
		LogisticRegressionClassifier lr = new LogisticRegressionClassifier();
		lr.numClasses = StateFormat.readCount(in, "class count", 100_000);
		if (lr.numClasses < 2) throw new IOException("Corrupt classifier state: " + lr.numClasses + " classes");
		lr.trainingSize = StateFormat.readCount(in, "training size", Integer.MAX_VALUE);
		lr.lambda = in.readDouble();
		lr.innerLogLoss = in.readDouble();
		lr.standardizer = Standardizer.read(in);
		lr.weights = new double[lr.numClasses][];
		for (int c = 0; c < lr.numClasses; c++)
			lr.weights[c] = StateFormat.readDoubles(in, "class weights", lr.standardizer.dimension() + 1);
		return lr;
	}

	/** Offers {@value #NAME} to {@link Classifiers} (listed in META-INF/services). */
	public static final class Provider extends ClassifierProvider.OfOne {

		public Provider() {
			super(NAME, "multinomial logistic regression (the lab features' baseline)", LogisticRegressionClassifier::new, LogisticRegressionClassifier::read);
		}
	}
}
