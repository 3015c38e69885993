package io.github.clathrin.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

class GeometriesSimulatorTest {

	@TempDir
	Path tmp;

	private static final GeometriesSimulator.Dataset STUDY = new GeometriesSimulator(GeometriesConfig.defaults())
		.simulate(Progress.NONE);

	@Test
	void balancedClassesInBothSplits() {
		for (GeometriesSimulator.Split s : new GeometriesSimulator.Split[] { STUDY.train(), STUDY.test() }) {
			assertEquals(300, s.count());
			int[] perClass = new int[3];
			for (long y : s.labels()) perClass[(int) y]++;
			assertArrayEquals(new int[] { 100, 100, 100 }, perClass);
		}
		// Uneven counts differ by at most one per class.
		GeometriesSimulator.Split odd = new GeometriesSimulator(GeometriesConfig.defaults().withCounts(31, 4))
			.simulate(Progress.NONE).train();
		int[] perClass = new int[3];
		for (long y : odd.labels()) perClass[(int) y]++;
		assertArrayEquals(new int[] { 11, 10, 10 }, perClass);
	}

	@Test
	void sizesCoverTheStudyRanges() {
		boolean[] sides = new boolean[21], radii = new boolean[12];
		for (GeometriesSimulator.Split s : new GeometriesSimulator.Split[] { STUDY.train(), STUDY.test() })
			for (int i = 0; i < s.count(); i++) {
				int size = s.sizes()[i];
				if (s.labels()[i] == GeometriesSimulator.CUBE) {
					assertTrue(size >= 2 && size <= 20 && size % 2 == 0, "cube side " + size);
					sides[size] = true;
				}
				else {
					assertTrue(size >= 2 && size <= 11, "radius " + size);
					radii[size] = true;
				}
			}
		for (int side = 2; side <= 20; side += 2) assertTrue(sides[side], "no cube of side " + side + " in 200 cubes");
		for (int r = 2; r <= 11; r++) assertTrue(radii[r], "no radius " + r + " in 400 diamonds and spheres");
	}

	/**
	 * Without noise the shapes are exact: a cube of side s has s^3 voxels, mirror-symmetric about the grid centre;
	 * diamonds and spheres are symmetric about the central voxel (10, 10, 10) and hold their voxel counts.
	 */
	@Test
	void shapesAreSolidAndCentred() {
		GeometriesSimulator.Split s = new GeometriesSimulator(GeometriesConfig.defaults().withNoise(0).withCounts(60, 3))
			.simulate(Progress.NONE).train();
		for (int i = 0; i < s.count(); i++) {
			int size = s.sizes()[i], ones = 0, expected = 0;
			boolean cube = s.labels()[i] == GeometriesSimulator.CUBE;
			for (int z = 0; z < 20; z++)
				for (int y = 0; y < 20; y++)
					for (int x = 0; x < 20; x++) {
						int v = s.voxel(i, x, y, z);
						ones += v;
						assertEquals(v, s.voxel(i, z, x, y)); // symmetric under axis swaps
						if (cube) {
							assertEquals(v, s.voxel(i, 19 - x, y, z));
							assertEquals(v, s.voxel(i, x, 19 - y, z));
							assertEquals(v, s.voxel(i, x, y, 19 - z));
						}
						else {
							int dx = Math.abs(x - 10), dy = Math.abs(y - 10), dz = Math.abs(z - 10);
							boolean inside = s.labels()[i] == GeometriesSimulator.DIAMOND ? dx + dy + dz <= size
								: dx * dx + dy * dy + dz * dz <= size * size;
							assertEquals(inside ? 1 : 0, v, "voxel " + x + "," + y + "," + z + " of shape " + i);
							if (inside) expected++;
						}
					}
			if (cube) {
				assertEquals(size * size * size, ones, "cube of side " + size);
				assertEquals(1, s.voxel(i, 10 - size / 2, 10, 10));
				if (size < 20) assertEquals(0, s.voxel(i, 9 - size / 2, 10, 10));
			}
			else {
				assertEquals(expected, ones);
				// The smallest diamond (radius 2: 25 voxels) is not the smallest cube (8 voxels), as it was when both
				// were centred on a voxel corner.
				if (s.labels()[i] == GeometriesSimulator.DIAMOND && size == 2) assertEquals(25, ones);
			}
		}
	}

	@Test
	void saltNoiseIsAboutOnePercent() {
		// Noise can only add voxels: count them against the clean shapes of the same draws (noise 0 uses the same stream).
		GeometriesSimulator.Split noisy = STUDY.train();
		GeometriesSimulator.Split clean = new GeometriesSimulator(GeometriesConfig.defaults().withNoise(0))
			.simulate(Progress.NONE).train();
		assertArrayEquals(clean.sizes(), noisy.sizes());
		assertArrayEquals(clean.labels(), noisy.labels());
		long outside = 0, salted = 0;
		for (int k = 0; k < noisy.volumes().length; k++) {
			assertTrue(noisy.volumes()[k] >= clean.volumes()[k], "noise never removes a voxel");
			if (clean.volumes()[k] == 0) {
				outside++;
				salted += noisy.volumes()[k];
			}
		}
		double fraction = salted / (double) outside;
		// ~1.5 million background voxels: the binomial standard deviation is below 0.0001.
		assertEquals(0.01, fraction, 0.0008, "salt fraction " + fraction);
	}

	@Test
	void theSeedMakesItReproducible() {
		GeometriesSimulator.Dataset again = new GeometriesSimulator(GeometriesConfig.defaults()).simulate(Progress.NONE);
		assertArrayEquals(STUDY.train().volumes(), again.train().volumes());
		assertArrayEquals(STUDY.test().volumes(), again.test().volumes());
		assertArrayEquals(STUDY.test().labels(), again.test().labels());
		GeometriesSimulator.Dataset other = new GeometriesSimulator(GeometriesConfig.defaults().withSeed(2))
			.simulate(Progress.NONE);
		assertFalse(Arrays.equals(STUDY.train().volumes(), other.train().volumes()));
		assertFalse(Arrays.equals(STUDY.train().volumes(), STUDY.test().volumes()), "train and test differ");
	}

	@Test
	void theFileLoadsAsReadyVolumesWithTheSplitInTheKeys() throws IOException {
		Path f = tmp.resolve(GeometriesSimulator.FILE);
		new GeometriesSimulator(GeometriesConfig.defaults().withCounts(9, 6)).simulate(Progress.NONE).write(f);
		StructureSet set = StructureLoader.fromPath(f, null, file -> {
			throw new AssertionError("no localization table expected");
		});
		assertEquals(15, set.size());
		Structure first = set.structures().get(0), test0 = set.structures().get(9);
		assertEquals("train/0", first.key());
		assertEquals("test/0", test0.key());
		assertEquals(java.util.List.of("0", "1", "2"), set.classNames());
		assertTrue(first.hasVolume());
		assertEquals(20, first.volume().nx());
		GeometriesSimulator.Dataset d = new GeometriesSimulator(GeometriesConfig.defaults().withCounts(9, 6))
			.simulate(Progress.NONE);
		assertEquals(Long.toString(d.test().labels()[0]), test0.label());
		// Same voxels, same (x fastest) order.
		for (int k = 0; k < 8000; k++) assertEquals(d.train().volumes()[k], (int) first.volume().data()[k]);
	}

	@Test
	void configRefusesNonsense() {
		GeometriesConfig d = GeometriesConfig.defaults();
		assertThrows(InputException.class, () -> d.withGrid(2));
		assertThrows(InputException.class, () -> d.withCounts(2, 300));
		assertThrows(InputException.class, () -> d.withNoise(1));
		assertThrows(InputException.class, () -> d.withNoise(-0.1));
		assertEquals(20, d.maxSide());
		assertEquals(11, d.maxRadius());
	}
}
