package io.github.clathrin.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.clathrin.Cancelling;
import io.github.clathrin.classifier.LabelSpreading.Kernel;
import io.github.clathrin.classifier.LabelSpreading.Options;
import io.github.clathrin.classifier.LabelSpreading.Result;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

class LabelSpreadingTest {

	/** Lets labels travel all the way round a ring. */
	private static final Options FAR = new Options(Kernel.KNN, 7, 20, 0.99, 2000, 1e-6);

	/** Two concentric noisy rings (radii 1 and 2.5), inner ring class 0, outer ring class 1. */
	private record Rings(double[][] x, int[] truth, int[] y) {}

	private static Rings rings(int perRing, long seed) {
		Random random = new Random(seed);
		int n = 2 * perRing;
		double[][] x = new double[n][];
		int[] truth = new int[n], y = new int[n];
		Arrays.fill(y, -1);
		for (int i = 0; i < n; i++) {
			int ring = i / perRing;
			double r = ring == 0 ? 1 : 2.5, angle = 2 * Math.PI * (i % perRing) / perRing;
			x[i] = new double[] { r * Math.cos(angle) + 0.05 * random.nextGaussian(),
				r * Math.sin(angle) + 0.05 * random.nextGaussian() };
			truth[i] = ring;
		}
		// One label each, on opposite sides, so that the nearest labelled point is often on the other ring.
		y[0] = 0; // inner ring, angle 0
		y[perRing + perRing / 2] = 1; // outer ring, angle pi
		return new Rings(x, truth, y);
	}

	private static double accuracy(int[] predicted, int[] truth) {
		int right = 0;
		for (int i = 0; i < truth.length; i++)
			if (predicted[i] == truth[i]) right++;
		return (double) right / truth.length;
	}

	private static int[] nearestLabelledRule(double[][] x, int[] y) {
		int[] out = new int[x.length];
		for (int i = 0; i < x.length; i++) {
			double best = Double.POSITIVE_INFINITY;
			for (int j = 0; j < x.length; j++) {
				if (y[j] < 0) continue;
				double dx = x[i][0] - x[j][0], dy = x[i][1] - x[j][1];
				if (dx * dx + dy * dy < best) {
					best = dx * dx + dy * dy;
					out[i] = y[j];
				}
			}
		}
		return out;
	}

	@Test
	void knnFollowsTheRingsWhereTheNearestLabelDoesNot() {
		Rings r = rings(300, 11);
		Result result = LabelSpreading.spread(r.x(), r.y(), 2, FAR, Progress.NONE);
		double spread = accuracy(result.labels(), r.truth());
		double nearest = accuracy(nearestLabelledRule(r.x(), r.y()), r.truth());
		assertTrue(spread > 0.95, "label spreading accuracy " + spread);
		assertTrue(nearest < 0.7, "nearest labelled point accuracy " + nearest + " (the test needs it to fail)");
		for (double[] row : result.distributions())
			assertEquals(1, row[0] + row[1], 1e-12);
		assertTrue(result.iterations() > 1 && result.iterations() < FAR.maxIterations(), "" + result.iterations());
	}

	@Test
	void rbfFollowsTheRingsToo() {
		Rings r = rings(200, 12);
		Result result = LabelSpreading.spread(r.x(), r.y(), 2, new Options(Kernel.RBF, 7, 50, 0.99, 2000, 1e-6), null);
		assertTrue(accuracy(result.labels(), r.truth()) > 0.95, "" + accuracy(result.labels(), r.truth()));
	}

	/** The distributions at convergence equal those of F* = (1 - alpha)(I - alpha S)^-1 Y, solved here independently. */
	@Test
	void convergesToTheClosedForm() {
		double[][] x = { { 0, 0 }, { 0.4, 0.1 }, { 1.1, 0.3 }, { 2, 2 }, { 2.3, 1.7 }, { 1.5, 1.2 }, { -0.5, 2 },
			{ 0.2, 1.4 } };
		int[] y = { 0, -1, -1, 1, -1, -1, 2, -1 };
		int n = x.length, c = 3;
		double gamma = 0.7, alpha = 0.9;
		// Standardize (population standard deviation), W, S = D^-1/2 W D^-1/2.
		double[][] z = new double[n][2];
		for (int j = 0; j < 2; j++) {
			double mean = 0, ss = 0;
			for (double[] row : x)
				mean += row[j] / n;
			for (double[] row : x)
				ss += (row[j] - mean) * (row[j] - mean);
			double std = Math.sqrt(ss / n);
			for (int i = 0; i < n; i++)
				z[i][j] = (x[i][j] - mean) / std;
		}
		double[][] w = new double[n][n];
		double[] degree = new double[n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
				if (i != j) {
					double dx = z[i][0] - z[j][0], dy = z[i][1] - z[j][1];
					w[i][j] = Math.exp(-gamma * (dx * dx + dy * dy));
					degree[i] += w[i][j];
				}
		// (I - alpha S) F = (1 - alpha) Y, as an augmented matrix.
		double[][] a = new double[n][n + c];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++)
				a[i][j] = (i == j ? 1 : 0) - alpha * w[i][j] / Math.sqrt(degree[i] * degree[j]);
			if (y[i] >= 0) a[i][n + y[i]] = 1 - alpha;
		}
		double[][] f = solve(a, n, c);
		Result result = LabelSpreading.spread(x, y, c, new Options(Kernel.RBF, 1, gamma, alpha, 100_000, 1e-14), null);
		for (int i = 0; i < n; i++) {
			double sum = f[i][0] + f[i][1] + f[i][2];
			int best = 0;
			for (int k = 0; k < c; k++) {
				assertEquals(f[i][k] / sum, result.distributions()[i][k], 1e-9, "point " + i + " class " + k);
				if (f[i][k] > f[i][best]) best = k;
			}
			assertEquals(best, result.labels()[i], "point " + i);
		}
		// The example is only a check if the closed form mixes classes: no distribution may be one-hot.
		for (double[] row : result.distributions())
			assertTrue(Arrays.stream(row).max().getAsDouble() < 0.99, Arrays.toString(row));
	}

	/** Gaussian elimination with partial pivoting on [A | B]; returns X with A X = B. */
	private static double[][] solve(double[][] a, int n, int c) {
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int r = col + 1; r < n; r++)
				if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
			double[] t = a[col];
			a[col] = a[pivot];
			a[pivot] = t;
			for (int r = 0; r < n; r++) {
				if (r == col) continue;
				double factor = a[r][col] / a[col][col];
				for (int k = col; k < n + c; k++)
					a[r][k] -= factor * a[col][k];
			}
		}
		double[][] out = new double[n][c];
		for (int i = 0; i < n; i++)
			for (int k = 0; k < c; k++)
				out[i][k] = a[i][n + k] / a[i][i];
		return out;
	}

	@Test
	void smallAlphaKeepsTheGivenLabels() {
		Rings r = rings(100, 13);
		int[] y = new int[r.truth().length];
		Arrays.fill(y, -1);
		// Every fifth point labelled, one in four of those with the wrong ring: free spreading overrules those.
		for (int i = 0; i < y.length; i += 5)
			y[i] = (i / 5) % 4 != 3 ? r.truth()[i] : 1 - r.truth()[i];
		Result keep = LabelSpreading.spread(r.x(), y, 2, new Options(Kernel.KNN, 10, 20, 1e-6, 50, 1e-9), null);
		Result free = LabelSpreading.spread(r.x(), y, 2, new Options(Kernel.KNN, 10, 20, 0.99, 50, 1e-9), null);
		int changedFreely = 0;
		for (int i = 0; i < y.length; i++) {
			if (y[i] < 0) continue;
			assertEquals(y[i], keep.labels()[i], "point " + i);
			assertTrue(keep.distributions()[i][y[i]] > 0.99, "point " + i + " keeps its own label almost entirely");
			if (free.labels()[i] != y[i]) changedFreely++;
		}
		assertTrue(changedFreely > 0, "with alpha 0.99 some contradicting labels give way, as the contrast requires");
	}

	@Test
	void pointsThatReceiveNothingAreUniformAndTakeTheNearestLabel() {
		// Gamma 200 on standardized features: every similarity of the two far points underflows to exactly 0.
		double[][] x = { { 0, 0 }, { 0.1, 0 }, { 1, 1 }, { 1.1, 1 }, { 60, 60 }, { -60, 60 } };
		int[] y = { 0, -1, 1, -1, -1, 0 };
		Result r = LabelSpreading.spread(x, y, 2, new Options(Kernel.RBF, 1, 200, 0.5, 200, 1e-9), null);
		assertArrayEquals(new double[] { 0.5, 0.5 }, r.distributions()[4], 0, "nothing reached the isolated point");
		assertEquals(1, r.labels()[4], "its nearest labelled point is point 2 (class 1)");
		assertArrayEquals(new double[] { 1, 0 }, r.distributions()[5], 0, "an isolated labelled point keeps its prior");
		assertEquals(0, r.labels()[5]);
		assertEquals(1, r.labels()[3]);
		assertEquals(0, r.labels()[1]);
		// In a KNN graph, a cluster without labels is never reached either.
		double[][] clusters = { { 0, 0 }, { 0.1, 0 }, { 0, 0.1 }, { 5, 5 }, { 5.1, 5 }, { 5, 5.1 } };
		int[] cy = { 1, -1, -1, -1, -1, -1 };
		Result k = LabelSpreading.spread(clusters, cy, 2, new Options(Kernel.KNN, 2, 20, 0.5, 100, 1e-9), null);
		assertArrayEquals(new int[] { 1, 1, 1, 1, 1, 1 }, k.labels());
		for (int i = 3; i < 6; i++)
			assertArrayEquals(new double[] { 0.5, 0.5 }, k.distributions()[i], 0);
		assertArrayEquals(new double[] { 0, 1 }, k.distributions()[1], 0);
	}

	@Test
	void aSingleLabelledPointAndAClassWithoutLabelsAreFine() {
		Result one = LabelSpreading.spread(new double[][] { { 3, 4 } }, new int[] { 1 }, 2, null, null);
		assertArrayEquals(new int[] { 1 }, one.labels());
		Rings r = rings(50, 14);
		Result three = LabelSpreading.spread(r.x(), r.y(), 3, FAR, null);
		for (int i = 0; i < r.truth().length; i++) {
			assertEquals(0, three.distributions()[i][2], 0, "nothing carries class 2");
			assertTrue(three.labels()[i] < 2);
		}
	}

	@Test
	void isDeterministic() {
		Rings r = rings(700, 15); // 1,400 rows: several parallel batches and a parallel dense iteration
		for (Options o : new Options[] { FAR, new Options(Kernel.RBF, 1, 30, 0.9, 40, 1e-9) }) {
			Result a = LabelSpreading.spread(r.x(), r.y(), 2, o, null);
			Result b = LabelSpreading.spread(r.x(), r.y(), 2, o, null);
			assertArrayEquals(a.labels(), b.labels());
			assertEquals(a.iterations(), b.iterations());
			for (int i = 0; i < a.labels().length; i++)
				assertArrayEquals(a.distributions()[i], b.distributions()[i], 0);
		}
	}

	@Test
	void tiesGoToTheLowestClass() {
		// A point halfway between a class-1 and a class-0 point, in a graph symmetric about it.
		double[][] x = { { -1 }, { 0 }, { 1 } };
		Result r = LabelSpreading.spread(x, new int[] { 1, -1, 0 }, 2, new Options(Kernel.KNN, 1, 20, 0.5, 100, 1e-12),
			null);
		assertEquals(r.distributions()[1][0], r.distributions()[1][1], 0);
		assertEquals(0, r.labels()[1]);
	}

	@Test
	void equallyNearNeighboursGoToTheLowerIndex() {
		// Point 2 is as near to point 1 as to point 3 and, with k = 1, links only to 1; nothing else crosses over.
		double[][] x = { { -1.5 }, { -1 }, { 0 }, { 1 }, { 1.5 } };
		Result r = LabelSpreading.spread(x, new int[] { 0, -1, -1, -1, 1 }, 2,
			new Options(Kernel.KNN, 1, 20, 0.5, 100, 1e-12), null);
		assertArrayEquals(new int[] { 0, 0, 0, 1, 1 }, r.labels());
		assertArrayEquals(new double[] { 1, 0 }, r.distributions()[2], 0);
	}

	@Test
	void stopsWhenCancelled() {
		Rings r = rings(100, 16);
		assertThrows(CancelledException.class, () -> LabelSpreading.spread(r.x(), r.y(), 2, FAR, Cancelling.always()));
		Cancelling later = Cancelling.after(5);
		assertThrows(CancelledException.class, () -> LabelSpreading.spread(r.x(), r.y(), 2, FAR, later));
		assertEquals(5, later.reports());
	}

	private static void assertMessage(String expected, Runnable call) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
		assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
	}

	@Test
	void explainsBadInput() {
		double[][] x = { { 0, 1 }, { 1, 2 }, { 2, 3 } };
		assertMessage("3 feature vectors but 2 labels", () -> LabelSpreading.spread(x, new int[] { 0, 1 }, 2, null, null));
		assertMessage("Point 2 has class 2, expected -1 (unlabelled) or 0..1",
			() -> LabelSpreading.spread(x, new int[] { 0, 1, 2 }, 2, null, null));
		assertMessage("Point 1 has class -2", () -> LabelSpreading.spread(x, new int[] { 0, -2, 1 }, 2, null, null));
		assertMessage("No labelled point", () -> LabelSpreading.spread(x, new int[] { -1, -1, -1 }, 2, null, null));
		assertMessage("No points", () -> LabelSpreading.spread(new double[0][], new int[0], 2, null, null));
		assertMessage("Need at least 1 class", () -> LabelSpreading.spread(x, new int[] { -1, -1, -1 }, 0, null, null));
		assertMessage("Point 1 has 1 features, expected 2",
			() -> LabelSpreading.spread(new double[][] { { 0, 1 }, { 1 } }, new int[] { 0, 1 }, 2, null, null));
		assertMessage("Point 1 has the non-finite value NaN in feature 0",
			() -> LabelSpreading.spread(new double[][] { { 0, 1 }, { Double.NaN, 1 } }, new int[] { 0, 1 }, 2, null, null));
		assertMessage("Point 0 has the non-finite value Infinity in feature 1", () -> LabelSpreading
			.spread(new double[][] { { 0, Double.POSITIVE_INFINITY }, { 0, 1 } }, new int[] { 0, 1 }, 2, null, null));
		assertMessage("alpha must lie strictly between 0 and 1, got 0.0", () -> new Options(Kernel.KNN, 7, 20, 0, 30, 1e-3));
		assertMessage("alpha must lie strictly between 0 and 1, got 1.0", () -> new Options(Kernel.KNN, 7, 20, 1, 30, 1e-3));
		assertMessage("alpha must lie strictly between 0 and 1, got NaN",
			() -> new Options(Kernel.KNN, 7, 20, Double.NaN, 30, 1e-3));
		assertMessage("neighbours k must be at least 1, got 0", () -> new Options(Kernel.KNN, 0, 20, 0.2, 30, 1e-3));
		assertMessage("gamma must be a positive finite number, got -1.0",
			() -> new Options(Kernel.RBF, 7, -1, 0.2, 30, 1e-3));
		assertMessage("iterations must be at least 1, got 0", () -> new Options(Kernel.KNN, 7, 20, 0.2, 0, 1e-3));
		assertMessage("tolerance must be zero or positive, got NaN",
			() -> new Options(Kernel.KNN, 7, 20, 0.2, 30, Double.NaN));
		assertMessage("needs a kernel", () -> new Options(null, 7, 20, 0.2, 30, 1e-3));
		int big = LabelSpreading.MAX_RBF_POINTS + 1;
		double[][] many = new double[big][] ;
		for (int i = 0; i < big; i++)
			many[i] = new double[] { i };
		int[] labels = new int[big];
		assertMessage("accepts at most 20,000 points; use the KNN kernel",
			() -> LabelSpreading.spread(many, labels, 1, new Options(Kernel.RBF, 7, 20, 0.2, 30, 1e-3), null));
	}

	@Test
	void constantFeaturesDoNotMatter() {
		Rings r = rings(100, 17);
		double[][] padded = new double[r.x().length][];
		for (int i = 0; i < padded.length; i++)
			padded[i] = new double[] { r.x()[i][0], 0.1, r.x()[i][1], 1e9 };
		Result plain = LabelSpreading.spread(r.x(), r.y(), 2, FAR, null);
		Result withConstants = LabelSpreading.spread(padded, r.y(), 2, FAR, null);
		assertArrayEquals(plain.labels(), withConstants.labels());
		assertArrayEquals(plain.distributions()[7], withConstants.distributions()[7], 1e-12);
	}
}
