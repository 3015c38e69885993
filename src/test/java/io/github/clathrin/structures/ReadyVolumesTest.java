package io.github.clathrin.structures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import io.github.clathrin.NumpyFiles;
import io.github.clathrin.SharedData;
import io.github.clathrin.TinyThunderStorm;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.Volume;

/** Ready volumes as structures: NumPy arrays and TIFF stacks through {@link StructureLoader#fromPath}. */
class ReadyVolumesTest {

	private static final int G = 30;

	@TempDir
	Path tmp;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** n volumes of G^3 in C order (n, z, y, x) where voxel (x, y, z) of volume i holds i*1e6 + z*1e4 + y*100 + x. */
	private static NumpyFiles.Array volumes(int n) {
		float[] v = new float[n * G * G * G];
		int k = 0;
		for (int i = 0; i < n; i++)
			for (int z = 0; z < G; z++)
				for (int y = 0; y < G; y++)
					for (int x = 0; x < G; x++) v[k++] = i * 1_000_000 + z * 10_000 + y * 100 + x;
		return NumpyFiles.float32(v, n, G, G, G);
	}

	private StructureSet load(Path file) throws IOException {
		return StructureLoader.fromPath(file, null, f -> { throw new AssertionError("no localization files here: " + f); });
	}

	@Test
	void npzWithXAndYGivesLabelledVolumes() throws IOException {
		Path npz = tmp.resolve("volumes.npz");
		NumpyFiles.writeNpz(npz, "X", volumes(4), "y", NumpyFiles.int64(new long[] { 0, 1, 1, 3 }, 4));
		StructureSet set = load(npz);
		assertEquals(List.of("0", "1", "2", "3"), set.keys());
		assertEquals(List.of("0", "1", "1", "3"), set.structures().stream().map(Structure::label).toList());
		assertEquals(List.of("0", "1", "3"), set.classNames());
		for (Structure s : set) {
			assertTrue(s.hasVolume());
			assertEquals(0, s.size(), "a ready volume has no localizations");
			assertEquals(npz.toString(), s.source());
		}
		Volume v = set.get(2).volume();
		assertEquals(G, v.nx());
		// The last NumPy axis is x: a[2, z=5, y=7, x=9]
		assertEquals(2_000_000 + 5 * 10_000 + 7 * 100 + 9, v.get(9, 7, 5));
		assertTrue(set.warnings().isEmpty(), set.warnings().toString());
	}

	@Test
	void modelNetLayoutReadsTrainThenTestWithSplitKeys() throws IOException {
		Path npz = tmp.resolve("splits.npz");
		Map<String, NumpyFiles.Array> arrays = new LinkedHashMap<>();
		// Test first, as in ModelNet10's own file: the loader still puts train first.
		arrays.put("X_test", volumes(2));
		arrays.put("X_train", volumes(3));
		arrays.put("y_train", NumpyFiles.int64(new long[] { 4, 5, 4 }, 3));
		arrays.put("y_test", NumpyFiles.int64(new long[] { 5, 4 }, 2));
		NumpyFiles.writeNpz(npz, arrays);
		StructureSet set = load(npz);
		assertEquals(List.of("train/0", "train/1", "train/2", "test/0", "test/1"), set.keys());
		assertEquals(List.of("4", "5", "4", "5", "4"), set.structures().stream().map(Structure::label).toList());
	}

	@Test
	void npzWithoutVolumeArraysListsWhatItHas() throws IOException {
		Path npz = tmp.resolve("other.npz");
		NumpyFiles.writeNpz(npz, "images", volumes(1), "classes", NumpyFiles.int64(new long[] { 1 }, 1));
		InputException e = assertThrows(InputException.class, () -> load(npz));
		assertTrue(e.getMessage().contains("other.npz") && e.getMessage().contains("images")
			&& e.getMessage().contains("classes") && e.getMessage().contains("X_train"), e.getMessage());
	}

	@Test
	void labelCountMustMatchVolumeCount() throws IOException {
		Path npz = tmp.resolve("short.npz");
		NumpyFiles.writeNpz(npz, "X", volumes(3), "y", NumpyFiles.int64(new long[] { 0, 1 }, 2));
		InputException e = assertThrows(InputException.class, () -> load(npz));
		assertTrue(e.getMessage().contains("short.npz") && e.getMessage().contains("2 labels"), e.getMessage());
	}

	@Test
	void npyGivesUnlabelledVolumesAndRefusesOtherShapes() throws IOException {
		Path npy = tmp.resolve("volumes.npy");
		NumpyFiles.writeNpy(npy, volumes(3));
		StructureSet set = load(npy);
		assertEquals(List.of("0", "1", "2"), set.keys());
		assertTrue(set.structures().stream().allMatch(s -> s.hasVolume() && !s.isLabelled()));

		Path flat = tmp.resolve("flat.npy");
		NumpyFiles.writeNpy(flat, NumpyFiles.float32(new float[6], 2, 3));
		InputException e = assertThrows(InputException.class, () -> load(flat));
		assertTrue(e.getMessage().contains("flat.npy") && e.getMessage().contains("(N, z, y, x)"), e.getMessage());
	}

	@Test
	void truncatedOrForeignFilesAreNamed() throws IOException {
		Path npy = tmp.resolve("cut.npy");
		byte[] whole = NumpyFiles.npy(volumes(2));
		Files.write(npy, Arrays.copyOf(whole, whole.length - 1000));
		InputException e = assertThrows(InputException.class, () -> load(npy));
		assertTrue(e.getMessage().contains("cut.npy") && e.getMessage().contains("ends early"), e.getMessage());

		Path notZip = tmp.resolve("text.npz");
		Files.writeString(notZip, "x,y,z\n1,2,3\n");
		e = assertThrows(InputException.class, () -> load(notZip));
		assertTrue(e.getMessage().contains("text.npz"), e.getMessage());
	}

	private static void writeStack(Path file, int nx, int ny, int nz, int seed) {
		ImageStack stack = new ImageStack(nx, ny);
		for (int z = 0; z < nz; z++) {
			ByteProcessor ip = new ByteProcessor(nx, ny);
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) ip.set(x, y, (x + y + z + seed) % 7 == 0 ? 1 : 0);
			stack.addSlice(ip);
		}
		assertTrue(new FileSaver(new ImagePlus("s", stack)).saveAsTiffStack(file.toString()));
	}

	@Test
	void folderOfTiffStacksGivesOneVolumePerFileBesideLocalizationFiles() throws IOException {
		writeStack(tmp.resolve("b.tif"), G, G, G, 1);
		writeStack(tmp.resolve("a.tif"), G, G, G, 2);
		writeStack(tmp.resolve("c.tiff"), G, G, G, 3);
		StructureSet set = StructureLoader.fromPath(tmp, null, TinyThunderStorm::read);
		assertEquals(List.of("a.tif", "b.tif", "c.tiff"), set.keys());
		Structure a = set.get(0);
		assertTrue(a.hasVolume());
		assertEquals(G, a.volume().nz());
		assertEquals(1, a.volume().get(5, 0, 0)); // (x + y + z + 2) % 7 == 0
		assertEquals(0, a.volume().get(6, 0, 0));
		assertEquals(1, a.volume().get(0, 1, 4)); // image x, y stay x, y; the slice is z

		TinyThunderStorm.write(tmp.resolve("d.csv"), new double[] { 1, 2 }, new double[] { 3, 4 }, new double[] { 5, 6 });
		StructureSet mixed = StructureLoader.fromPath(tmp, null, TinyThunderStorm::read);
		assertEquals(List.of("a.tif", "b.tif", "c.tiff", "d.csv"), mixed.keys());
		assertFalse(mixed.get(3).hasVolume());
		assertEquals(2, mixed.get(3).size());
	}

	@Test
	void binaryVolumesAreReadAsZeroAndOneHoweverStoredAndOthersAsStored() throws IOException {
		int n = 2, g = 4;
		byte[] u8 = new byte[n * g * g * g];
		float[] ones = new float[u8.length], counts = new float[u8.length];
		for (int i = 0; i < u8.length; i++) {
			boolean on = i % 3 == 0;
			u8[i] = (byte) (on ? 255 : 0);
			ones[i] = on ? 1 : 0;
			counts[i] = on ? 2 + i % 2 : 0; // 2 and 3: counts, not binary
		}
		Path a = tmp.resolve("u8.npy"), b = tmp.resolve("ones.npy"), c = tmp.resolve("counts.npy");
		NumpyFiles.writeNpy(a, new NumpyFiles.Array("|u1", new int[] { n, g, g, g }, u8));
		NumpyFiles.writeNpy(b, NumpyFiles.float32(ones, n, g, g, g));
		NumpyFiles.writeNpy(c, NumpyFiles.float32(counts, n, g, g, g));
		StructureSet fromBytes = load(a), fromOnes = load(b);
		for (int i = 0; i < n; i++)
			assertArrayEquals(fromOnes.get(i).volume().data(), fromBytes.get(i).volume().data(), "volume " + i);
		assertEquals(1f, fromBytes.get(0).volume().data()[0]);
		assertArrayEquals(Arrays.copyOfRange(counts, 0, g * g * g), load(c).get(0).volume().data());

		// A TIFF stack of 0/255 bytes reads as 0/1, as the same stack of 0/1 does.
		writeStack(tmp.resolve("one.tif"), g, g, g, 1);
		ImageStack stack = new ImageStack(g, g);
		for (int z = 0; z < g; z++) {
			ByteProcessor ip = new ByteProcessor(g, g);
			for (int y = 0; y < g; y++)
				for (int x = 0; x < g; x++) ip.set(x, y, (x + y + z + 1) % 7 == 0 ? 255 : 0);
			stack.addSlice(ip);
		}
		Path wide = Files.createDirectory(tmp.resolve("wide")).resolve("one.tif");
		assertTrue(new FileSaver(new ImagePlus("s", stack)).saveAsTiffStack(wide.toString()));
		assertArrayEquals(load(tmp.resolve("one.tif")).get(0).volume().data(), load(wide).get(0).volume().data());
	}

	@Test
	void aBrokenTiffIsNamed() throws IOException {
		Files.writeString(tmp.resolve("broken.tif"), "not a tiff");
		InputException e = assertThrows(InputException.class, () -> load(tmp));
		assertTrue(e.getMessage().contains("broken.tif"), e.getMessage());
	}

	@Test
	void labelsFileAppliesToVolumeKeys() throws IOException {
		Path npz = tmp.resolve("volumes.npz");
		NumpyFiles.writeNpz(npz, Map.of("X", volumes(2)));
		StructureSet set = load(npz).withLabels(Labels.parse("structure,label\n0,round\n1,flat\n", Path.of("l.csv")));
		assertEquals(List.of("round", "flat"), set.structures().stream().map(Structure::label).toList());
		assertTrue(set.get(0).hasVolume(), "labelling keeps the volume");
		assertNull(load(npz).get(0).label());
	}

	/** The real ModelNet10 file: 3991 training and 908 test volumes in 10 classes, streamed. */
	@Test
	void readsModelNet10() throws IOException {
		StructureSet set = load(SharedData.file("modelnet10/modelnet10.npz"));
		assertEquals(3991 + 908, set.size());
		assertEquals("train/0", set.get(0).key());
		assertEquals("test/907", set.get(set.size() - 1).key());
		assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), set.classNames());
		assertEquals(3991 + 908, set.labelled().size());
		assertTrue(set.warnings().stream().anyMatch(w -> w.contains("8 volumes are all zero")), set.warnings().toString());
	}
}
