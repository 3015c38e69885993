package io.github.clathrin.classifier;

import io.github.clathrin.Cancelling;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

class CrossValidationTest {

	/** Records the sample ids (feature 0) it was trained on and asserts it is never asked about one of them. */
	static final class RecordingClassifier implements Classifier {
		final Set<Double> trainedOn = new HashSet<>();
		final Set<Double> askedAbout = new HashSet<>();
		int numClasses;

		@Override
		public String name() {
			return "recording";
		}

		@Override
		public void fit(double[][] x, int[] y, int numClasses, long seed, Progress progress) {
			this.numClasses = numClasses;
			for (double[] row : x)
				trainedOn.add(row[0]);
		}

		@Override
		public double[] probabilities(double[] x) {
			assertFalse(trainedOn.contains(x[0]), "test sample " + x[0] + " was in the training folds");
			askedAbout.add(x[0]);
			double[] p = new double[numClasses];
			p[0] = 1;
			return p;
		}

		@Override
		public Map<String, Object> parameters() {
			return Map.of();
		}

		@Override
		public void writeState(DataOutputStream out) {}
	}

	@Test
	void neverTrainsOnATestSample() {
		int n = 53;
		double[][] x = new double[n][2];
		int[] y = new int[n];
		for (int i = 0; i < n; i++) {
			x[i][0] = i; // unique id
			y[i] = i % 3;
		}
		List<RecordingClassifier> made = new ArrayList<>();
		Evaluation e = CrossValidation.run(x, y, 3, List.of("a", "b", "c"), () -> {
			RecordingClassifier c = new RecordingClassifier();
			made.add(c);
			return c;
		}, 5, 1, Progress.NONE);
		assertEquals(5, made.size(), "a new classifier per fold");
		Set<Double> tested = new HashSet<>();
		for (RecordingClassifier c : made) {
			assertEquals(n, c.trainedOn.size() + c.askedAbout.size(), "every sample is train or test in each fold");
			for (double id : c.askedAbout)
				assertTrue(tested.add(id), "sample " + id + " tested twice");
		}
		assertEquals(n, tested.size());
		assertEquals(n, e.n());
	}

	@Test
	void evaluationComputesMetrics() {
		int[] truth = { 0, 0, 0, 1, 1, 2 };
		int[] predicted = { 0, 0, 1, 1, 0, 2 };
		double[][] p = new double[6][3];
		Evaluation e = new Evaluation(List.of("pit", "vesicle", "flat"), truth, predicted, p, new int[6]);
		assertEquals(4 / 6.0, e.accuracy(), 1e-12);
		assertArrayEquals(new double[] { 2 / 3.0, 0.5, 1 }, e.perClassAccuracy(), 1e-12);
		assertArrayEquals(new int[] { 2, 1, 0 }, e.confusion()[0]);
		assertArrayEquals(new int[] { 1, 1, 0 }, e.confusion()[1]);
		Map<String, Object> map = e.toMap();
		assertEquals(6, map.get("n"));
		assertEquals(List.of(List.of(2, 1, 0), List.of(1, 1, 0), List.of(0, 0, 1)), map.get("confusion"));
		String table = e.toString();
		assertTrue(table.contains("accuracy = 0.667") && table.contains("vesicle"), table);
		truth[0] = 2;
		assertEquals(0, e.truth()[0], "evaluation keeps its own copy");
	}

	@Test
	void emptyClassGivesNullInTheMap() {
		Evaluation e = new Evaluation(List.of("a", "b"), new int[] { 0 }, new int[] { 0 }, new double[1][2], new int[1]);
		assertNull(((List<?>) e.toMap().get("per_class_accuracy")).get(1));
	}

	@Test
	void cancellationStopsCrossValidation() {
		SyntheticData data = SyntheticData.blobs(60, 3, 2, 3, 1);
		Progress cancelled = Cancelling.always();
		assertThrows(CancelledException.class,
			() -> CrossValidation.run(data.x, data.y, 2, data.classNames(), SvmClassifier::new, 5, 1, cancelled));
	}

	@Test
	void aFixedSplitTrainsOnceOnItsTrainingItemsAndScoresOnlyItsTestItems() {
		int n = 20;
		int[] y = new int[n];
		for (int i = 0; i < n; i++) y[i] = i % 2;
		int[] train = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, test = { 19, 12, 15 };
		int[] calls = { 0 };
		long[] seeds = new long[1];
		Evaluation e = CrossValidation.fixedSplit(y, 2, List.of("even", "odd"), train, test, 5, Progress.NONE,
			(tr, te, seed, p) -> {
				calls[0]++;
				seeds[0] = seed;
				assertArrayEquals(train, tr);
				assertArrayEquals(test, te);
				// predicts "odd" for every item: right for 19 and 15, wrong for 12
				double[][] out = new double[te.length][];
				for (int t = 0; t < te.length; t++) out[t] = new double[] { 0.2, 0.8 };
				return out;
			});
		assertEquals(1, calls[0]);
		assertEquals(3, e.n(), "only the test items are scored");
		assertArrayEquals(new int[] { 1, 0, 1 }, e.truth(), "in the order given");
		assertArrayEquals(new int[] { 1, 1, 1 }, e.predicted());
		assertEquals(2 / 3.0, e.accuracy(), 1e-12);
		assertArrayEquals(new int[][] { { 0, 1 }, { 0, 2 } }, e.confusion());
		assertArrayEquals(new int[3], e.folds());
		// the seed fold 0 of k-fold cross-validation gets
		long[] kFoldSeed = new long[1];
		CrossValidation.run(y, 2, List.of("even", "odd"), 2, 5, Progress.NONE, (tr, te, seed, p) -> {
			if (kFoldSeed[0] == 0) kFoldSeed[0] = seed;
			double[][] out = new double[te.length][];
			for (int t = 0; t < te.length; t++) out[t] = new double[] { 1, 0 };
			return out;
		});
		assertEquals(kFoldSeed[0], seeds[0]);
		CrossValidation.FoldModel any = (tr, te, seed, p) -> new double[te.length][2];
		assertThrows(IllegalArgumentException.class, () -> CrossValidation.fixedSplit(y, 2, List.of("a", "b"),
			new int[] { 0, 1 }, new int[] { 1 }, 1, Progress.NONE, any), "train and test overlap");
		assertThrows(IllegalArgumentException.class, () -> CrossValidation.fixedSplit(y, 2, List.of("a", "b"),
			new int[] { 0 }, new int[0], 1, Progress.NONE, any));
		assertThrows(IllegalArgumentException.class, () -> CrossValidation.fixedSplit(y, 2, List.of("a", "b"),
			new int[] { 0 }, new int[] { 20 }, 1, Progress.NONE, any));
	}
}
