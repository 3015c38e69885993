package io.github.clathrin.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Platt scaling: calibrated where scores rank the classes, never flipping the machine's decision. */
class PlattScalerTest {

	@Test
	void scoresThatRankTheClassesGiveConfidentProbabilities() {
		double[] f = { -3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3 };
		boolean[] positive = { false, false, false, false, true, false, true, true, true, true };
		PlattScaler s = PlattScaler.fit(f, positive);
		assertTrue(s.a() < 0);
		assertTrue(s.probability(3) > 0.8 && s.probability(-3) < 0.2, s.toString());
	}

	@Test
	void scoresThatPointTheWrongWayDoNotFlipPredictions() {
		// Held-out scores anti-correlated with the truth: an unconstrained sigmoid would invert every answer.
		double[] f = { -3, -2, -1, -0.5, 0.5, 1, 2, 3 };
		boolean[] positive = { true, true, true, false, true, false, false, false };
		PlattScaler s = PlattScaler.fit(f, positive);
		assertTrue(s.probability(2) > 0.5, "the machine's positive side stays positive");
		assertTrue(s.probability(-2) < 0.5);
		assertEquals(0.5, s.probability(2), 0.01, "and it is not trusted: probabilities stay near 0.5");
	}
}
