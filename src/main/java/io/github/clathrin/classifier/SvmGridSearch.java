package io.github.clathrin.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

/**
 * Chooses an SVM kernel and penalty C by stratified inner cross-validation on the training data
 * alone, and keeps the winner's out-of-fold decision values for Platt scaling.
 */
final class SvmGridSearch {

	/** Inner folds: few, because the study's training sets are small (~280 samples). */
	static final int FOLDS = 3;

	static final double[] C_VALUES = { 0.1, 1, 10, 100 };

	/** RBF widths in units of sqrt(d), the typical distance between standardized samples. */
	static final double[] RBF_WIDTHS = { 4, 2, 1, 0.5, 0.25 };

	/** Worker threads; the grid points are independent and seeded, so the result does not depend on it. */
	private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

	/** One grid point. */
	record Candidate(KernelSpec kernel, double c) {}

	/** The best grid point, its inner-CV accuracy, and its out-of-fold scores [machine][sample]. */
	record Result(Candidate best, double accuracy, double[][] outOfFoldScores) {}

	private SvmGridSearch() {}

	/** The grid for d features, simplest models first so that ties go to them. */
	static List<Candidate> grid(int d) {
		List<KernelSpec> kernels = new ArrayList<>();
		kernels.add(KernelSpec.linear());
		kernels.add(KernelSpec.polynomial(2, d));
		kernels.add(KernelSpec.polynomial(3, d));
		for (double w : RBF_WIDTHS)
			kernels.add(KernelSpec.rbf(w * Math.sqrt(d)));
		List<Candidate> grid = new ArrayList<>();
		for (KernelSpec k : kernels)
			for (double c : C_VALUES)
				grid.add(new Candidate(k, c));
		return grid;
	}

	/** Number of binary machines: one for two classes, else one per class (one-vs-rest). */
	static int machineCount(int numClasses) {
		return numClasses == 2 ? 1 : numClasses;
	}

	/** Which samples are positive for machine j. */
	static boolean[] positives(int[] y, int numClasses, int j) {
		int target = numClasses == 2 ? 1 : j;
		boolean[] p = new boolean[y.length];
		for (int i = 0; i < y.length; i++)
			p[i] = y[i] == target;
		return p;
	}

	/** The class picked from the machines' decision values. */
	static int decide(double[] scores, int numClasses) {
		if (numClasses == 2) return scores[0] > 0 ? 1 : 0;
		int best = 0;
		for (int j = 1; j < scores.length; j++)
			if (scores[j] > scores[best]) best = j;
		return best;
	}

	/** Runs the grid over standardized data z; needs at least {@link #FOLDS} samples. */
	static Result search(double[][] z, int[] y, int numClasses, long seed, Progress progress) {
		List<Candidate> grid = grid(z[0].length);
		int[] folds = StratifiedFolds.assign(y, FOLDS, Seeds.derive(seed, 1));
		ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
			Thread t = new Thread(r, "svm-grid-search");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<double[][]>> futures = new ArrayList<>();
			for (Candidate candidate : grid)
				futures.add(pool.submit(() -> outOfFoldScores(z, y, numClasses, folds, candidate, seed, progress)));
			Result best = null;
			for (int g = 0; g < grid.size(); g++) {
				double[][] scores = await(futures.get(g));
				double accuracy = accuracy(scores, y, numClasses);
				// Strictly better only: ties keep the earlier, simpler grid point.
				if (best == null || accuracy > best.accuracy()) best = new Result(grid.get(g), accuracy, scores);
				progress.report("SVM grid search", g + 1, grid.size());
			}
			return best;
		} finally {
			pool.shutdownNow();
		}
	}

	private static double[][] await(Future<double[][]> future) {
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		} catch (CancellationException e) {
			throw new CancelledException();
		} catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			throw new IllegalStateException("SVM grid search failed", e.getCause());
		}
	}

	/** Decision values of each machine for each sample, from the fold that held it out. */
	private static double[][] outOfFoldScores(double[][] z, int[] y, int numClasses, int[] folds, Candidate candidate,
		long seed, Progress progress) {
		int machines = machineCount(numClasses);
		double[][] scores = new double[machines][z.length];
		for (int f = 0; f < FOLDS; f++) {
			List<Integer> train = new ArrayList<>();
			for (int i = 0; i < z.length; i++)
				if (folds[i] != f) train.add(i);
			double[][] tx = new double[train.size()][];
			int[] ty = new int[train.size()];
			for (int t = 0; t < tx.length; t++) {
				tx[t] = z[train.get(t)];
				ty[t] = y[train.get(t)];
			}
			for (int j = 0; j < machines; j++) {
				progress.checkCancelled();
				// Same seed for every grid point: all candidates see the same sample order.
				BinaryMachine m = BinaryMachine.train(tx, positives(ty, numClasses, j), candidate.kernel(), candidate.c(),
					Seeds.derive(seed, 2, f, j));
				for (int i = 0; i < z.length; i++)
					if (folds[i] == f) scores[j][i] = m.score(z[i]);
			}
		}
		return scores;
	}

	private static double accuracy(double[][] scores, int[] y, int numClasses) {
		int correct = 0;
		double[] s = new double[scores.length];
		for (int i = 0; i < y.length; i++) {
			for (int j = 0; j < s.length; j++)
				s[j] = scores[j][i];
			if (decide(s, numClasses) == y[i]) correct++;
		}
		return correct / (double) y.length;
	}
}
