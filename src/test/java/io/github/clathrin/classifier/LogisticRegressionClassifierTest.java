package io.github.clathrin.classifier;

import io.github.clathrin.Cancelling;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

class LogisticRegressionClassifierTest {

	@Test
	void separatesBlobs() {
		SyntheticData.blobs(200, 10, 2, 3, 1).assertCrossValidatedAbove(0.95, LogisticRegressionClassifier::new, 5);
	}

	@Test
	void handlesTenClasses() {
		SyntheticData.blobs(300, 10, 10, 4, 3).assertCrossValidatedAbove(0.8, LogisticRegressionClassifier::new, 3);
	}

	@Test
	void roundTripAndSeedGiveIdenticalProbabilities() throws IOException {
		SyntheticData data = SyntheticData.blobs(150, 6, 3, 1.5, 2);
		LogisticRegressionClassifier a = new LogisticRegressionClassifier();
		LogisticRegressionClassifier b = new LogisticRegressionClassifier();
		a.fit(data.x, data.y, 3, 9, Progress.NONE);
		b.fit(data.x, data.y, 3, 9, Progress.NONE);
		Classifier loaded = SvmClassifierTest.roundTrip(a);
		assertEquals(a.parameters(), loaded.parameters());
		for (double[] row : data.x) {
			assertArrayEquals(a.probabilities(row), b.probabilities(row), 0.0);
			assertArrayEquals(a.probabilities(row), loaded.probabilities(row), 0.0);
		}
	}

	@Test
	void cancellationStopsTheFit() {
		SyntheticData data = SyntheticData.blobs(100, 4, 2, 1, 6);
		Progress cancelled = Cancelling.always();
		assertThrows(CancelledException.class,
			() -> new LogisticRegressionClassifier().fit(data.x, data.y, 2, 1, cancelled));
	}
}
