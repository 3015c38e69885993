package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The collapse check fires on a collapsed encoding and not on a healthy one (train and evaluate with it:
 * {@code cli.CollapseWarningsTest}).
 */
class CollapseCheckTest {

	private static final List<String> CLASSES = List.of("no", "yes");

	@Test
	void codesThatDoNotVaryCollapsed() {
		double[][] same = new double[50][];
		Arrays.setAll(same, i -> new double[] { 0.3, -1.2, 4 });
		assertTrue(CollapseCheck.ofCodes("conv-ae", same).startsWith("conv-ae collapsed: its codes are the same"));
		double[][] zeros = new double[50][4];
		assertTrue(CollapseCheck.ofCodes("kmeans", zeros).startsWith("kmeans collapsed"));
		double[][] nan = new double[50][];
		Arrays.setAll(nan, i -> new double[] { i, Double.NaN });
		assertTrue(CollapseCheck.ofCodes("dense-ae", nan).contains("NaN"));

		Random r = new Random(1);
		double[][] healthy = new double[50][];
		Arrays.setAll(healthy, i -> new double[] { 0.5 + 0.01 * r.nextGaussian(), r.nextGaussian() });
		assertNull(CollapseCheck.ofCodes("pca", healthy));
		// a code that varies by a hundredth of its size still tells structures apart
		double[][] small = new double[50][];
		Arrays.setAll(small, i -> new double[] { 1 + 0.01 * r.nextGaussian() });
		assertNull(CollapseCheck.ofCodes("dense-ae", small));
		// structures that were not encoded (null rows) are left out
		double[][] some = { null, { 1, 2 }, null, { 1, 2 }, { 1, 2 } };
		assertTrue(CollapseCheck.ofCodes("kmeans", some).startsWith("kmeans collapsed"));
		some[4] = new double[] { 3, -1 };
		assertNull(CollapseCheck.ofCodes("kmeans", some));
	}

	@Test
	void oneClassForNearlyEveryStructureOfABalancedSetCollapsed() {
		int[] truth = new int[100], allYes = new int[100], mostlyRight = new int[100];
		for (int i = 0; i < 100; i++) {
			truth[i] = i % 2;
			allYes[i] = i < 95 ? 1 : 0;
			mostlyRight[i] = i < 10 ? 1 - truth[i] : truth[i];
		}
		String w = CollapseCheck.ofPredictions("conv-ae", truth, allYes, CLASSES, "held-out structures");
		assertEquals("conv-ae collapsed: it predicts 'yes' for 95 of 100 held-out structures (95.0%), though 'yes' is "
			+ "50.0% of them; the encoding does not separate the classes, so this is no model to trust; try more epochs, "
			+ "another learning rate or another encoder", w);
		assertNull(CollapseCheck.ofPredictions("pca", truth, mostlyRight, CLASSES, "held-out structures"));
		// 90 % exactly is not more than 90 %
		int[] ninety = new int[100];
		for (int i = 0; i < 100; i++) ninety[i] = i < 90 ? 1 : 0;
		assertNull(CollapseCheck.ofPredictions("pca", truth, ninety, CLASSES, "held-out structures"));
		// a set that is 95 % one class in truth, predicted so, is no collapse
		int[] skewed = new int[100], majority = new int[100];
		for (int i = 0; i < 100; i++) skewed[i] = i < 95 ? 0 : 1;
		assertNull(CollapseCheck.ofPredictions("pca", skewed, majority, CLASSES, "held-out structures"));
	}
}
