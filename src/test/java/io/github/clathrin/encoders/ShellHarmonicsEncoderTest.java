package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

class ShellHarmonicsEncoderTest {

	private static ShellHarmonicsEncoder fitted(Map<String, Object> options) {
		ShellHarmonicsEncoder e = ShellHarmonicsEncoder.fromOptions(options);
		e.fit(List.of(), 1, Progress.NONE);
		return e;
	}

	/** A lopsided cap with an off-axis blob: no symmetry that could hide a wrong rotation. */
	private static double[] shape(long seed) {
		Random rnd = new Random(seed);
		double[] cap = SyntheticSamples.cap(rnd, 300, 90, 1.8, 6);
		for (int i = 0; i < 40; i++) {
			cap[3 * i] = 60 + 10 * rnd.nextGaussian();
			cap[3 * i + 1] = -30 + 10 * rnd.nextGaussian();
			cap[3 * i + 2] = 20 + 10 * rnd.nextGaussian();
		}
		for (int i = 0; i < cap.length; i += 3) cap[i] += 500; // far from the origin: the centre of mass matters
		return cap;
	}

	private static double[] rotate(double[] p, double[] m) {
		double[] out = new double[p.length];
		for (int i = 0; i < p.length; i += 3)
			for (int j = 0; j < 3; j++) out[i + j] = m[3 * j] * p[i] + m[3 * j + 1] * p[i + 1] + m[3 * j + 2] * p[i + 2] + 7 * j;
		return out;
	}

	/** Rotation from a random unit quaternion. */
	private static double[] randomRotation(Random r) {
		double w = r.nextGaussian(), x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
		double n = Math.sqrt(w * w + x * x + y * y + z * z);
		w /= n; x /= n; y /= n; z /= n;
		return new double[] {
			1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
			2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
			2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y) };
	}

	private static double relative(double[] a, double[] b) {
		double d = 0, n = 0;
		for (int i = 0; i < a.length; i++) {
			d += (a[i] - b[i]) * (a[i] - b[i]);
			n += a[i] * a[i];
		}
		return Math.sqrt(d / n);
	}

	@Test
	void realHarmonicsAreOrthonormalAndAddUpToTheLegendrePolynomial() {
		ShellHarmonicsEncoder e = fitted(Map.of("degree", 8));
		int l = 8, size = (l + 1) * (l + 1);
		double[] plm = new double[size], y1 = new double[size], y2 = new double[size];
		Random r = new Random(3);
		double[] u = unit(r), v = unit(r);
		e.realHarmonics(u[0], u[1], u[2], plm, y1);
		e.realHarmonics(v[0], v[1], v[2], plm, y2);
		double cos = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
		for (int deg = 0; deg <= l; deg++) {
			double sum = 0;
			for (int k = deg * deg; k < (deg + 1) * (deg + 1); k++) sum += y1[k] * y2[k];
			// Addition theorem: sum_m Y_lm(u) Y_lm(v) = (2l + 1) / (4 pi) P_l(u . v)
			assertEquals((2 * deg + 1) / (4 * Math.PI) * legendre(deg, cos), sum, 1e-12, "degree " + deg);
		}
	}

	@Test
	void aRandom3dRotationLeavesThe3dDescriptorUnchanged() {
		for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of(), Map.of("radius", "adaptive", "degree", 10))) {
			ShellHarmonicsEncoder e = fitted(options);
			double[] p = shape(1);
			double[] a = e.encode(new Sample(null, p));
			assertEquals(e.dimension(), a.length);
			Random r = new Random(5);
			for (int k = 0; k < 5; k++) {
				double[] b = e.encode(new Sample(null, rotate(p, randomRotation(r))));
				assertTrue(relative(a, b) < 1e-9, options + ": " + relative(a, b));
			}
		}
	}

	@Test
	void theZDescriptorIgnoresRotationsAboutZButNotTilts() {
		ShellHarmonicsEncoder e = fitted(Map.of("invariance", "z"));
		assertEquals(8 * 8 * 7, e.dimension());
		double[] p = shape(2);
		double[] a = e.encode(new Sample(null, p));
		double t = 1.1;
		double[] aboutZ = { Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1 };
		assertTrue(relative(a, e.encode(new Sample(null, rotate(p, aboutZ)))) < 1e-9);
		double[] aboutX = { 1, 0, 0, 0, Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t) };
		assertTrue(relative(a, e.encode(new Sample(null, rotate(p, aboutX)))) > 0.05, "a tilt must show");
		// and the 3d descriptor does not see the tilt
		ShellHarmonicsEncoder e3 = fitted(Map.of());
		assertTrue(relative(e3.encode(new Sample(null, p)), e3.encode(new Sample(null, rotate(p, aboutX)))) < 1e-9);
	}

	@Test
	void voxelRotationsBy90DegreesLeaveVolumeDescriptorsUnchanged() {
		int n = 20;
		float[] d = new float[n * n * n];
		Random r = new Random(4);
		for (int i = 0; i < 150; i++) {
			int x = 3 + r.nextInt(9), y = 5 + r.nextInt(12), z = 4 + r.nextInt(6);
			d[x + n * (y + n * z)] += 1 + r.nextInt(3);
		}
		// Quarter turn about z: (x, y, z) -> (n-1-y, x, z); about x: (x, y, z) -> (x, n-1-z, y).
		float[] aboutZ = new float[d.length], aboutX = new float[d.length];
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					float v = d[x + n * (y + n * z)];
					aboutZ[(n - 1 - y) + n * (x + n * z)] = v;
					aboutX[x + n * ((n - 1 - z) + n * y)] = v;
				}
		Sample s = new Sample(new Volume(n, n, n, d), null);
		for (String inv : List.of("3d", "z")) {
			ShellHarmonicsEncoder e = fitted(Map.of("invariance", inv, "radius", "adaptive"));
			double[] a = e.encode(s);
			assertTrue(relative(a, e.encode(new Sample(new Volume(n, n, n, aboutZ), null))) < 1e-9, inv);
			double tilt = relative(a, e.encode(new Sample(new Volume(n, n, n, aboutX), null)));
			if (inv.equals("3d")) assertTrue(tilt < 1e-9, "3d: " + tilt);
			else assertTrue(tilt > 0.01, "z must see a tilt: " + tilt);
		}
	}

	@Test
	void differentShapesGiveDifferentDescriptorsAndTheSameShapeTheSame() {
		ShellHarmonicsEncoder e = fitted(Map.of());
		Random r = new Random(7);
		double[] cap = SyntheticSamples.cap(r, 300, 90, 1.2, 3), closed = SyntheticSamples.cap(r, 300, 90, 3.0, 3),
			disk = SyntheticSamples.disk(r, 300, 90, 3);
		double[] a = e.encode(new Sample(null, cap)), b = e.encode(new Sample(null, closed)), c = e.encode(new Sample(null, disk));
		assertTrue(relative(a, b) > 0.1 && relative(a, c) > 0.1 && relative(b, c) > 0.1);
		assertArrayEquals(a, e.encode(new Sample(null, cap.clone())), 0.0);
		assertArrayEquals(a, fitted(Map.of()).encode(new Sample(null, cap)), 0.0);
		// another draw of the same kind of cap is much nearer than a different shape
		double[] cap2 = e.encode(new Sample(null, SyntheticSamples.cap(new Random(8), 300, 90, 1.2, 3)));
		assertTrue(relative(a, cap2) < 0.5 * relative(a, b), relative(a, cap2) + " vs " + relative(a, b));
	}

	@Test
	void massIsNormalisedAndEmptyOrDegenerateInputsGiveFiniteZeros() {
		ShellHarmonicsEncoder e = fitted(Map.of("radius", "adaptive"));
		double[] p = shape(3);
		double[] twice = new double[2 * p.length];
		System.arraycopy(p, 0, twice, 0, p.length);
		System.arraycopy(p, 0, twice, p.length, p.length);
		assertArrayEquals(e.encode(new Sample(null, p)), e.encode(new Sample(null, twice)), 1e-12);
		for (double[] q : List.of(new double[0], new double[] { 1, 2, 3 }, new double[] { Double.NaN, 0, 0, 1, 1, 1 })) {
			double[] f = e.encode(new Sample(null, q));
			assertEquals(e.dimension(), f.length);
			for (double x : f) assertTrue(Double.isFinite(x));
		}
		assertEquals(0, e.encode(new Sample(Volume.zeros(10, 10, 10), null))[0]);
	}

	@Test
	void optionsAreCheckedAndDimensionsFollowThem() {
		assertEquals(8 * 7, fitted(Map.of()).dimension());
		assertEquals(4 * 11 + 1, fitted(Map.of("shells", 4, "degree", 10, "radius", "adaptive")).dimension());
		assertEquals(3 * 5 * 3, fitted(Map.of("shells", 3, "slabs", 5, "degree", 2, "invariance", "z")).dimension());
		assertThrows(IllegalArgumentException.class, () -> ShellHarmonicsEncoder.fromOptions(Map.of("invariance", "xy")));
		assertThrows(IllegalArgumentException.class, () -> ShellHarmonicsEncoder.fromOptions(Map.of("radius", -5)));
		assertThrows(IllegalArgumentException.class, () -> ShellHarmonicsEncoder.fromOptions(Map.of("radius", "big")));
		assertThrows(IllegalArgumentException.class, () -> ShellHarmonicsEncoder.fromOptions(Map.of("shels", 3)));
		assertThrows(IllegalStateException.class, () -> ShellHarmonicsEncoder.fromOptions(Map.of()).encode(new Sample(null, shape(1))));
	}

	@Test
	void saveAndLoadThroughEncodersKeepTheSettings() throws IOException {
		ShellHarmonicsEncoder e = fitted(Map.of("invariance", "z", "radius", "adaptive", "shells", 5, "slabs", 4, "degree", 3));
		Gson gson = new Gson();
		Map<String, Object> back = gson.fromJson(gson.toJson(e.parameters()), new TypeToken<Map<String, Object>>() {}.getType());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		e.writeState(new DataOutputStream(bytes));
		Encoder loaded = Encoders.load("shells", back, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
		assertEquals(e.dimension(), loaded.dimension());
		double[] p = shape(9);
		assertArrayEquals(e.encode(new Sample(null, p)), loaded.encode(new Sample(null, p)), 0.0);
		back.put("dimension", 3.0);
		assertThrows(IOException.class, () -> Encoders.load("shells", back,
			new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
	}

	@Test
	void fastEnoughForThousandsOfStructures() {
		ShellHarmonicsEncoder e = fitted(Map.of());
		double[] p = shape(1);
		List<Sample> volumes = SyntheticSamples.structures(20, 3);
		for (int warm = 0; warm < 2000; warm++) e.encode(new Sample(null, p));
		long t0 = System.nanoTime();
		for (int k = 0; k < 2000; k++) e.encode(new Sample(null, p));
		double perPoints = (System.nanoTime() - t0) / 2000e6;
		long t1 = System.nanoTime();
		for (int k = 0; k < 200; k++) e.encode(new Sample(volumes.get(k % 20).volume(), null));
		double perVolume = (System.nanoTime() - t1) / 200e6;
		System.out.printf("shells: %.3f ms per 300-point structure, %.3f ms per 30^3 volume%n", perPoints, perVolume);
		// generous bounds for a shared machine; the figures printed are what matters
		assertTrue(perPoints < 5, perPoints + " ms");
		assertTrue(perVolume < 50, perVolume + " ms");
	}

	private static double[] unit(Random r) {
		double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian(), n = Math.sqrt(x * x + y * y + z * z);
		return new double[] { x / n, y / n, z / n };
	}

	private static double legendre(int l, double x) {
		double p0 = 1, p1 = x;
		if (l == 0) return 1;
		for (int k = 2; k <= l; k++) {
			double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
			p0 = p1;
			p1 = p2;
		}
		return p1;
	}
}
