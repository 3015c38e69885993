package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.classifier.Evaluation;

/** The evaluate table and JSON give each accuracy with its 95 % interval and the number it is over. */
class EvaluationIntervalTest {

	/** 20 scored structures, 19 right. */
	private static Evaluation nineteenOfTwenty() {
		int[] truth = new int[20], predicted = new int[20];
		for (int i = 10; i < 20; i++) truth[i] = predicted[i] = 1;
		predicted[19] = 0;
		double[][] p = new double[20][];
		for (int i = 0; i < 20; i++) p[i] = new double[] { 1 - predicted[i], predicted[i] };
		return new Evaluation(List.of("no", "yes"), truth, predicted, p, new int[20]);
	}

	@Test
	void theTableShowsTheIntervalBesideTheAccuracyAndTheNumberOfStructures() {
		EvaluationReport r = new EvaluationReport(List.of(new EvaluationReport.Row("lab",
			nineteenOfTwenty(), 0.5)), List.of("no", "yes"), 50, 20, 5);
		String table = r.table();
		assertTrue(table.contains("encoder         accuracy       95% CI         no        yes   seconds"), table);
		assertTrue(table.contains("lab                0.950  0.764-0.991      1.000      0.900      0.50"), table);
		assertTrue(table.contains("Wilson score interval over the 20 scored structures"), table);
	}

	@Test
	void theJsonHasTheIntervalAndTheNumberPerRow() {
		EvaluationReport r = new EvaluationReport(List.of(new EvaluationReport.Row("lab",
			nineteenOfTwenty(), 0.5)), List.of("no", "yes"), 50, 20, 5);
		Map<String, Object> m = r.toMap();
		assertEquals(0.95, (Double) ((Map<?, ?>) m.get("accuracy")).get("lab"), 1e-12);
		List<?> ci = (List<?>) ((Map<?, ?>) m.get("accuracyCi95")).get("lab");
		assertEquals(0.763869, (Double) ci.get(0), 1e-6);
		assertEquals(0.991119, (Double) ci.get(1), 1e-6);
		assertEquals(20, ((Map<?, ?>) m.get("n")).get("lab"));
		String json = ModelFile.toJson(m);
		assertTrue(json.contains("\"accuracyCi95\""), json);
	}
}
