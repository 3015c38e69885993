package io.github.clathrin.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Assigns samples to k cross-validation folds so that each class is spread evenly over the folds. */
public final class StratifiedFolds {

	private StratifiedFolds() {}

	/**
	 * The fold (0 .. k-1) of each sample. Each class is shuffled and dealt round-robin, continuing
	 * where the previous class stopped, so fold sizes differ by at most one; a class with fewer than
	 * k members simply leaves some folds without it.
	 */
	public static int[] assign(int[] y, int k, long seed) {
		if (k < 2) throw new IllegalArgumentException("Need at least 2 folds, got " + k);
		if (k > y.length)
			throw new IllegalArgumentException("Cannot split " + y.length + " samples into " + k + " folds");
		Map<Integer, List<Integer>> byClass = new TreeMap<>();
		for (int i = 0; i < y.length; i++)
			byClass.computeIfAbsent(y[i], c -> new ArrayList<>()).add(i);
		Random random = new Random(seed);
		int[] fold = new int[y.length];
		int next = random.nextInt(k);
		for (List<Integer> members : byClass.values()) {
			for (int i = members.size() - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				Integer t = members.get(i);
				members.set(i, members.get(j));
				members.set(j, t);
			}
			for (int sample : members) {
				fold[sample] = next;
				next = (next + 1) % k;
			}
		}
		return fold;
	}
}
