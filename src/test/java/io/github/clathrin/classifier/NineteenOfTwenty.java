package io.github.clathrin.classifier;

import java.util.List;

/** A small known evaluation for the tests of intervals and tables: 20 structures, 19 right. */
public final class NineteenOfTwenty {

	private NineteenOfTwenty() {}

	/** The first class 10 of 10 right, the second 9 of 10 (its last structure taken for the first class). */
	public static Evaluation evaluation(String first, String second) {
		int[] truth = new int[20], predicted = new int[20];
		for (int i = 10; i < 20; i++) truth[i] = predicted[i] = 1;
		predicted[19] = 0;
		double[][] p = new double[20][];
		for (int i = 0; i < 20; i++) p[i] = new double[] { 1 - predicted[i], predicted[i] };
		return new Evaluation(List.of(first, second), truth, predicted, p, new int[20]);
	}
}
