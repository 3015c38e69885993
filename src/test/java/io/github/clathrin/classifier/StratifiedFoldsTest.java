package io.github.clathrin.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

	@Test
	void keepsClassProportionsInEachFold() {
		int[] y = labels(100, 50, 10);
		int[] fold = StratifiedFolds.assign(y, 5, 3);
		int[][] counts = new int[5][3];
		for (int i = 0; i < y.length; i++)
			counts[fold[i]][y[i]]++;
		for (int[] perClass : counts)
			assertArrayEquals(new int[] { 20, 10, 2 }, perClass);
	}

	@Test
	void foldSizesDifferByAtMostOne() {
		int[] y = labels(13, 7, 4);
		int[] fold = StratifiedFolds.assign(y, 5, 1);
		int[] sizes = new int[5];
		for (int f : fold)
			sizes[f]++;
		int min = Integer.MAX_VALUE, max = 0;
		for (int s : sizes) {
			min = Math.min(min, s);
			max = Math.max(max, s);
		}
		assertTrue(max - min <= 1, java.util.Arrays.toString(sizes));
	}

	@Test
	void assignsMembersOfAClassSmallerThanK() {
		int[] y = labels(20, 2);
		int[] fold = StratifiedFolds.assign(y, 5, 1);
		assertEquals(fold.length, y.length);
		for (int f : fold)
			assertTrue(f >= 0 && f < 5);
		int a = -1, b = -1;
		for (int i = 0; i < y.length; i++)
			if (y[i] == 1) {
				if (a < 0) a = fold[i];
				else b = fold[i];
			}
		assertTrue(a != b, "the two members of the small class go to different folds");
	}

	@Test
	void sameSeedSameFoldsAndTooManyFoldsRejected() {
		int[] y = labels(30, 30);
		assertArrayEquals(StratifiedFolds.assign(y, 3, 8), StratifiedFolds.assign(y, 3, 8));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> StratifiedFolds.assign(new int[] { 0, 1, 0 }, 4, 1));
		assertTrue(e.getMessage().contains("3 samples into 4 folds"), e.getMessage());
	}

	/** Labels with the given number of members per class, interleaved. */
	static int[] labels(int... counts) {
		int n = 0;
		for (int c : counts)
			n += c;
		int[] y = new int[n];
		int[] left = counts.clone();
		int i = 0;
		while (i < n)
			for (int c = 0; c < left.length; c++)
				if (left[c] > 0) {
					left[c]--;
					y[i++] = c;
				}
		return y;
	}
}
