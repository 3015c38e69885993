package io.github.clathrin.voxels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

class TiffVolumesTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	@Test
	void readsAStackWrittenByImageJ(@TempDir Path dir) throws IOException {
		int nx = 5, ny = 4, nz = 3;
		ImageStack stack = new ImageStack(nx, ny);
		for (int z = 0; z < nz; z++) {
			ShortProcessor ip = new ShortProcessor(nx, ny);
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) ip.set(x, y, 100 * z + 10 * y + x);
			stack.addSlice(ip);
		}
		Path file = dir.resolve("structure.tif");
		new FileSaver(new ImagePlus("s", stack)).saveAsTiffStack(file.toString());
		Volume v = TiffVolumes.read(file);
		assertEquals(nx, v.nx());
		assertEquals(ny, v.ny());
		assertEquals(nz, v.nz());
		assertEquals(100 * 2 + 10 * 3 + 4, v.get(4, 3, 2));
		assertEquals(0, v.get(0, 0, 0));
	}

	@Test
	void rejectsANonTiff(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("bad.tif");
		Files.writeString(file, "hello");
		assertThrows(Exception.class, () -> TiffVolumes.read(file));
	}
}
