package io.github.clathrin.classifier;

import io.github.clathrin.Cancelling;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

class SvmClassifierTest {

	@Test
	void separatesBlobsInCrossValidation() {
		SyntheticData.blobs(200, 10, 2, 3, 1).assertCrossValidatedAbove(0.95, SvmClassifier::new, 5);
	}

	@Test
	void picksRbfForRingsWhereLogisticRegressionFails() {
		SyntheticData data = SyntheticData.rings(240, 0, 3);
		Evaluation svm = data.crossValidated(SvmClassifier::new, 5);
		Evaluation lr = data.crossValidated(LogisticRegressionClassifier::new, 5);
		assertTrue(svm.accuracy() > 0.9, "SVM\n" + svm);
		assertTrue(lr.accuracy() < 0.7, "logistic\n" + lr);
		SvmClassifier fitted = new SvmClassifier();
		fitted.fit(data.x, data.y, 2, 11, Progress.NONE);
		assertEquals("rbf", fitted.parameters().get("kernel"), fitted.parameters().toString());
	}

	@Test
	void handlesThreeClasses() {
		SyntheticData.blobs(150, 6, 3, 3, 2).assertCrossValidatedAbove(0.9, SvmClassifier::new, 5);
	}

	@Test
	void handlesTenClasses() {
		SyntheticData data = SyntheticData.blobs(300, 10, 10, 4, 3);
		data.assertCrossValidatedAbove(0.8, SvmClassifier::new, 3);
		double[] p = fitted(data).probabilities(data.x[0]);
		assertEquals(10, p.length);
		double sum = 0;
		for (double v : p)
			sum += v;
		assertEquals(1, sum, 1e-12);
	}

	private static SvmClassifier fitted(SyntheticData data) {
		SvmClassifier svm = new SvmClassifier();
		svm.fit(data.x, data.y, data.numClasses, 5, Progress.NONE);
		return svm;
	}

	@Test
	void roundTripGivesIdenticalProbabilities() throws IOException {
		for (int k : new int[] { 2, 4 }) {
			SyntheticData data = SyntheticData.blobs(120, 5, k, 1.5, k);
			SvmClassifier svm = fitted(data);
			Classifier loaded = roundTrip(svm);
			for (double[] row : data.x)
				assertArrayEquals(svm.probabilities(row), loaded.probabilities(row), 0.0);
			assertEquals(svm.parameters(), loaded.parameters());
		}
	}

	@Test
	void sameSeedGivesSameModel() {
		SyntheticData data = SyntheticData.blobs(150, 8, 3, 1.5, 4);
		SvmClassifier a = new SvmClassifier();
		SvmClassifier b = new SvmClassifier();
		a.fit(data.x, data.y, 3, 42, Progress.NONE);
		b.fit(data.x, data.y, 3, 42, Progress.NONE);
		assertEquals(a.parameters(), b.parameters());
		for (double[] row : data.x)
			assertArrayEquals(a.probabilities(row), b.probabilities(row), 0.0);
	}

	@Test
	void constantFeatureDoesNotBreakStandardization() {
		SyntheticData data = SyntheticData.blobs(60, 3, 2, 3, 5);
		for (double[] row : data.x)
			row[1] = 7;
		SvmClassifier svm = new SvmClassifier();
		svm.fit(data.x, data.y, 2, 1, Progress.NONE);
		for (double v : svm.probabilities(data.x[0]))
			assertTrue(Double.isFinite(v));
	}

	@Test
	void cancellationStopsTheFit() {
		SyntheticData data = SyntheticData.blobs(120, 5, 2, 1, 6);
		Cancelling cancelAfterFirstReport = Cancelling.after(1);
		assertThrows(CancelledException.class, () -> new SvmClassifier().fit(data.x, data.y, 2, 1, cancelAfterFirstReport));
		assertTrue(cancelAfterFirstReport.reports() < SvmGridSearch.grid(5).size(), "stopped early");
	}

	@Test
	void truncatedStateIsAnIOException() throws IOException {
		SyntheticData data = SyntheticData.blobs(60, 3, 2, 3, 8);
		SvmClassifier svm = new SvmClassifier();
		svm.fit(data.x, data.y, 2, 1, Progress.NONE);
		byte[] state = bytes(svm);
		byte[] cut = java.util.Arrays.copyOf(state, state.length / 2);
		IOException e = assertThrows(IOException.class,
			() -> Classifiers.load("svm", svm.parameters(), new DataInputStream(new ByteArrayInputStream(cut))));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		assertThrows(IOException.class, () -> Classifiers.load("logistic", svm.parameters(),
			new DataInputStream(new ByteArrayInputStream(state))));
	}

	static byte[] bytes(Classifier c) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(buffer)) {
			c.writeState(out);
		}
		return buffer.toByteArray();
	}

	static Classifier roundTrip(Classifier c) throws IOException {
		byte[] state = bytes(c);
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
		Classifier loaded = Classifiers.load(c.name(), c.parameters(), in);
		assertEquals(-1, in.read(), "state fully consumed");
		return loaded;
	}
}
