package io.github.clathrin.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.clathrin.voxels.CentreOfMass;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Voxelizer;

class AugmenterTest {

	private static final VoxelConfig COUNTS = new VoxelConfig(30, 30, 30, 200, 200, 700,
		VoxelConfig.Centring.BOUNDING_BOX, false, Double.NaN);

	/** An elongated, lopsided cloud: no rotation or mirror leaves it as it was. */
	private static double[] cloud(int n, long seed) {
		Random r = new Random(seed);
		double[] p = new double[3 * n];
		for (int i = 0; i < p.length; i += 3) {
			p[i] = 500 + r.nextGaussian() * 50 + (i % 2 == 0 ? 40 : 0);
			p[i + 1] = -300 + r.nextGaussian() * 25;
			p[i + 2] = 1000 + r.nextGaussian() * 120;
		}
		return p;
	}

	private static Sample pointSample(VoxelConfig config, double[] points) {
		return new Sample(new Voxelizer(config).voxelize(points).volume(), points);
	}

	private static Volume randomVolume(int n, boolean binary, long seed) {
		Random r = new Random(seed);
		float[] d = new float[n * n * n];
		for (int i = 0; i < d.length; i++) d[i] = binary ? (r.nextDouble() < 0.3 ? 1 : 0) : r.nextInt(5);
		return new Volume(n, n, n, d);
	}

	private static double distance(double[] p, int i, int j) {
		double dx = p[3 * i] - p[3 * j], dy = p[3 * i + 1] - p[3 * j + 1], dz = p[3 * i + 2] - p[3 * j + 2];
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}

	@Test
	void copyZeroIsTheSampleItself() {
		Sample s = pointSample(COUNTS, cloud(100, 1));
		Augmenter a = new Augmenter(COUNTS, Augmentation.copies(3), 7);
		assertSame(s, a.copy(s, 4, 0));
		Sample v = new Sample(randomVolume(30, true, 1), null);
		assertSame(v, a.copy(v, 0, 0));
		assertSame(s, Augmenter.none().copy(s, 0, 0));
	}

	@Test
	void copiesDependOnSeedIndexAndCopyOnly() {
		Sample s = pointSample(COUNTS, cloud(500, 2));
		Augmentation aug = new Augmentation(4, true, true, 20, false);
		Augmenter a = new Augmenter(COUNTS, aug, 11);
		float[] first = a.copy(s, 3, 2).volume().data();
		// another augmenter, other calls in between: the same copy
		Augmenter b = new Augmenter(COUNTS, aug, 11);
		b.copy(s, 0, 1);
		b.copy(s, 3, 1);
		assertArrayEquals(first, b.copy(s, 3, 2).volume().data());
		assertArrayEquals(a.copy(s, 3, 2).points(), b.copy(s, 3, 2).points());
		assertFalse(Arrays.equals(first, a.copy(s, 3, 1).volume().data()), "other copy");
		assertFalse(Arrays.equals(first, a.copy(s, 4, 2).volume().data()), "other structure index");
		assertFalse(Arrays.equals(first, new Augmenter(COUNTS, aug, 12).copy(s, 3, 2).volume().data()), "other seed");
		assertFalse(Arrays.equals(first, s.volume().data()), "a copy is not the original");
	}

	@Test
	void rotationsKeepEveryPointAndEveryDistance() {
		double[] p = cloud(200, 3);
		Sample s = pointSample(COUNTS, p);
		for (boolean rotate3d : new boolean[] { false, true }) {
			Augmenter a = new Augmenter(COUNTS, new Augmentation(5, true, true, 0, rotate3d), 5);
			for (int c = 1; c <= 5; c++) {
				double[] q = a.copy(s, 0, c).points();
				assertEquals(p.length, q.length);
				for (int i = 0; i < 200; i += 7)
					for (int j = i + 1; j < 200; j += 3)
						assertEquals(distance(p, i, j), distance(q, i, j), 1e-9);
			}
		}
	}

	@Test
	void rotationAboutZKeepsZAndTurnsXY() {
		double[] p = cloud(300, 4);
		Sample s = pointSample(COUNTS, p);
		Augmenter a = new Augmenter(COUNTS, new Augmentation(10, true, false, 0, false), 6);
		int turned = 0;
		for (int c = 1; c <= 10; c++) {
			double[] q = a.copy(s, 0, c).points();
			for (int i = 2; i < p.length; i += 3) assertEquals(p[i], q[i], 1e-9);
			if (Math.abs(q[0] - p[0]) > 1) turned++;
		}
		assertTrue(turned >= 9, "x,y should change in nearly every copy, changed in " + turned);
	}

	@Test
	void flipsMirrorXOrYAboutTheCentreAndNeverZ() {
		double[] p = cloud(100, 5);
		Sample s = pointSample(COUNTS, p);
		double[] c = new Voxelizer(COUNTS).centre(p);
		Augmenter a = new Augmenter(COUNTS, new Augmentation(20, false, true, 0, false), 8);
		boolean[][] seen = new boolean[2][2];
		for (int k = 1; k <= 20; k++) {
			double[] q = a.copy(s, 1, k).points();
			boolean fx = Math.abs(q[0] - p[0]) > 1e-6, fy = Math.abs(q[1] - p[1]) > 1e-6;
			seen[fx ? 1 : 0][fy ? 1 : 0] = true;
			for (int i = 0; i < p.length; i += 3) {
				assertEquals(fx ? 2 * c[0] - p[i] : p[i], q[i], 1e-9);
				assertEquals(fy ? 2 * c[1] - p[i + 1] : p[i + 1], q[i + 1], 1e-9);
				assertEquals(p[i + 2], q[i + 2], 1e-9);
			}
		}
		for (boolean[] row : seen)
			for (boolean b : row) assertTrue(b, "all four mirror combinations in 20 copies");
	}

	@Test
	void aShiftSurvivesTheVoxelizersRecentring() {
		double[] vs = { 400 / 30.0, 400 / 30.0, 1400 / 30.0 };
		for (VoxelConfig.Centring centring : VoxelConfig.Centring.values()) {
			VoxelConfig config = new VoxelConfig(30, 30, 30, 200, 200, 700, centring, false, Double.NaN);
			double[] p = cloud(1000, 6);
			Sample s = pointSample(config, p);
			double[] before = CentreOfMass.of(s.volume());
			Augmenter a = new Augmenter(config, new Augmentation(20, false, false, 60, false), 9);
			double largest = 0;
			for (int k = 1; k <= 20; k++) {
				Sample copy = a.copy(s, 0, k);
				double[] after = CentreOfMass.of(copy.volume());
				for (int d = 0; d < 3; d++) {
					double shift = copy.points()[d] - p[d]; // a pure translation moves every point alike
					assertEquals(shift / vs[d], after[d] - before[d], 0.15, centring + " axis " + d + " copy " + k);
					largest = Math.max(largest, Math.abs(shift / vs[d]));
				}
			}
			assertTrue(largest > 2, "shifts of up to 60 nm should reach several voxels, largest " + largest);
		}
	}

	@Test
	void volumeRotationBy90DegreesPermutesIndicesExactly() {
		for (boolean binary : new boolean[] { true, false }) {
			Volume v = randomVolume(30, binary, 10);
			Volume r = VolumeResampler.resample(v, new RigidTransform(RigidTransform.aboutZ(Math.PI / 2), new double[3]), binary);
			// counter-clockwise: what was at (x, y) is now at (n-1-y, x)
			for (int z = 0; z < 30; z++)
				for (int y = 0; y < 30; y++)
					for (int x = 0; x < 30; x++)
						assertEquals(v.get(y, 29 - x, z), r.get(x, y, z));
		}
	}

	@Test
	void volumeFlipsMirrorIndicesAndShiftsMoveWholeVoxels() {
		Volume v = randomVolume(30, false, 11);
		double[] m = RigidTransform.identity().matrix();
		RigidTransform.mirror(m, true, false);
		Volume f = VolumeResampler.resample(v, new RigidTransform(m, new double[3]), false);
		// 2 voxels in x, 1 in z, expressed in nm of the default box then converted back
		double vx = 400 / 30.0, vz = 1400 / 30.0;
		Volume s = VolumeResampler.resample(v, new RigidTransform(RigidTransform.identity().matrix(),
			new double[] { 2 * vx, 0, -vz }).inVoxels(vx, vx, vz), false);
		for (int z = 0; z < 30; z++)
			for (int y = 0; y < 30; y++)
				for (int x = 0; x < 30; x++) {
					assertEquals(v.get(29 - x, y, z), f.get(x, y, z));
					float expected = x >= 2 && z < 29 ? v.get(x - 2, y, z + 1) : 0;
					assertEquals(expected, s.get(x, y, z));
				}
	}

	@Test
	void volumeCopiesAreMirrorsWhenOnlyFlipping() {
		Volume v = randomVolume(30, true, 12);
		Sample s = new Sample(v, null);
		Augmenter a = new Augmenter(VoxelConfig.DEFAULT, new Augmentation(20, false, true, 0, false), 13);
		boolean[][] seen = new boolean[2][2];
		for (int k = 1; k <= 20; k++) {
			Sample c = a.copy(s, 2, k);
			assertNull(c.points());
			Volume w = c.volume();
			// which mirror it is: it must match one of the four candidates exactly
			int found = -1;
			for (int mx = 0; mx < 2; mx++)
				for (int my = 0; my < 2; my++) {
					boolean same = true;
					for (int z = 0; z < 30 && same; z++)
						for (int y = 0; y < 30 && same; y++)
							for (int x = 0; x < 30 && same; x++)
								same = w.get(x, y, z) == v.get(mx == 1 ? 29 - x : x, my == 1 ? 29 - y : y, z);
					if (same) {
						found = 2 * mx + my;
						seen[mx][my] = true;
					}
				}
			assertTrue(found >= 0, "copy " + k + " is not an index mirror of the volume");
		}
		for (boolean[] row : seen)
			for (boolean b : row) assertTrue(b, "all four mirror combinations in 20 copies");
	}

	@Test
	void binaryVolumesStayBinaryAndCountVolumesKeepTheirMass() {
		Volume blob = Volume.zeros(30, 30, 30);
		for (int z = 10; z < 20; z++)
			for (int y = 8; y < 22; y++)
				for (int x = 12; x < 18; x++) blob.data()[x + 30 * (y + 30 * z)] = 1;
		Sample s = new Sample(blob, null);
		Augmentation aug = new Augmentation(10, true, true, 20, true);
		Augmenter binary = new Augmenter(VoxelConfig.DEFAULT, aug, 14);
		Augmenter counts = new Augmenter(COUNTS, aug, 14);
		float mass = 14 * 10 * 6;
		for (int k = 1; k <= 10; k++) {
			float[] b = binary.copy(s, 0, k).volume().data();
			for (float x : b) assertTrue(x == 0 || x == 1, "binary voxel " + x);
			double total = 0;
			for (float x : counts.copy(s, 0, k).volume().data()) {
				assertTrue(x >= 0);
				total += x;
			}
			// trilinear resampling of a compact blob inside the grid keeps its mass to within a few percent
			assertEquals(mass, total, 0.1 * mass, "copy " + k);
		}
	}

	@Test
	void uniform3dRotationsPointEverywhere() {
		Augmenter a = new Augmenter(COUNTS, new Augmentation(2000, false, false, 0, true), 15);
		double[] mean = new double[6], meanSq = new double[6];
		int n = 2000;
		for (int k = 1; k <= n; k++) {
			double[] m = a.transform(0, k).matrix();
			// columns 2 (image of z) and 0 (image of x)
			double[] v = { m[2], m[5], m[8], m[0], m[3], m[6] };
			for (int d = 0; d < 6; d++) {
				mean[d] += v[d] / n;
				meanSq[d] += v[d] * v[d] / n;
			}
		}
		for (int d = 0; d < 6; d++) {
			// standard errors: 0.013 for the mean, 0.007 for the mean square
			assertEquals(0, mean[d], 0.06, "mean of component " + d);
			assertEquals(1.0 / 3, meanSq[d], 0.03, "mean square of component " + d);
		}
		// and each is a rotation: orthonormal with determinant +1
		double[] m = a.transform(0, 1).matrix();
		double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
		assertEquals(1, det, 1e-12);
	}

	@Test
	void lazyCopiesListEveryCopyInOrderWithoutKeepingThem() {
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < 7; i++) samples.add(pointSample(COUNTS, cloud(150, 20 + i)));
		samples.add(new Sample(randomVolume(30, false, 30), null));
		Augmenter a = new Augmenter(COUNTS, new Augmentation(3, true, true, 15, false), 16);
		List<Sample> lazy = a.lazyCopies(samples);
		assertEquals(32, lazy.size());
		for (int k = 31; k >= 0; k -= 3) { // out of order on purpose
			Sample expected = a.copy(samples.get(k / 4), k / 4, k % 4);
			assertArrayEquals(expected.volume().data(), lazy.get(k).volume().data(), "element " + k);
			assertArrayEquals(new int[] { k / 4, k % 4 }, a.origin(k));
		}
		assertSame(samples.get(2), lazy.get(8));
		assertNotNull(lazy.get(9).points());
		assertNull(lazy.get(29).points());

		List<float[]> sequential = lazy.stream().map(s -> s.volume().data()).collect(Collectors.toList());
		List<float[]> parallel = IntStream.range(0, lazy.size()).parallel().mapToObj(k -> lazy.get(k).volume().data())
			.collect(Collectors.toList());
		List<float[]> parallelStream = lazy.parallelStream().map(s -> s.volume().data()).collect(Collectors.toList());
		for (int k = 0; k < 32; k++) {
			assertArrayEquals(sequential.get(k), parallel.get(k));
			assertArrayEquals(sequential.get(k), parallelStream.get(k));
		}

		assertThrows(UnsupportedOperationException.class, () -> lazy.add(samples.get(0)));
		assertThrows(UnsupportedOperationException.class, () -> lazy.set(0, samples.get(0)));
		assertThrows(IndexOutOfBoundsException.class, () -> lazy.get(32));
		assertThrows(IndexOutOfBoundsException.class, () -> lazy.get(-1));
		assertArrayEquals(new int[] { 5, 5, 5, 5, 9, 9, 9, 9 }, a.lazyLabels(new int[] { 5, 9 }));
		assertEquals(8, Augmenter.none().lazyCopies(samples).size());
	}

	@Test
	void badArgumentsAreRefusedClearly() {
		Sample s = pointSample(COUNTS, cloud(10, 40));
		Augmenter a = new Augmenter(COUNTS, Augmentation.copies(3), 17);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.copy(s, 0, 4));
		assertTrue(e.getMessage().contains("copies() = 3") && e.getMessage().contains("got 4"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> a.copy(s, 0, -1));
		e = assertThrows(IllegalArgumentException.class, () -> a.copy(s, -2, 1));
		assertTrue(e.getMessage().contains("index") && e.getMessage().contains("-2"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> a.copy(s, -2, 0));
		assertThrows(IllegalArgumentException.class, () -> a.copy(null, 0, 1));
		assertThrows(IllegalArgumentException.class, () -> a.copy(new Sample(null, null), 0, 1));
		assertThrows(IllegalArgumentException.class, () -> a.origin(-1));
		assertThrows(IllegalArgumentException.class, () -> a.lazyCopies(null));
		assertThrows(IllegalArgumentException.class, () -> new Augmenter(COUNTS, null, 0));
	}
}
