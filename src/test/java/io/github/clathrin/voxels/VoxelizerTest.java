package io.github.clathrin.voxels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.github.clathrin.voxels.Voxelizer.Voxelized;

class VoxelizerTest {

	private static final VoxelConfig COUNTS = new VoxelConfig(30, 30, 30, 200, 200, 700,
		VoxelConfig.Centring.BOUNDING_BOX, false, Double.NaN);

	private static float sum(Volume v) {
		float s = 0;
		for (float x : v.data()) s += x;
		return s;
	}

	@Test
	void pointAtTheCentreLandsInTheCentreVoxel() {
		Voxelized r = new Voxelizer(VoxelConfig.DEFAULT).voxelize(new double[] { 123, -45, 6 });
		assertEquals(1f, r.volume().get(15, 15, 15));
		assertEquals(1f, sum(r.volume()));
		assertEquals(0, r.outside());
	}

	@Test
	void pointsAtTheCornersLandInTheCornerVoxels() {
		// bbox centre (-0.5, -0.5, -0.5): the box starts half a nm below the first point
		double[] p = { -200, -200, -700, 199, 199, 699 };
		Voxelized r = new Voxelizer(COUNTS).voxelize(p);
		assertEquals(1f, r.volume().get(0, 0, 0));
		assertEquals(1f, r.volume().get(29, 29, 29));
		assertEquals(0, r.outside());
	}

	@Test
	void centroidCentringAndOutsidePointsAreCounted() {
		VoxelConfig c = new VoxelConfig(10, 10, 10, 50, 50, 50, VoxelConfig.Centring.CENTROID, false, Double.NaN);
		// centroid is 0; points at +-100 lie outside the +-50 box, the NaN point too
		double[] p = { 0, 0, 0, 0, 0, 0, 100, 0, 0, -100, 0, 0, Double.NaN, 0, 0 };
		Voxelized r = new Voxelizer(c).voxelize(p);
		assertEquals(3, r.outside());
		assertEquals(2f, sum(r.volume()));
		assertEquals(2f, r.volume().get(5, 5, 5));
	}

	@Test
	void countsVersusBinary() {
		double[] p = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 150, 0, 0 };
		Volume counts = new Voxelizer(COUNTS).voxelize(p).volume();
		VoxelConfig bin = new VoxelConfig(30, 30, 30, 200, 200, 700, VoxelConfig.Centring.BOUNDING_BOX, true, Double.NaN);
		Volume binary = new Voxelizer(bin).voxelize(p).volume();
		assertEquals(4f, sum(counts));
		assertEquals(2f, sum(binary));
		float max = 0;
		for (float v : counts.data()) max = Math.max(max, v);
		assertEquals(3f, max);
	}

	@Test
	void percentileThresholdZeroesLowCounts() {
		// non-empty counts 1, 1, 2, 5: the 50th percentile (linear, as numpy) is 1.5
		double[] p = { -190, 0, 0, 190, 0, 0, 0, 100, 0, 0, 100, 0, 0, -100, 0, 0, -100, 0, 0, -100, 0, 0, -100, 0, 0, -100, 0 };
		VoxelConfig c = new VoxelConfig(30, 30, 30, 200, 200, 700, VoxelConfig.Centring.CENTROID, false, 50);
		// centroid y is (100+100-500)/9 = -33.3; the cluster sizes do not depend on the exact centre
		Volume v = new Voxelizer(c).voxelize(p).volume();
		assertEquals(7f, sum(v)); // the two single points are gone, 2 + 5 remain
		VoxelConfig cb = new VoxelConfig(30, 30, 30, 200, 200, 700, VoxelConfig.Centring.CENTROID, true, 50);
		assertEquals(2f, sum(new Voxelizer(cb).voxelize(p).volume()));
	}

	@Test
	void boxOffsetKeepsATranslationOfThePointsForEveryCentring() {
		for (VoxelConfig.Centring centring : VoxelConfig.Centring.values()) {
			VoxelConfig c = new VoxelConfig(30, 30, 30, 200, 200, 700, centring, false, Double.NaN);
			Voxelizer vox = new Voxelizer(c);
			// an asymmetric cloud, so bbox centre and centroid differ
			double[] p = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 60, 30, -90 };
			// 3.4, -1.5 and 2.1 voxels; each point is floored into its voxel, so the centre of mass moves by
			// the translation to within a voxel
			double tx = 45, ty = -20, tz = 100;
			double[] moved = p.clone();
			for (int i = 0; i < moved.length; i += 3) {
				moved[i] += tx;
				moved[i + 1] += ty;
				moved[i + 2] += tz;
			}
			assertArrayEquals(vox.voxelize(p).volume().data(), vox.voxelize(moved).volume().data(),
				centring + ": re-centring undoes a plain translation");
			Volume kept = vox.voxelize(moved, -tx, -ty, -tz).volume();
			double[] before = CentreOfMass.of(vox.voxelize(p).volume()), after = CentreOfMass.of(kept);
			assertEquals(tx / (400 / 30.0), after[0] - before[0], 1.0, centring + " x");
			assertEquals(ty / (400 / 30.0), after[1] - before[1], 1.0, centring + " y");
			assertEquals(tz / (1400 / 30.0), after[2] - before[2], 1.0, centring + " z");
			assertArrayEquals(vox.voxelize(p).volume().data(), vox.voxelize(p, 0, 0, 0).volume().data());
		}
	}

	@Test
	void boxOffsetMovesAPointByWholeVoxels() {
		for (VoxelConfig.Centring centring : VoxelConfig.Centring.values()) {
			VoxelConfig c = new VoxelConfig(30, 30, 30, 200, 200, 700, centring, true, Double.NaN);
			// box 45 nm lower in x, 70 nm higher in z: the point sits 3.4 voxels right and 1.5 voxels low
			Voxelized r = new Voxelizer(c).voxelize(new double[] { 123, -45, 6 }, -45, 0, 70);
			assertEquals(1f, r.volume().get(18, 15, 13), centring.toString());
			assertEquals(1f, sum(r.volume()));
		}
	}

	@Test
	void nonFiniteBoxOffsetIsRefused() {
		Voxelizer vox = new Voxelizer(VoxelConfig.DEFAULT);
		assertThrows(IllegalArgumentException.class, () -> vox.voxelize(new double[] { 0, 0, 0 }, Double.NaN, 0, 0));
	}

	@Test
	void centreFollowsTheCentring() {
		double[] p = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, -40, 120 };
		assertArrayEquals(new double[] { 40, -20, 60 }, new Voxelizer(COUNTS).centre(p), 1e-12);
		VoxelConfig c = new VoxelConfig(30, 30, 30, 200, 200, 700, VoxelConfig.Centring.CENTROID, false, Double.NaN);
		assertArrayEquals(new double[] { 20, -10, 30 }, new Voxelizer(c).centre(p), 1e-12);
	}

	@Test
	void emptyStructureGivesZeros() {
		Voxelized r = new Voxelizer(VoxelConfig.DEFAULT).voxelize(new double[0]);
		assertEquals(0f, sum(r.volume()));
		assertEquals(27000, r.volume().data().length);
	}

	@Test
	void isFast() {
		int n = 2_000_000;
		double[] p = new double[3 * n];
		java.util.Random rnd = new java.util.Random(1);
		for (int i = 0; i < p.length; i += 3) {
			p[i] = rnd.nextGaussian() * 80;
			p[i + 1] = rnd.nextGaussian() * 80;
			p[i + 2] = rnd.nextGaussian() * 250;
		}
		Voxelizer vox = new Voxelizer(COUNTS);
		vox.voxelize(p);
		long t = System.nanoTime();
		Voxelized r = vox.voxelize(p);
		double s = (System.nanoTime() - t) / 1e9;
		System.out.printf("voxelized %d points in %.3f s (%.1f M points/s)%n", n, s, n / s / 1e6);
		assertEquals(n, sum(r.volume()) + r.outside(), 0.5);
	}
}
