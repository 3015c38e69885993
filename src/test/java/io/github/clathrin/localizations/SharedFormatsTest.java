package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.github.clathrin.SharedData;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Reads every real sample in ../shared/data/formats. Expected row counts were computed outside Java:
 * {@code wc -l} minus title and '#' comment lines for text files (cross-checked with Python's csv
 * module and the "#N point's" comments of vLUME), and the record count N of the 16-byte header for
 * Insight3 files, checked against (file size - 20) / 72 with Python.
 */
class SharedFormatsTest {

	private static final ReadOptions NM = ReadOptions.DEFAULT.withUnits(LengthUnit.NM);
	private static final ReadOptions PX160 = ReadOptions.DEFAULT.withPixelSize(160.0);

	private static final String[] SAMPLES = {
		// file, options (nm: --units nm, px: --pixel-size 160), rows, 3D?, expected format
		"formats/thunderstorm/ThunderSTORM_TS3D.csv, -, 11195, true, ThunderSTORM CSV",
		"formats/epfl-challenge-thunderstorm/sequence-as-stack-MT1.N1.HD-AS-Exp.csv, -, 8935, true, ThunderSTORM CSV",
		"formats/epfl-challenge-thunderstorm/sequence-as-stack-MT1.N1.LD-AS-Exp.csv, -, 12716, true, ThunderSTORM CSV",
		"formats/vlume/CaulobacterC_2_R09_MoernerLab.csv, nm, 8759, true, delimited text",
		"formats/vlume/CaulobacterC_2_R09_stalk_MoernerLab.csv, nm, 663, true, delimited text",
		"formats/vlume/CaulobacterC_2_R23_MoernerLab.csv, nm, 6395, true, delimited text",
		"formats/vlume/U2OS_microtubules_ThunderSTORM_single_RiesLab.csv, nm, 2848, true, delimited text",
		"formats/nstorm-txt/m4_unstim_5lp561_cpla2647.txt, -, 1274, false, N-STORM text",
		"formats/insight3/test_300x200_dh_olist.bin, px, 120, true, Insight3 bin",
		"formats/insight3/test_300x200_olist.bin, px, 1000, false, Insight3 bin",
		"formats/insight3/test_l1h_olist.bin, px, 2000, false, Insight3 bin",
		"formats/insight3/test_low_snr_list.bin, px, 400, false, Insight3 bin",
		"formats/insight3/test_olist.bin, px, 2000, false, Insight3 bin",
		"formats/insight3/test_spliner_olist.bin, px, 720, true, Insight3 bin",
		"formats/locan/Thunderstorm_dstorm_data.csv, -, 19, false, ThunderSTORM CSV",
		"formats/locan/Elyra_dstorm_data.txt, -, 15, false, delimited text",
		"formats/locan/Nanoimager_dstorm_data.csv, -, 14, false, delimited text",
		"formats/locan/five_blobs.txt, nm, 50, false, delimited text",
		"formats/locan/five_blobs_3D.txt, nm, 50, true, delimited text",
	};

	@TestFactory
	Stream<DynamicTest> readsEverySample() {
		return Stream.of(SAMPLES).map(line -> {
			String[] f = line.split(",\\s*");
			return DynamicTest.dynamicTest(f[0], () -> readsSample(f[0], f[1], Integer.parseInt(f[2]),
				Boolean.parseBoolean(f[3]), f[4]));
		});
	}

	private static void readsSample(String file, String opts, int rows, boolean is3D, String format) throws IOException {
		ReadOptions o = switch (opts) {
			case "nm" -> NM;
			case "px" -> PX160;
			default -> ReadOptions.DEFAULT;
		};
		LocalizationTable t = LocalizationReaders.read(SharedData.file(file), o, Progress.NONE);
		assertEquals(rows, t.rowCount());
		assertEquals(is3D, t.is3D());
		assertEquals(format, t.format());
		assertEquals("nm", t.column("x").unit());
		assertFalse(TableSummary.of(t).isBlank());
	}

	@Test
	void thunderStormValuesMatchTheFile() throws IOException {
		// first data row: 1,24840.78095,20471.75758,-21.8435,...,5.08,10.16,1
		LocalizationTable t = read("formats/thunderstorm/ThunderSTORM_TS3D.csv", ReadOptions.DEFAULT);
		assertEquals(24840.78095, t.x()[0], 1e-9);
		assertEquals(20471.75758, t.y()[0], 1e-9);
		assertEquals(-21.8435, t.z()[0], 1e-9);
		assertEquals(5.08, t.column("uncertainty_xy").values()[0]);
		assertEquals("nm", t.column("uncertainty_xy").unit());
		assertEquals("photon", t.column("intensity").unit());
		assertEquals(List.of("frame", "x", "y", "z", "sigma1", "sigma2", "intensity", "offset", "bkgstd",
			"uncertainty_xy", "uncertainty_z", "detections"), t.columnNames());
		assertTrue(t.warnings().isEmpty(), t.warnings().toString());
	}

	@Test
	void challengeOutliersAreKeptAndCounted() throws IOException {
		// Python: 4 values of "uncertainty [nm]" are > 1e7 nm (up to 3.18e33); z reaches 13362 nm
		LocalizationTable t = read("formats/epfl-challenge-thunderstorm/sequence-as-stack-MT1.N1.LD-AS-Exp.csv",
			ReadOptions.DEFAULT);
		assertEquals(3.17949822195044e+33, max(t.column("uncertainty").values()), 1e20);
		assertEquals(13362.32529459027, max(t.z()), 1e-6);
		assertEquals(1, t.warnings().size(), t.warnings().toString());
		assertTrue(t.warnings().get(0).startsWith("4 absurd values"), t.warnings().get(0));
		assertTrue(t.warnings().get(0).contains("uncertainty: 4"), t.warnings().get(0));
	}

	@Test
	void challengeProtocolFilesAreRefusedClearly() {
		for (String name : new String[] { "sequence-as-stack-MT1.N1.HD-AS-Exp-protocol.txt",
			"sequence-as-stack-MT1.N1.LD-AS-Exp-protocol.txt", "thunderstorm_calib.yaml" }) {
			Path f = SharedData.file("formats/epfl-challenge-thunderstorm/thunderstorm/" + name);
			InputException e = assertThrows(InputException.class, () -> LocalizationReaders.read(f, NM, Progress.NONE));
			assertTrue(e.getMessage().contains(name) && e.getMessage().contains("no x and y columns"), e.getMessage());
		}
	}

	@Test
	void quotedWholeTitleLineIsSplit() throws IOException {
		// first row: 73897.0,2001.0,1320.109670647555,26344.7124618434,143.3...,296.5...
		LocalizationTable t = read("formats/locan/Thunderstorm_dstorm_data.csv", ReadOptions.DEFAULT);
		assertEquals(List.of("id", "frame", "x", "y", "sigma", "intensity", "offset", "bkgstd", "chi2", "uncertainty"),
			t.columnNames());
		assertEquals(1320.109670647555, t.x()[0]);
		assertEquals(2001.0, t.column("frame").values()[0]);
	}

	@Test
	void vlumeCommentsAndCrlf() throws IOException {
		// after two '#' lines and "frame,x,y,z,int": 1,20669,3512.6,-104.1,1398.4
		LocalizationTable t = read("formats/vlume/U2OS_microtubules_ThunderSTORM_single_RiesLab.csv", NM);
		assertEquals(20669, t.x()[0]);
		assertEquals(-104.1, t.z()[0]);
		assertEquals(1398.4, t.column("int").values()[0]);
		// micrometres are scaled to nm
		LocalizationTable um = read("formats/vlume/U2OS_microtubules_ThunderSTORM_single_RiesLab.csv",
			ReadOptions.DEFAULT.withUnits(LengthUnit.UM));
		assertEquals(20669e3, um.x()[0], 1e-6);
	}

	@Test
	void vlumeWithoutUnitsIsRefused() {
		Path f = SharedData.file("formats/vlume/CaulobacterC_2_R23_MoernerLab.csv");
		InputException e = assertThrows(InputException.class,
			() -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		assertTrue(e.getMessage().contains("CaulobacterC_2_R23_MoernerLab.csv"), e.getMessage());
		assertTrue(e.getMessage().contains("--units nm|px|um|m"), e.getMessage());
	}

	@Test
	void nstormUsesExactXAndY() throws IOException {
		// first row: 647, X 8907.7, Y 7315.1, Xc 8907.7, ...; Z is 0 in all 1274 rows (awk)
		LocalizationTable t = read("formats/nstorm-txt/m4_unstim_5lp561_cpla2647.txt", ReadOptions.DEFAULT);
		assertEquals(8907.7, t.x()[0]);
		assertEquals(7315.1, t.y()[0]);
		assertEquals(647, t.column("channel_name").values()[0]);
		assertTrue(t.columnNames().contains("xc"));
		assertTrue(t.columnNames().contains("zc"));
		assertNull(t.z());
		assertTrue(t.warnings().stream().anyMatch(w -> w.contains("read as 2D")), t.warnings().toString());
	}

	@Test
	void elyraStopsAtItsTrailer() throws IOException {
		// first row: 1 1 1 0 15850.6 23502.1 ...; the table ends with a NUL line before metadata
		LocalizationTable t = read("formats/locan/Elyra_dstorm_data.txt", ReadOptions.DEFAULT);
		assertEquals(15850.6, t.x()[0]);
		assertEquals(23502.1, t.y()[0]);
		assertTrue(t.columnNames().contains("z_slice"));
		assertTrue(t.warnings().stream().anyMatch(w -> w.contains("line 17")), t.warnings().toString());
	}

	@Test
	void locanFilesWithoutUnitsOrInOtherFormatsAreRefusedClearly() {
		String[][] cases = {
			{ "five_blobs.txt", "--units" },
			{ "five_blobs_3D.txt", "--units" },
			{ "npc_gp210.asdf", "--units nm" },
		};
		for (String[] c : cases) {
			Path f = SharedData.file("formats/locan/" + c[0]);
			InputException e = assertThrows(InputException.class,
				() -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE), c[0]);
			assertTrue(e.getMessage().contains(c[0]) && e.getMessage().contains(c[1]), e.getMessage());
		}
	}

	@Test
	void insight3UsesDriftCorrectedPixelsTimesPixelSize() throws IOException {
		// test_olist.txt holds x, y (pixels) of the first 200 records of test_olist.bin (checked with numpy)
		LocalizationTable t = read("formats/insight3/test_olist.bin", PX160);
		List<String> lines = Files.readAllLines(SharedData.file("formats/insight3/test_olist.txt"));
		assertEquals(200, lines.size());
		for (int i = 0; i < lines.size(); i++) {
			String[] f = lines.get(i).trim().split("\\s+");
			assertEquals(Double.parseDouble(f[0]) * 160, t.x()[i], 1e-6 * 160, "record " + (i + 1));
			assertEquals(Double.parseDouble(f[1]) * 160, t.y()[i], 1e-6 * 160, "record " + (i + 1));
		}
		assertEquals(1, t.column("frame").values()[0]);
		assertEquals(10, max(t.column("frame").values())); // the header says 1 frame: records win
	}

	@Test
	void insight3ThreeDimensional() throws IOException {
		// numpy: first record x = xc = 21.0 px, z = zc = -750 nm, category 1; z spans -750..750
		LocalizationTable t = read("formats/insight3/test_300x200_dh_olist.bin", PX160);
		assertEquals(21.0 * 160, t.x()[0]);
		assertEquals(-750, t.z()[0]);
		assertEquals(750, max(t.z()));
		assertEquals(21.0 * 160, t.column("x_raw").values()[0]);
	}

	@Test
	void insight3CategoryFilter() throws IOException {
		Path f = SharedData.file("formats/insight3/test_olist.bin");
		assertEquals(2000, LocalizationReaders.read(f, PX160.withCategory(1), Progress.NONE).rowCount());
		InputException e = assertThrows(InputException.class,
			() -> LocalizationReaders.read(f, PX160.withCategory(3), Progress.NONE));
		assertTrue(e.getMessage().contains("categories present: [1]"), e.getMessage());
	}

	@Test
	void insight3WithoutPixelSizeIsRefused() {
		Path f = SharedData.file("formats/insight3/test_olist.bin");
		InputException e = assertThrows(InputException.class,
			() -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		assertTrue(e.getMessage().contains("test_olist.bin") && e.getMessage().contains("--pixel-size"), e.getMessage());
	}

	@Test
	void formatsAreDetected() throws IOException {
		assertTrue(LocalizationReaders.detect(SharedData.file("formats/insight3/test_olist.bin")) instanceof Insight3BinReader);
		assertTrue(LocalizationReaders.detect(SharedData.file("formats/thunderstorm/ThunderSTORM_TS3D.csv"))
			instanceof ThunderStormCsvReader);
		assertTrue(LocalizationReaders.detect(SharedData.file("formats/vlume/CaulobacterC_2_R23_MoernerLab.csv"))
			instanceof DelimitedTextReader);
		assertEquals(10, LocalizationReaders.all().size()); // + Picasso, DECODE, SMAP (Hdf5ReadersTest), rapidSTORM, SMLM, MAT v5, ASDF
		assertTrue(LocalizationReaders.detect(SharedData.file("formats/locan/npc_gp210.asdf")) instanceof AsdfReader);
		assertTrue(LocalizationReaders.detect(SharedData.file("formats/locan/rapidSTORM_dstorm_data.txt"))
			instanceof RapidStormReader);
	}

	@Test
	void summaryNamesFormatRowsAndRanges() throws IOException {
		String s = TableSummary.of(read("formats/thunderstorm/ThunderSTORM_TS3D.csv", ReadOptions.DEFAULT));
		assertTrue(s.contains("ThunderSTORM CSV"), s);
		assertTrue(s.contains("11,195"), s);
		assertTrue(s.contains("3D"), s);
		assertTrue(s.contains("x [nm]"), s);
		// Python: z spans -340.189 .. 264.314
		assertTrue(s.contains("-340.2 to 264.3 nm"), s);
	}

	private static LocalizationTable read(String file, ReadOptions o) throws IOException {
		return LocalizationReaders.read(SharedData.file(file), o, Progress.NONE);
	}

	private static double max(double[] v) {
		double m = Double.NEGATIVE_INFINITY;
		for (double d : v) m = Math.max(m, d);
		return m;
	}
}
