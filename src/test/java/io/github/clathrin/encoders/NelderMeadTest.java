package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

/** The general optimiser on functions whose minimum is known. */
class NelderMeadTest {

	/** Rosenbrock's banana valley: minimum 0 at (1, 1), hard for a simplex because the valley is curved. */
	private static final ToDoubleFunction<double[]> ROSENBROCK = x -> 100 * Math.pow(x[1] - x[0] * x[0], 2)
		+ Math.pow(1 - x[0], 2);

	@Test
	void findsTheRosenbrockMinimumFromTheClassicStart() {
		NelderMead.Outcome o = NelderMead.minimize(ROSENBROCK, new double[] { -1.2, 1 }, new double[] { 0.5, 0.5 },
			2000, 1e-12);
		assertTrue(o.converged(), "converged");
		assertArrayEquals(new double[] { 1, 1 }, o.x(), 1e-3);
		assertEquals(0, o.value(), 1e-6);
		assertEquals(ROSENBROCK.applyAsDouble(o.x()), o.value(), 0, "the value is the function at the point");
	}

	@Test
	void findsAShiftedQuadraticBowlInFiveDimensions() {
		double[] centre = { 3, -2, 0.5, 10, -7 };
		ToDoubleFunction<double[]> bowl = x -> {
			double s = 0;
			for (int j = 0; j < x.length; j++) s += (j + 1) * Math.pow(x[j] - centre[j], 2);
			return s;
		};
		NelderMead.Outcome o = NelderMead.minimize(bowl, new double[5], new double[] { 1, 1, 1, 1, 1 }, 20000, 1e-14);
		assertTrue(o.converged());
		assertArrayEquals(centre, o.x(), 1e-4);
	}

	@Test
	void stopsAtTheEvaluationBudgetAndSaysItDidNotConverge() {
		AtomicInteger calls = new AtomicInteger();
		NelderMead.Outcome o = NelderMead.minimize(x -> {
			calls.incrementAndGet();
			return ROSENBROCK.applyAsDouble(x);
		}, new double[] { -1.2, 1 }, new double[] { 0.5, 0.5 }, 30, 1e-12);
		assertFalse(o.converged());
		// "About" the budget: one iteration may overshoot it by its own evaluations (at most d + 2).
		assertTrue(calls.get() >= 30 && calls.get() <= 30 + 4, "evaluations " + calls.get());
		assertTrue(o.value() < ROSENBROCK.applyAsDouble(new double[] { -1.2, 1 }), "still improved on the start");
	}

	@Test
	void isDeterministic() {
		NelderMead.Outcome a = NelderMead.minimize(ROSENBROCK, new double[] { -1.2, 1 }, new double[] { 0.5, 0.5 }, 300,
			1e-12);
		NelderMead.Outcome b = NelderMead.minimize(ROSENBROCK, new double[] { -1.2, 1 }, new double[] { 0.5, 0.5 }, 300,
			1e-12);
		assertArrayEquals(a.x(), b.x(), 0);
		assertEquals(a.value(), b.value(), 0);
	}
}
