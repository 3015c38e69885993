package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.github.clathrin.SharedData;
import io.github.clathrin.cli.Main;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Picasso, DECODE and SMAP files read on the real samples. Row counts are the dataspace sizes that
 * jHDF reports from the dataset headers (the readers read the data itself); the particle counts of
 * the origami files are those of data/README.md.
 */
class Hdf5ReadersTest {

	@TempDir
	Path dir;

	private static final String ORIGAMI = "particles/origami-cuboctahedra/";
	private static final String DECODE = "formats/locan/decode_dstorm_data.h5";
	private static final String SMAP = "formats/locan/smap_dstorm_data.mat";

	private static final String[] SAMPLES = {
		// file, rows, 3D?, format, pixel size of the YAML (or -)
		ORIGAMI + "0_1/0_1_cuboctahedron_DNA-PAINT.hdf5, 58222, true, Picasso HDF5, 117",
		ORIGAMI + "0_3/0_3_cuboctahedron_DNA-PAINT.hdf5, 50050, true, Picasso HDF5, 117",
		ORIGAMI + "4_2/4_2_cuboctahedron_DNA-PAINT.hdf5, 36055, true, Picasso HDF5, 117",
		ORIGAMI + "7_4/7_4_cuboctahedron_DNA-PAINT.hdf5, 64883, true, Picasso HDF5, 117",
		"formats/picasso/samples/raw_movie_locs.hdf5, 2399, false, Picasso HDF5, 130",
		"formats/picasso/samples/raw_movie_locs_picked.hdf5, 2378, false, Picasso HDF5, 130",
		"formats/picasso/tests/testdata_locs.hdf5, 564, false, Picasso HDF5, 130",
		"formats/picasso/tests/testdata_mols.hdf5, 4230, false, Picasso HDF5, 130",
		DECODE + ", 96, true, DECODE HDF5, -",
		SMAP + ", 4884, true, SMAP MAT v7.3, -",
	};

	@TestFactory
	Stream<DynamicTest> readsEverySample() {
		return Stream.of(SAMPLES).map(line -> {
			String[] f = line.split(",\\s*");
			return DynamicTest.dynamicTest(f[0], () -> {
				Path file = SharedData.file(f[0]);
				LocalizationTable t = read(file, ReadOptions.DEFAULT);
				int rows = Integer.parseInt(f[1]);
				assertEquals(rows, t.rowCount());
				assertEquals(rows, headerRows(file), "dataspace of the file");
				assertEquals(Boolean.parseBoolean(f[2]), t.is3D());
				assertEquals(f[3], t.format());
				assertEquals("nm", t.column("x").unit());
				if (!f[4].equals("-")) assertEquals(Double.parseDouble(f[4]), PicassoHdf5Reader.yamlPixelSizes(
					PicassoHdf5Reader.yamlOf(file)).first());
				assertFalse(TableSummary.of(t).isBlank());
			});
		});
	}

	@Test
	void origamiGroupsAreTheParticlesOfTheReadme() throws IOException {
		String[] folders = { "0_1", "0_3", "4_2", "7_4" };
		int[] particles = { 210, 156, 185, 194 };
		for (int i = 0; i < folders.length; i++) {
			Path f = SharedData.file(ORIGAMI + folders[i] + "/" + folders[i] + "_cuboctahedron_DNA-PAINT.hdf5");
			LocalizationTable t = read(f, ReadOptions.DEFAULT);
			LocalizationTable.Column group = t.column("group");
			assertNotNull(group, f.toString());
			assertEquals(particles[i], Arrays.stream(group.values()).distinct().count(), f.toString());
			assertNotNull(t.column("frame"));
			assertNotNull(t.column("photons"));
		}
	}

	@Test
	void groupIsTheRoiColumn() throws IOException {
		Path f = SharedData.file(ORIGAMI + "0_3/0_3_cuboctahedron_DNA-PAINT.hdf5");
		StructureSet set = StructureLoader.fromPath(f, "group", file -> read(file, ReadOptions.DEFAULT));
		assertEquals(156, set.size());
	}

	@Test
	void picassoPixelsTimesYamlPixelSizeAndZInNm() throws IOException {
		Path f = SharedData.file(ORIGAMI + "0_1/0_1_cuboctahedron_DNA-PAINT.hdf5");
		LocalizationTable t = read(f, ReadOptions.DEFAULT);
		Map<String, Object> raw = rawLocs(f);
		float[] x = (float[]) raw.get("x"), y = (float[]) raw.get("y"), z = (float[]) raw.get("z");
		for (int i : new int[] { 0, 1, 1000, t.rowCount() - 1 }) {
			assertEquals(x[i] * 117.0, t.x()[i], 1e-9);
			assertEquals(y[i] * 117.0, t.y()[i], 1e-9);
			assertEquals(z[i], t.z()[i], 1e-9);
		}
		// the YAML's filter step kept z in -191.66 .. -93.73 nm: z is nm, not pixels
		assertTrue(Arrays.stream(t.z()).allMatch(v -> v > -192 && v < -93));
		assertEquals("px", t.column("lpx").unit());
	}

	@Test
	void userPixelSizeWinsWithAWarning() throws IOException {
		Path f = SharedData.file("formats/picasso/samples/raw_movie_locs.hdf5");
		LocalizationTable yaml = read(f, ReadOptions.DEFAULT);
		LocalizationTable user = read(f, ReadOptions.DEFAULT.withPixelSize(100.0));
		assertEquals(yaml.x()[0] / 130 * 100, user.x()[0], 1e-9);
		assertTrue(yaml.warnings().isEmpty(), yaml.warnings().toString());
		assertTrue(user.warnings().stream().anyMatch(w -> w.contains("100 nm given by the user") && w.contains("130 nm")),
			user.warnings().toString());
		assertTrue(read(f, ReadOptions.DEFAULT.withPixelSize(130.0)).warnings().isEmpty());
	}

	@Test
	void picassoWithoutYamlNeedsThePixelSize() throws IOException {
		Path f = dir.resolve("alone_locs.hdf5");
		Files.copy(SharedData.file("formats/picasso/samples/raw_movie_locs.hdf5"), f);
		InputException e = assertThrows(InputException.class, () -> read(f, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().contains("alone_locs.hdf5") && e.getMessage().contains("--pixel-size")
			&& e.getMessage().contains("alone_locs.yaml"), e.getMessage());
		assertEquals(2399, read(f, ReadOptions.DEFAULT.withPixelSize(130.0)).rowCount());
		Files.writeString(dir.resolve("alone_locs.yaml"), "Generated by: Picasso Localize\nPixelsize: abc\n");
		e = assertThrows(InputException.class, () -> read(f, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().contains("alone_locs.yaml, line 2") && e.getMessage().contains("abc"), e.getMessage());
	}

	@Test
	void picasso2DHasNoZ() throws IOException {
		LocalizationTable t = read(SharedData.file("formats/picasso/samples/raw_movie_locs_picked.hdf5"), ReadOptions.DEFAULT);
		assertNull(t.z());
		assertNotNull(t.column("group"));
	}

	@Test
	void decodePixelsTimesPxSizeOfEachAxis() throws IOException {
		Path f = SharedData.file(DECODE);
		LocalizationTable t = read(f, ReadOptions.DEFAULT);
		float[][] xyz;
		try (HdfFile h = new HdfFile(f)) {
			xyz = (float[][]) h.getDatasetByPath("/data/xyz").getData();
			assertEquals("px", h.getByPath("/meta").getAttribute("xy_unit").getData());
		}
		// /meta px_size = (127, 117) nm for x and y
		for (int i = 0; i < xyz.length; i++) {
			assertEquals(xyz[i][0] * 127.0, t.x()[i], 1e-9);
			assertEquals(xyz[i][1] * 117.0, t.y()[i], 1e-9);
			assertEquals(xyz[i][2], t.z()[i], 1e-9);
		}
		assertNotNull(t.column("frame_ix"));
		assertEquals("nm", t.column("x_sig").unit());
	}

	@Test
	void smapIsAlreadyInNm() throws IOException {
		Path f = SharedData.file(SMAP);
		LocalizationTable t = read(f, ReadOptions.DEFAULT);
		double[] xpix = t.column("xpix").values(), ypix = t.column("ypix").values();
		double pixelNm;
		try (HdfFile h = new HdfFile(f)) {
			assertEquals(512, h.getUserBlockSize());
			pixelNm = ((double[][]) h.getDatasetByPath("/saveloc/file/info/cam_pixelsize_um").getData())[0][0] * 1000;
		}
		// SMAP's xnm is its xpix times the camera pixel size: the nm columns were taken, not the pixel ones
		for (int i : new int[] { 0, 1, 100, t.rowCount() - 1 }) {
			assertEquals(xpix[i] * pixelNm, t.x()[i], 1e-3 * pixelNm, "row " + i);
			assertEquals(ypix[i] * pixelNm, t.y()[i], 1e-3 * pixelNm, "row " + i);
		}
		assertNotNull(t.column("frame"));
		assertTrue(t.is3D());
	}

	@Test
	void matV5IsLeftToItsOwnReader() throws IOException {
		for (String name : new String[] { "modelnet10/chair-mat-v5/chair_000000182_1.mat", "particles/nup107/NUP107_PAINT.mat" }) {
			Path f = SharedData.file(name);
			byte[] head = Files.readAllBytes(f);
			head = Arrays.copyOf(head, Math.min(head.length, LocalizationReaders.HEAD_BYTES));
			for (LocalizationReader r : new LocalizationReader[] { new PicassoHdf5Reader(), new DecodeH5Reader(), new SmapMatReader() })
				assertEquals(0, r.detect(f, head), r.formatName() + " claims " + name);
		}
	}

	@Test
	void formatsAreDetected() throws IOException {
		assertTrue(LocalizationReaders.detect(SharedData.file(ORIGAMI + "0_1/0_1_cuboctahedron_DNA-PAINT.hdf5"))
			instanceof PicassoHdf5Reader);
		assertTrue(LocalizationReaders.detect(SharedData.file(DECODE)) instanceof DecodeH5Reader);
		assertTrue(LocalizationReaders.detect(SharedData.file(SMAP)) instanceof SmapMatReader);
		// content beats the extension: a DECODE file named .hdf5 is still DECODE
		Path renamed = dir.resolve("decode.hdf5");
		Files.copy(SharedData.file(DECODE), renamed);
		assertEquals(96, read(renamed, ReadOptions.DEFAULT).rowCount());
		assertEquals("DECODE HDF5", read(renamed, ReadOptions.DEFAULT).format());
	}

	@TestFactory
	Stream<DynamicTest> truncatedFilesAreRefusedClearly() {
		return Stream.of(ORIGAMI + "4_2/4_2_cuboctahedron_DNA-PAINT.hdf5", "formats/picasso/tests/testdata_locs.hdf5", DECODE, SMAP)
			.flatMap(name -> Stream.of(2, 10).map(fraction -> DynamicTest.dynamicTest(name + " cut to 1/" + fraction, () -> {
				Path f = SharedData.file(name);
				Path cut = dir.resolve("cut" + fraction + "_" + f.getFileName());
				byte[] all = Files.readAllBytes(f);
				Files.write(cut, Arrays.copyOf(all, all.length / fraction));
				Path yaml = PicassoHdf5Reader.yamlOf(f);
				if (Files.exists(yaml)) Files.copy(yaml, PicassoHdf5Reader.yamlOf(cut));
				InputException e = assertThrows(InputException.class, () -> read(cut, ReadOptions.DEFAULT));
				assertTrue(e.getMessage().contains(cut.getFileName().toString()), e.getMessage());
				assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
			})));
	}

	@TestFactory
	Stream<DynamicTest> corruptFilesAreRefusedClearly() {
		// full length, so the size check passes: jHDF meets the damaged headers and its exception must be
		// translated. (Damage inside raw data cannot be seen: these files carry no checksums.)
		return Stream.of(ORIGAMI + "4_2/4_2_cuboctahedron_DNA-PAINT.hdf5", DECODE, SMAP).flatMap(name -> Stream.of(96)
			.map(from -> DynamicTest.dynamicTest(name + " overwritten from byte " + from, () -> {
				Path f = SharedData.file(name);
				Path bad = dir.resolve("bad" + from + "_" + f.getFileName());
				byte[] all = Files.readAllBytes(f);
				int start = from + (name.equals(SMAP) ? 512 : 0);
				Arrays.fill(all, start, start + 4096, (byte) 0xA5);
				Files.write(bad, all);
				Path yaml = PicassoHdf5Reader.yamlOf(f);
				if (Files.exists(yaml)) Files.copy(yaml, PicassoHdf5Reader.yamlOf(bad));
				InputException e = assertThrows(InputException.class, () -> read(bad, ReadOptions.DEFAULT));
				assertTrue(e.getMessage().contains(bad.getFileName().toString()), e.getMessage());
			})));
	}

	@Test
	void otherHdf5FilesSayWhatIsExpected() throws IOException {
		Path f = dir.resolve("other.h5");
		try (var w = HdfFile.write(f)) {
			w.putDataset("temperature", new double[] { 1, 2, 3 });
		}
		InputException e = assertThrows(InputException.class, () -> read(f, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().contains("other.h5") && e.getMessage().contains("/locs (Picasso)")
			&& e.getMessage().contains("/temperature"), e.getMessage());
		// a DECODE-like file whose xyz is missing says so
		Path g = dir.resolve("noxyz.h5");
		try (var w = HdfFile.write(g)) {
			w.putGroup("data").putDataset("phot", new float[] { 1, 2 });
		}
		e = assertThrows(InputException.class, () -> read(g, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().contains("no dataset /data/xyz") && e.getMessage().contains("N x 3"), e.getMessage());
	}

	@Test
	void infoCommandReadsEachFormat() {
		for (String[] c : new String[][] { { ORIGAMI + "0_1/0_1_cuboctahedron_DNA-PAINT.hdf5", "Picasso HDF5", "58,222" },
			{ DECODE, "DECODE HDF5", "96" }, { SMAP, "SMAP MAT v7.3", "4,884" } }) {
			String out = cli("info", SharedData.file(c[0]).toString());
			assertTrue(out.contains(c[1]) && out.contains(c[2]) && out.contains("3D"), out);
		}
	}

	private static LocalizationTable read(Path f, ReadOptions o) throws IOException {
		return LocalizationReaders.read(f, o, Progress.NONE);
	}

	private static long headerRows(Path f) {
		try (HdfFile h = new HdfFile(f)) {
			String path = h.getChildren().containsKey("locs") ? "/locs"
				: h.getChildren().containsKey("data") ? "/data/xyz" : "/saveloc/loc/xnm";
			int[] dims = h.getDatasetByPath(path).getDimensions();
			return path.endsWith("xnm") ? (long) dims[0] * dims[1] : dims[0];
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> rawLocs(Path f) {
		try (HdfFile h = new HdfFile(f)) {
			return (Map<String, Object>) h.getDatasetByPath("/locs").getData();
		}
	}

	/** Runs the command line and returns what it printed; fails on a non-zero exit code. */
	private static String cli(String... args) {
		PrintStream oldOut = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
			System.setOut(o);
			int code = Main.run(args);
			o.flush();
			assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
		} finally {
			System.setOut(oldOut);
		}
		return out.toString(StandardCharsets.UTF_8);
	}
}
