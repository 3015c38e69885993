package io.github.clathrin.voxels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CanonicalPoseTest {

	/** An elongated blob with a side lump: three different spreads and a clear skew along each axis. */
	static double[] lopsided(long seed, int n) {
		Random r = new Random(seed);
		double[] p = new double[3 * n];
		for (int i = 0; i < n; i++) {
			boolean lump = i % 7 == 0;
			p[3 * i] = lump ? 90 + 10 * r.nextGaussian() : 60 * r.nextGaussian();
			p[3 * i + 1] = lump ? 45 + 8 * r.nextGaussian() : 32 * r.nextGaussian();
			p[3 * i + 2] = lump ? 25 + 5 * r.nextGaussian() : 14 * r.nextGaussian();
		}
		return p;
	}

	/** p -> R p + t with a random proper rotation. */
	static double[] randomlyMoved(double[] p, Random r, boolean aboutZOnly) {
		double[] m;
		if (aboutZOnly) {
			double a = 2 * Math.PI * r.nextDouble();
			m = new double[] { Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1 };
		} else {
			double w = r.nextGaussian(), x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
			double n = Math.sqrt(w * w + x * x + y * y + z * z);
			w /= n; x /= n; y /= n; z /= n;
			m = new double[] { 1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
				2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
				2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y) };
		}
		double[] t = { 1000 * r.nextDouble(), 1000 * r.nextDouble(), 300 * r.nextDouble() };
		double[] out = new double[p.length];
		for (int i = 0; i < p.length; i += 3)
			for (int j = 0; j < 3; j++) out[i + j] = m[3 * j] * p[i] + m[3 * j + 1] * p[i + 1] + m[3 * j + 2] * p[i + 2] + t[j];
		return out;
	}

	static double[] centred(double[] p) {
		double[] c = new double[3];
		for (int i = 0; i < p.length; i++) c[i % 3] += p[i] / (p.length / 3);
		double[] out = p.clone();
		for (int i = 0; i < p.length; i++) out[i] -= c[i % 3];
		return out;
	}

	/** Dice overlap of the occupied voxels. */
	static double dice(Volume a, Volume b) {
		float[] x = a.data(), y = b.data();
		int both = 0, na = 0, nb = 0;
		for (int i = 0; i < x.length; i++) {
			if (x[i] > 0) na++;
			if (y[i] > 0) nb++;
			if (x[i] > 0 && y[i] > 0) both++;
		}
		return 2.0 * both / (na + nb);
	}

	private static final VoxelConfig CUBIC = new VoxelConfig(30, 30, 30, 200, 200, 200, VoxelConfig.Centring.CENTROID, true,
		Double.NaN);

	@Test
	void aRandomlyRotatedCopyVoxelizesLikeTheOriginalWithAPose() {
		double[] p = lopsided(1, 600);
		Voxelizer posed = new Voxelizer(CUBIC.withPose(VoxelConfig.Pose.PRINCIPAL_AXES)), plain = new Voxelizer(CUBIC);
		Volume reference = posed.voxelize(posed.pose(p)).volume();
		Random r = new Random(2);
		double worstWithout = 1;
		for (int k = 0; k < 10; k++) {
			double[] q = randomlyMoved(p, r, false);
			double[] qp = posed.pose(q);
			assertArrayEquals(centred(posed.pose(p)), centred(qp), 1e-6, "copy " + k);
			double d = dice(reference, posed.voxelize(qp).volume());
			assertTrue(d > 0.9, "copy " + k + ": overlap " + d);
			worstWithout = Math.min(worstWithout, dice(plain.voxelize(p).volume(), plain.voxelize(q).volume()));
		}
		assertTrue(worstWithout < 0.6, "without a pose a rotation should show: " + worstWithout);
	}

	@Test
	void zAxesTurnsOnlyInTheXyPlane() {
		double[] p = lopsided(3, 500);
		Voxelizer v = new Voxelizer(CUBIC.withPose(VoxelConfig.Pose.Z_AXES));
		double[] pp = v.pose(p);
		for (int i = 2; i < p.length; i += 3) assertEquals(p[i], pp[i], 1e-9);
		Random r = new Random(4);
		for (int k = 0; k < 5; k++) {
			double[] q = v.pose(randomlyMoved(p, r, true));
			assertArrayEquals(centred(pp), centred(q), 1e-6);
			assertTrue(dice(v.voxelize(pp).volume(), v.voxelize(q).volume()) > 0.9);
		}
	}

	@Test
	void theRotationIsProperAndPutsTheLargestSpreadOnX() {
		double[] p = randomlyMoved(lopsided(5, 800), new Random(6), false);
		CanonicalPose pose = CanonicalPose.of(p, VoxelConfig.Pose.PRINCIPAL_AXES);
		double[] m = pose.rotation();
		double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
		assertEquals(1, det, 1e-12);
		double[] q = centred(pose.apply(p));
		double[] var = new double[3], third = new double[3];
		for (int i = 0; i < q.length; i++) {
			var[i % 3] += q[i] * q[i];
			third[i % 3] += q[i] * q[i] * q[i];
		}
		assertTrue(var[0] > var[1] && var[1] > var[2]);
		assertTrue(third[0] > 0 && third[1] > 0, "the two most skewed axes point along their skew");
	}

	@Test
	void noneAndDegenerateInputsKeepThePoints() {
		double[] p = lopsided(7, 50);
		assertSame(p, new Voxelizer(CUBIC).pose(p));
		for (double[] q : new double[][] { {}, { 1, 2, 3 }, { Double.NaN, 1, 1 } }) {
			double[] out = CanonicalPose.of(q, VoxelConfig.Pose.PRINCIPAL_AXES).apply(q);
			assertEquals(q.length, out.length);
			if (q.length == 3 && Double.isFinite(q[0])) assertArrayEquals(q, out, 0);
		}
		assertThrows(IllegalArgumentException.class, () -> CanonicalPose.of(new double[4], VoxelConfig.Pose.PRINCIPAL_AXES));
	}

	@Test
	void poseNamesParseAndTheNineArgumentConstructorMeansNone() {
		assertEquals(VoxelConfig.Pose.NONE, VoxelConfig.DEFAULT.pose());
		assertEquals(VoxelConfig.Pose.NONE, CUBIC.pose());
		assertEquals(VoxelConfig.Pose.Z_AXES, VoxelConfig.Pose.parse("z-axes"));
		assertEquals(VoxelConfig.Pose.PRINCIPAL_AXES, VoxelConfig.Pose.parse(" Principal_Axes "));
		assertEquals("principal-axes", VoxelConfig.Pose.PRINCIPAL_AXES.label());
		assertThrows(IllegalArgumentException.class, () -> VoxelConfig.Pose.parse("pca"));
		assertThrows(IllegalArgumentException.class, () -> CUBIC.withPose(null));
	}
}
