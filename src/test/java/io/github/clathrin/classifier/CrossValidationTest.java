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
}
