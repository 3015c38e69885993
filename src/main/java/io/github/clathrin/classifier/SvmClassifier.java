package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.clathrin.task.Progress;

/**
 * Support vector machine on standardized features, with kernel and C chosen by inner
 * cross-validation, one-vs-rest for more than two classes, and Platt-scaled probabilities.
 */
public final class SvmClassifier implements Classifier {

	static final String NAME = "svm";
	private static final int STATE_VERSION = 1;

	private Standardizer standardizer;
	private KernelSpec kernel;
	private double c;
	private int numClasses;
	private BinaryMachine[] machines;
	private PlattScaler[] platt;
	private double innerAccuracy = Double.NaN;
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
		int d = z[0].length;

		SvmGridSearch.Candidate chosen;
		double[][] oofScores = null;
		double accuracy = Double.NaN;
		if (z.length >= 2 * SvmGridSearch.FOLDS) {
			SvmGridSearch.Result result = SvmGridSearch.search(z, y, numClasses, seed, progress);
			chosen = result.best();
			oofScores = result.outOfFoldScores();
			accuracy = result.accuracy();
		} else {
			// Too few samples to cross-validate: a middle-of-the-grid default.
			chosen = new SvmGridSearch.Candidate(KernelSpec.rbf(Math.sqrt(d)), 1);
		}

		int count = SvmGridSearch.machineCount(numClasses);
		BinaryMachine[] ms = new BinaryMachine[count];
		PlattScaler[] ps = new PlattScaler[count];
		for (int j = 0; j < count; j++) {
			progress.checkCancelled();
			boolean[] positive = SvmGridSearch.positives(y, numClasses, j);
			ms[j] = BinaryMachine.train(z, positive, chosen.kernel(), chosen.c(), Seeds.derive(seed, 3, j));
			// Platt on held-out scores (as libsvm does): training scores are over-confident.
			double[] scores = oofScores != null ? oofScores[j] : trainingScores(ms[j], z);
			ps[j] = PlattScaler.fit(scores, positive);
			progress.report("SVM final fit", j + 1, count);
		}

		this.standardizer = s;
		this.kernel = chosen.kernel();
		this.c = chosen.c();
		this.numClasses = numClasses;
		this.machines = ms;
		this.platt = ps;
		this.innerAccuracy = accuracy;
		this.trainingSize = x.length;
	}

	private static double[] trainingScores(BinaryMachine m, double[][] z) {
		double[] s = new double[z.length];
		for (int i = 0; i < z.length; i++)
			s[i] = m.score(z[i]);
		return s;
	}

	@Override
	public double[] probabilities(double[] x) {
		if (machines == null) throw new IllegalStateException("SVM classifier is not fitted");
		double[] z = standardizer.apply(x);
		if (numClasses == 2) {
			double p1 = platt[0].probability(machines[0].score(z));
			return new double[] { 1 - p1, p1 };
		}
		double[] p = new double[numClasses];
		double sum = 0;
		for (int j = 0; j < numClasses; j++) {
			p[j] = platt[j].probability(machines[j].score(z));
			sum += p[j];
		}
		for (int j = 0; j < numClasses; j++)
			p[j] = sum > 0 ? p[j] / sum : 1.0 / numClasses;
		return p;
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> map = new LinkedHashMap<>();
		if (machines == null) return map;
		map.putAll(kernel.toMap());
		map.put("c", c);
		map.put("multiclass", numClasses == 2 ? "binary" : "one-vs-rest");
		map.put("classes", numClasses);
		map.put("features", standardizer.dimension());
		map.put("training_samples", trainingSize);
		int sv = 0;
		for (BinaryMachine m : machines)
			sv += m.supportVectors();
		map.put("support_vectors", sv);
		map.put("inner_folds", SvmGridSearch.FOLDS);
		if (!Double.isNaN(innerAccuracy)) map.put("inner_cv_accuracy", innerAccuracy);
		return map;
	}

	/** The chosen kernel, e.g. "rbf(sigma=3.5)". */
	public String kernelDescription() {
		return kernel == null ? "not fitted" : kernel.toString();
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		if (machines == null) throw new IllegalStateException("SVM classifier is not fitted");
		StateFormat.writeHeader(out, NAME, STATE_VERSION);
		out.writeInt(numClasses);
		out.writeInt(trainingSize);
		out.writeDouble(innerAccuracy);
		kernel.write(out);
		out.writeDouble(c);
		standardizer.write(out);
		out.writeInt(machines.length);
		for (int j = 0; j < machines.length; j++) {
			machines[j].write(out);
			out.writeDouble(platt[j].a());
			out.writeDouble(platt[j].b());
		}
	}

	/** Reads the state written by {@link #writeState}. */
	static SvmClassifier read(DataInputStream in) throws IOException {
		StateFormat.readHeader(in, NAME, STATE_VERSION);
		SvmClassifier svm = new SvmClassifier();
		svm.numClasses = StateFormat.readCount(in, "class count", 100_000);
		if (svm.numClasses < 2) throw new IOException("Corrupt classifier state: " + svm.numClasses + " classes");
		svm.trainingSize = StateFormat.readCount(in, "training size", Integer.MAX_VALUE);
		svm.innerAccuracy = in.readDouble();
		svm.kernel = KernelSpec.read(in);
		svm.c = in.readDouble();
		svm.standardizer = Standardizer.read(in);
		int count = in.readInt();
		if (count != SvmGridSearch.machineCount(svm.numClasses))
			throw new IOException("Corrupt classifier state: " + count + " machines for " + svm.numClasses + " classes");
		svm.machines = new BinaryMachine[count];
		svm.platt = new PlattScaler[count];
		for (int j = 0; j < count; j++) {
			svm.machines[j] = BinaryMachine.read(in, svm.kernel, svm.standardizer.dimension());
			svm.platt[j] = new PlattScaler(in.readDouble(), in.readDouble());
		}
		return svm;
	}

	/** Offers {@value #NAME} to {@link Classifiers} (listed in META-INF/services). */
	public static final class Provider extends ClassifierProvider.OfOne {

		public Provider() {
			super(NAME, "support vector machine, grid search over kernel, C and width inside each fit", SvmClassifier::new, SvmClassifier::read);
		}
	}
}
