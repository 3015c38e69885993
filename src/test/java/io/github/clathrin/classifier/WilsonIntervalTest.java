package io.github.clathrin.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The 95 % interval printed beside every accuracy, so that "0.950 from 20 labels" is read correctly. */
class WilsonIntervalTest {

	/*
	 * Reference values by hand, z = 1.959964, z^2 = 3.841459, interval = (p + z^2/2n +- z sqrt(p(1-p)/n +
	 * z^2/4n^2)) / (1 + z^2/n):
	 * 19 of 20: p = 0.95, 1 + z^2/n = 1.192073, centre = (0.95 + 0.096036) / 1.192073 = 0.877494,
	 *   half = 1.959964 sqrt(0.002375 + 0.002401) / 1.192073 = 0.113625: 0.763869 to 0.991119.
	 * 0 of 10: 1 + z^2/n = 1.384146, centre = 0.192073 / 1.384146 = 0.138766 = half: 0 to 0.277533.
	 * 249 of 280 (0.889): 1 + z^2/n = 1.013720, centre = (0.889286 + 0.006860) / 1.013720 = 0.884017,
	 *   half = 1.959964 sqrt(0.00035163 + 0.00001225) / 1.013720 = 0.036882: 0.847136 to 0.920900.
	 */
	@Test
	void matchesHandComputedReferenceValues() {
		assertArrayEquals(new double[] { 0.763869, 0.991119 }, Evaluation.wilson(19, 20), 2e-6);
		assertArrayEquals(new double[] { 0, 0.277533 }, Evaluation.wilson(0, 10), 2e-6);
		assertArrayEquals(new double[] { 0.847136, 0.920900 }, Evaluation.wilson(249, 280), 2e-6);
		assertArrayEquals(new double[] { 0.722467, 1 }, Evaluation.wilson(10, 10), 2e-6);
		assertTrue(Double.isNaN(Evaluation.wilson(0, 0)[0]));
		assertEquals("0.764-0.991", Evaluation.formatInterval(Evaluation.wilson(19, 20)));
	}

	@Test
	void anEvaluationGivesTheIntervalOfItsAccuracyAndOfEachClass() {
		// 20 structures, 19 right: class a 10 of 10, class b 9 of 10.
		Evaluation e = NineteenOfTwenty.evaluation("a", "b");
		assertEquals(0.95, e.accuracy(), 1e-12);
		assertArrayEquals(Evaluation.wilson(19, 20), e.accuracyInterval(), 0);
		assertArrayEquals(Evaluation.wilson(10, 10), e.perClassInterval()[0], 0);
		assertArrayEquals(Evaluation.wilson(9, 10), e.perClassInterval()[1], 0);
		assertEquals(List.of(Evaluation.wilson(19, 20)[0], Evaluation.wilson(19, 20)[1]), e.toMap().get("accuracy_ci95"));
		assertTrue(e.toString().contains("accuracy = 0.950 (95% CI 0.764-0.991)"), e.toString());
	}
}
