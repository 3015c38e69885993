package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.clathrin.SharedData;

/**
 * Walks the list in ../shared/data/README.md: every data file of every entry is described by
 * {@code ./clathrin info} with the right number of rows, stating only what the file itself does not
 * (pixel size, units, column names). The expected counts were obtained independently of our readers:
 * data lines counted in Python for text, the header count for Insight3, the dataset shape for HDF5, the
 * manifest for .smlm, data/README.md for the particle sets. Volume files (NumPy, ShapeNets MAT) are
 * described as ready volumes.
 */
class SharedDataCatalogueTest {

	/** What info is given for one file, and the rows it must report (-1: a volume file, no rows). */
	private record Entry(String file, List<String> options, int rows) {}

	private static final List<String> PX160 = List.of("--pixel-size", "160"), NM = List.of("--units", "nm");

	private static final List<Entry> FILES = List.of(
		new Entry("formats/insight3/test_300x200_dh_olist.bin", PX160, 120),
		new Entry("formats/insight3/test_300x200_olist.bin", PX160, 1000),
		new Entry("formats/insight3/test_l1h_olist.bin", PX160, 2000),
		new Entry("formats/insight3/test_low_snr_list.bin", PX160, 400),
		new Entry("formats/insight3/test_olist.bin", PX160, 2000),
		new Entry("formats/insight3/test_spliner_olist.bin", PX160, 720),
		new Entry("formats/insight3/test_olist.txt", List.of("--columns", "x [px],y [px],z [nm],h", "--pixel-size", "160"), 200),
		new Entry("formats/nstorm-txt/m4_unstim_5lp561_cpla2647.txt", List.of(), 1274),
		new Entry("formats/thunderstorm/ThunderSTORM_TS3D.csv", List.of(), 11195),
		new Entry("formats/epfl-challenge-thunderstorm/sequence-as-stack-MT1.N1.HD-AS-Exp.csv", List.of(), 8935),
		new Entry("formats/epfl-challenge-thunderstorm/sequence-as-stack-MT1.N1.LD-AS-Exp.csv", List.of(), 12716),
		new Entry("formats/vlume/CaulobacterC_2_R09_MoernerLab.csv", NM, 8759),
		new Entry("formats/vlume/CaulobacterC_2_R09_stalk_MoernerLab.csv", NM, 663),
		new Entry("formats/vlume/CaulobacterC_2_R23_MoernerLab.csv", NM, 6395),
		new Entry("formats/vlume/U2OS_microtubules_ThunderSTORM_single_RiesLab.csv", NM, 2848),
		new Entry("formats/picasso/samples/raw_movie_locs.hdf5", List.of(), 2399),
		new Entry("formats/picasso/samples/raw_movie_locs_picked.hdf5", List.of(), 2378),
		new Entry("formats/picasso/tests/testdata_locs.hdf5", List.of(), 564),
		new Entry("formats/picasso/tests/testdata_mols.hdf5", List.of(), 4230),
		new Entry("formats/locan/Elyra_dstorm_data.txt", List.of(), 15),
		new Entry("formats/locan/Nanoimager_dstorm_data.csv", List.of(), 14),
		new Entry("formats/locan/Thunderstorm_dstorm_data.csv", List.of(), 19),
		new Entry("formats/locan/five_blobs.txt", NM, 50),
		new Entry("formats/locan/five_blobs_3D.txt", NM, 50),
		new Entry("formats/locan/rapidSTORM_dstorm_data.txt", List.of(), 14),
		new Entry("formats/locan/rapidSTORM_dstorm_track_data.txt", List.of(), 14),
		new Entry("formats/locan/rapidSTORM_from_images.txt", List.of(), 12),
		new Entry("formats/locan/SMLM_dstorm_data.smlm", List.of(), 10),
		new Entry("formats/locan/decode_dstorm_data.h5", List.of(), 96),
		new Entry("formats/locan/smap_dstorm_data.mat", List.of(), 4884),
		new Entry("formats/locan/npc_gp210.asdf", NM, 202),
		new Entry("particles/origami-cuboctahedra/0_1/0_1_cuboctahedron_DNA-PAINT.hdf5", List.of(), 58222),
		new Entry("particles/origami-cuboctahedra/0_3/0_3_cuboctahedron_DNA-PAINT.hdf5", List.of(), 50050),
		new Entry("particles/origami-cuboctahedra/4_2/4_2_cuboctahedron_DNA-PAINT.hdf5", List.of(), 36055),
		new Entry("particles/origami-cuboctahedra/7_4/7_4_cuboctahedron_DNA-PAINT.hdf5", List.of(), 64883),
		new Entry("particles/nup107/NUP107_STORM.mat", List.of("--pixel-size", "100"), 40947),
		new Entry("particles/nup107/NUP107_PAINT.mat", List.of("--pixel-size", "100"), 27006),
		new Entry("particles/origami-tetrapods/1_0.csv", List.of(), 402),
		new Entry("particles/origami-tetrapods/6_3.csv", List.of(), 991),
		new Entry("particles/origami-tetrapods/7_1.csv", List.of(), 650),
		new Entry("particles/origami-tetrapods/7_2.csv", List.of(), 471),
		new Entry("particles/minflux-npc/nuclear-pore-model-data.txt", List.of("--columns", "trace,t,x,y,z", "--units",
			"m"), 10268),
		new Entry("modelnet10/modelnet10.npz", List.of(), -1));

	/** Files in the listed folders that are not data: documentation, licences, Picasso's YAML, fit logs. */
	private static boolean isData(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return !(n.endsWith(".md") || n.startsWith("license") || n.startsWith("readme") || n.equals("source-readme.md")
			|| n.endsWith(".yaml") || n.endsWith("-protocol.txt") || n.equals("decoded_data_global.csv"));
	}

	@Test
	void infoReadsEveryListedFileWithTheRightRowCount() throws Exception {
		Map<String, String> failures = new LinkedHashMap<>();
		for (Entry e : FILES) {
			List<String> args = new ArrayList<>(List.of("info", SharedData.file(e.file()).toString()));
			args.addAll(e.options());
			MainTest.Result r = MainTest.cli(args.toArray(String[]::new));
			if (r.exit() != 0) failures.put(e.file(), "exit " + r.exit() + ": " + r.err().trim());
			else if (e.rows() < 0) {
				if (!r.out().contains("ready volumes")) failures.put(e.file(), r.out());
			}
			else {
				Matcher m = Pattern.compile("Rows:\\s+([\\d,]+)").matcher(r.out());
				int rows = m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : -1;
				if (rows != e.rows()) failures.put(e.file(), "rows " + rows + ", expected " + e.rows());
			}
		}
		// The 36 ShapeNets volumes of the chair folder are MAT v5 ready volumes.
		try (Stream<Path> chairs = Files.list(SharedData.file("modelnet10/chair-mat-v5"))) {
			for (Path chair : chairs.toList()) {
				MainTest.Result r = MainTest.cli("info", chair.toString());
				if (r.exit() != 0 || !r.out().contains("instance (30x30x30 int8)")) failures.put(chair.toString(), r.out()
					+ r.err());
			}
		}
		assertEquals(Map.of(), failures);
	}

	/** The list above covers every data file under every path that data/README.md lists. */
	@Test
	void theListCoversEveryFileTheReadmeNames() throws IOException {
		Path data = SharedData.file("README.md").getParent();
		String readme = Files.readString(data.resolve("README.md"));
		Matcher m = Pattern.compile("(?m)^\\| `([^`]+)`").matcher(readme);
		TreeSet<String> listed = new TreeSet<>(), covered = new TreeSet<>();
		FILES.forEach(e -> covered.add(e.file()));
		int entries = 0;
		while (m.find()) {
			entries++;
			for (String path : expandBraces(m.group(1))) {
				Path p = data.resolve(path);
				assertTrue(Files.exists(p), "README lists " + path + " which is not there");
				if (p.toString().contains("chair-mat-v5")) continue; // checked file by file above
				try (Stream<Path> s = Files.walk(p)) {
					s.filter(Files::isRegularFile).filter(SharedDataCatalogueTest::isData)
						.forEach(f -> listed.add(data.relativize(f).toString()));
				}
			}
		}
		assertTrue(entries >= 12, "README entries found: " + entries);
		listed.removeAll(covered);
		assertEquals(new TreeSet<>(), listed, "listed data files that info is not checked on");
	}

	private static List<String> expandBraces(String path) {
		Matcher b = Pattern.compile("\\{([^}]*)\\}").matcher(path);
		if (!b.find()) return List.of(path);
		List<String> out = new ArrayList<>();
		for (String option : b.group(1).split(","))
			out.addAll(expandBraces(path.substring(0, b.start()) + option + path.substring(b.end())));
		return out;
	}
}
