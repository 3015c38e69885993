package io.github.clathrin.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

class DbscanTest {

	@Test
	void findsTwoBlobsAndNoise() {
		Random rnd = new Random(1);
		int n = 300;
		double[] x = new double[n], y = new double[n], z = new double[n];
		for (int i = 0; i < n; i++) {
			if (i < 200) {
				double cx = i < 100 ? 0 : 5000; // interleaving would not matter: ids follow first rows
				x[i] = cx + rnd.nextGaussian() * 20;
				y[i] = rnd.nextGaussian() * 20;
				z[i] = rnd.nextGaussian() * 20;
			}
			else {
				x[i] = 20000 + (i - 200) * 1000; // far apart: noise
				y[i] = 3000;
				z[i] = -3000;
			}
		}
		Dbscan.Result r = new Dbscan(50, 5).cluster(x, y, z, Progress.NONE);
		assertEquals(2, r.clusters());
		for (int i = 0; i < n; i++)
			assertEquals(i < 100 ? 0 : i < 200 ? 1 : Dbscan.NOISE, r.labels()[i], "row " + i);
	}

	@Test
	void matchesBruteForceOnRandomData() {
		for (int seed = 0; seed < 8; seed++) {
			Random rnd = new Random(seed);
			int n = 400 + rnd.nextInt(400);
			double[] x = new double[n], y = new double[n], z = new double[n];
			for (int i = 0; i < n; i++) {
				// Blobs plus background, on a coarse lattice so that ties and exact-eps distances happen.
				boolean blob = rnd.nextDouble() < 0.7;
				double cx = blob ? 300 * rnd.nextInt(4) : 0, spread = blob ? 40 : 1200;
				x[i] = Math.round((cx + rnd.nextGaussian() * spread) / 5) * 5.0;
				y[i] = Math.round((rnd.nextGaussian() * spread) / 5) * 5.0;
				z[i] = Math.round((rnd.nextGaussian() * spread) / 5) * 5.0;
			}
			double eps = 20 + 10 * (seed % 4);
			int minPts = 3 + seed % 5;
			Dbscan.Result r = new Dbscan(eps, minPts).cluster(x, y, z, Progress.NONE);
			int[] expected = bruteForce(x, y, z, eps, minPts);
			assertArrayEquals(expected, r.labels(), "seed " + seed);
			assertEquals(Arrays.stream(expected).max().getAsInt() + 1, r.clusters());
		}
	}

	/** Many chunks of cells run in parallel; every blob must still be one cluster, numbered in row order. */
	@Test
	void manyBlobsAcrossParallelChunks() {
		int blobs = 400, per = 500, n = blobs * per;
		Random rnd = new Random(5);
		double[] x = new double[n], y = new double[n], z = new double[n];
		for (int i = 0; i < n; i++) {
			int b = i % blobs; // interleaved rows: ids still follow the first row of each blob
			x[i] = (b % 20) * 1000 + rnd.nextGaussian() * 15;
			y[i] = (b / 20) * 1000 + rnd.nextGaussian() * 15;
			z[i] = rnd.nextGaussian() * 15;
		}
		Dbscan.Result r = new Dbscan(30, 5).cluster(x, y, z, Progress.NONE);
		// Blobs lie 1000 nm apart, so the brute force on each blob alone gives the same labels.
		int clusters = 0;
		for (int b = 0; b < blobs; b++) {
			double[] bx = new double[per], by = new double[per], bz = new double[per];
			for (int j = 0; j < per; j++) {
				bx[j] = x[b + j * blobs];
				by[j] = y[b + j * blobs];
				bz[j] = z[b + j * blobs];
			}
			int[] expected = bruteForce(bx, by, bz, 30, 5);
			int first = -1;
			for (int j = 0; j < per; j++) {
				int got = r.labels()[b + j * blobs];
				assertEquals(expected[j] < 0, got < 0, "blob " + b + " row " + j);
				if (got >= 0 && first < 0) first = got;
				if (got >= 0) assertEquals(first + expected[j], got, "blob " + b + " row " + j);
			}
			clusters += Arrays.stream(expected).max().getAsInt() + 1;
		}
		assertEquals(clusters, r.clusters());
	}

	@Test
	void edgeCases() {
		Dbscan d = new Dbscan(10, 3);
		assertEquals(0, d.cluster(new double[0], new double[0], new double[0], null).clusters());
		double[] far = { 0, 100, 200 };
		Dbscan.Result noise = d.cluster(far, far, null, null);
		assertEquals(0, noise.clusters());
		assertArrayEquals(new int[] { -1, -1, -1 }, noise.labels());
		double[] x = { 0, 1, 2, Double.NaN };
		assertArrayEquals(new int[] { 0, 0, 0, -1 }, d.cluster(x, new double[4], new double[4], null).labels());
		assertThrows(IllegalArgumentException.class, () -> new Dbscan(0, 3));
		assertThrows(IllegalArgumentException.class, () -> new Dbscan(-1, 3));
		assertThrows(IllegalArgumentException.class, () -> new Dbscan(Double.NaN, 3));
		assertThrows(IllegalArgumentException.class, () -> new Dbscan(10, 0));
	}

	@Test
	void cancels() {
		int n = 200_000;
		double[] x = new double[n];
		for (int i = 0; i < n; i++) x[i] = i;
		Progress cancelled = new Progress() {
			@Override
			public void report(String stage, long done, long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(CancelledException.class, () -> new Dbscan(2, 2).cluster(x, new double[n], null, cancelled));
		// Cancelled inside the parallel core-point pass: the same exception type reaches the caller.
		Progress lateCancel = new Progress() {
			volatile boolean stop;

			@Override
			public void report(String stage, long done, long total) {
				if (stage.startsWith("Finding core points")) stop = true;
			}

			@Override
			public boolean isCancelled() {
				return stop;
			}
		};
		assertThrows(CancelledException.class, () -> new Dbscan(2, 2).cluster(x, new double[n], null, lateCancel));
	}

	/** The documented rules, straight from their definition in O(n^2). */
	static int[] bruteForce(double[] x, double[] y, double[] z, double eps, int minPts) {
		int n = x.length;
		double eps2 = eps * eps;
		boolean[] core = new boolean[n];
		for (int i = 0; i < n; i++) {
			int c = 0;
			for (int j = 0; j < n; j++)
				if (d2(x, y, z, i, j) <= eps2) c++;
			core[i] = c >= minPts;
		}
		int[] comp = new int[n];
		Arrays.fill(comp, -1);
		int comps = 0;
		for (int i = 0; i < n; i++) {
			if (!core[i] || comp[i] >= 0) continue;
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			queue.add(i);
			comp[i] = comps;
			while (!queue.isEmpty()) {
				int p = queue.poll();
				for (int q = 0; q < n; q++)
					if (core[q] && comp[q] < 0 && d2(x, y, z, p, q) <= eps2) {
						comp[q] = comps;
						queue.add(q);
					}
			}
			comps++;
		}
		int[] label = comp.clone();
		for (int i = 0; i < n; i++) {
			if (core[i]) continue;
			int best = -1;
			double bestD = Double.POSITIVE_INFINITY;
			for (int j = 0; j < n; j++) {
				double d = d2(x, y, z, i, j);
				if (core[j] && d <= eps2 && d < bestD) { // j ascending: the lowest index wins ties
					best = j;
					bestD = d;
				}
			}
			label[i] = best < 0 ? -1 : comp[best];
		}
		int[] renumber = new int[comps];
		Arrays.fill(renumber, -1);
		int next = 0;
		for (int i = 0; i < n; i++) {
			if (label[i] < 0) continue;
			if (renumber[label[i]] < 0) renumber[label[i]] = next++;
			label[i] = renumber[label[i]];
		}
		return label;
	}

	private static double d2(double[] x, double[] y, double[] z, int i, int j) {
		double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
		return dx * dx + dy * dy + dz * dz;
	}
}
