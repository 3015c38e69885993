package io.github.clathrin.structures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.SharedData;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Volume;

/**
 * MAT v5 structures: NUP107 particles (cell array of structs, pixels) and 3D ShapeNets volumes.
 * Expected numbers come from scipy.io.loadmat: STORM 1x356 cells with 40,947 points, PAINT 1x306 with
 * 27,006; chair_000000182_1.mat 'instance' int8 30x30x30 with 510 non-zero voxels, the first (C order)
 * at MATLAB index (8, 11, 15).
 */
class MatStructuresTest {

	@TempDir
	Path dir;

	private static TableSource source(ReadOptions o) {
		return f -> LocalizationReaders.read(f, o, Progress.NONE);
	}

	private static final TableSource PX100 = source(ReadOptions.DEFAULT.withPixelSize(100.0));

	@Test
	void nup107ParticlesAreOneStructureEach() throws IOException {
		check("NUP107_STORM.mat", 356, 40947, new double[] { 0.09559438, -0.3425425, -0.3897682 });
		check("NUP107_PAINT.mat", 306, 27006, new double[] { 0.02220667, -0.55791, -0.75498905 });
	}

	private static void check(String name, int particles, int points, double[] lastPointPx) throws IOException {
		StructureSet set = StructureLoader.fromPath(SharedData.file("particles/nup107/" + name), null, PX100);
		assertEquals(particles, set.size(), name);
		assertEquals(points, set.structures().stream().mapToInt(Structure::size).sum(), name);
		assertEquals(name + "/1", set.structures().get(0).key());
		Structure last = set.structures().get(particles - 1);
		assertEquals(name + "/" + particles, last.key());
		double[] p = last.points();
		for (int k = 0; k < 3; k++) assertEquals(lastPointPx[k] * 100, p[p.length - 3 + k], 1e-4, name);
		assertFalse(last.hasVolume());
	}

	@Test
	void particleTableKeepsSigmasInNm() throws IOException {
		LocalizationTable t = LocalizationReaders.read(SharedData.file("particles/nup107/NUP107_STORM.mat"),
			ReadOptions.DEFAULT.withPixelSize(100.0), Progress.NONE);
		assertEquals(40947, t.rowCount());
		assertEquals("MAT v5 particles", t.format());
		assertEquals("nm", t.column("sigma").unit());
		assertEquals("nm", t.column("sigmaz").unit());
		assertEquals(356, Arrays.stream(t.column("particle").values()).distinct().count());
		assertEquals(-19.920350877200121, t.x()[0], 1e-9); // particles{1}.points(1,1) = -0.1992... px
	}

	@Test
	void particlesWithoutPixelSizeAreRefused() {
		Path f = SharedData.file("particles/nup107/NUP107_PAINT.mat");
		InputException e = assertThrows(InputException.class,
			() -> StructureLoader.fromPath(f, null, source(ReadOptions.DEFAULT)));
		assertTrue(e.getMessage().contains("NUP107_PAINT.mat") && e.getMessage().contains("--pixel-size"), e.getMessage());
	}

	@Test
	void shapeNetsChairsAreReadyVolumes() throws IOException {
		Path folder = SharedData.file("modelnet10/chair-mat-v5");
		StructureSet set = StructureLoader.fromPath(folder, null, source(ReadOptions.DEFAULT));
		assertEquals(36, set.size());
		Structure first = set.structures().get(0);
		assertEquals("chair_000000182_1.mat", first.key());
		assertTrue(first.hasVolume());
		Volume v = first.volume();
		assertEquals(30, v.nx());
		assertEquals(30, v.ny());
		assertEquals(30, v.nz());
		int nonZero = 0;
		for (float x : v.data()) if (x != 0) nonZero++;
		assertEquals(510, nonZero);
		assertEquals(1, v.get(7, 10, 14));

		StructureSet one = StructureLoader.fromPath(folder.resolve("chair_000000182_1.mat"), null, source(ReadOptions.DEFAULT));
		assertEquals(1, one.size());
		assertTrue(Arrays.equals(v.data(), one.structures().get(0).volume().data()));
	}

	@Test
	void volumeFileIsNotALocalizationFile() {
		Path f = SharedData.file("modelnet10/chair-mat-v5/chair_000000182_1.mat");
		InputException e = assertThrows(InputException.class,
			() -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		assertTrue(e.getMessage().contains("instance (30x30x30 int8)") && e.getMessage().contains("ready volume"),
			e.getMessage());
	}

	@Test
	void truncatedMatFilesAreRefusedNamingTheFile() throws IOException {
		for (String rel : new String[] { "particles/nup107/NUP107_STORM.mat", "modelnet10/chair-mat-v5/chair_000000182_1.mat" }) {
			byte[] real = Files.readAllBytes(SharedData.file(rel));
			for (int keep : new int[] { real.length - 7, real.length / 2, 140, 60 }) {
				Path cut = dir.resolve("cut" + keep + ".mat");
				Files.write(cut, Arrays.copyOf(real, keep));
				InputException e = assertThrows(InputException.class, () -> StructureLoader.fromPath(cut, null, PX100), rel);
				assertTrue(e.getMessage().contains(cut.getFileName().toString())
					&& e.getMessage().matches(".*(truncated|damaged).*"), e.getMessage());
				InputException r = assertThrows(InputException.class,
					() -> LocalizationReaders.read(cut, ReadOptions.DEFAULT.withPixelSize(100.0), Progress.NONE), rel);
				assertTrue(r.getMessage().contains(cut.getFileName().toString()), r.getMessage());
			}
		}
	}
}
