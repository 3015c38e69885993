package io.github.clathrin.cli;

import static io.github.clathrin.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.SharedData;
import io.github.clathrin.cli.MainTest.Result;
import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.segment.SegmentFiles;
import io.github.clathrin.task.Progress;

/**
 * Structure folders as people keep them, through the command line: labels, notes and this tool's own
 * outputs beside the structures are skipped with one warning; labels that match nothing say why.
 */
class StructureFoldersTest {

	@TempDir
	static Path sim;

	@TempDir
	Path tmp;

	@BeforeAll
	static void simulate() throws IOException {
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(60, 30).withSeed(11)).simulate(Progress.NONE)
			.write(sim);
	}

	/** The demo's structures folder, copied, so that each test can add files to it. */
	private Path structures() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("structures"));
		try (Stream<Path> files = Files.list(sim.resolve(SimulatedDataset.STRUCTURES_DIR))) {
			for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, dir.resolve(f.getFileName()));
		}
		return dir;
	}

	private static List<String> warnings(Result r) {
		return r.out().lines().filter(l -> l.startsWith("warning: ")).toList();
	}

	/** The one warning about skipped files, which names each of them. */
	private static void assertOneSkipWarning(Result r, String... names) {
		List<String> skip = warnings(r).stream().filter(w -> w.contains("skipped")).toList();
		assertEquals(1, skip.size(), r.toString());
		for (String n : names) assertTrue(skip.get(0).contains(n), n + " named: " + r);
	}

	@Test
	void trainClassifyAndEvaluateSkipLabelsNotesAndResultsInTheStructureFolder() throws IOException {
		Path dir = structures(), model = tmp.resolve("model.zip"), clean = tmp.resolve("clean-results.csv");
		Path labels = sim.resolve(SimulatedDataset.LABELS);
		Result t0 = cli("train", "--input", dir.toString(), "--labels", labels.toString(), "--out", model.toString());
		assertEquals(0, t0.exit(), t0.toString());
		Result c0 = cli("classify", "--model", model.toString(), "--input", dir.toString(), "--out", clean.toString());
		assertEquals(0, c0.exit(), c0.toString());

		// Now the folder as people keep it: labels, a README, the results of that classify run, segments.csv.
		Files.copy(labels, dir.resolve("labels.csv"));
		Files.writeString(dir.resolve("README.txt"), "Simulated clathrin structures, seed 11.\nOne CSV per structure.\n");
		Files.copy(clean, dir.resolve("results.csv"));
		Files.writeString(dir.resolve(SegmentFiles.SUMMARY), "cluster,key,localizations,x_min,x_max,y_min,y_max,z_min,"
			+ "z_max,extent_nm,verdict\n1,cell-1,40,0.0,10.0,0.0,10.0,0.0,10.0,17.3,kept\n");
		String[] skipped = { "labels.csv", "README.txt", "results.csv", "segments.csv" };

		Path model2 = tmp.resolve("model2.zip");
		Result t = cli("train", "--input", dir.toString(), "--labels", dir.resolve("labels.csv").toString(), "--out",
			model2.toString());
		assertEquals(0, t.exit(), t.toString());
		assertOneSkipWarning(t, skipped);
		assertTrue(t.out().contains("of 60 structures"), t.toString());

		Path again = tmp.resolve("again.csv");
		Result c = cli("classify", "--model", model.toString(), "--input", dir.toString(), "--out", again.toString());
		assertEquals(0, c.exit(), c.toString());
		assertOneSkipWarning(c, skipped);
		assertEquals(Files.readAllLines(clean), Files.readAllLines(again), "the same 60 structures, the same results");

		Result e = cli("evaluate", "--input", dir.toString(), "--labels", labels.toString(), "--encoders", "pca",
			"--folds", "2");
		assertEquals(0, e.exit(), e.toString());
		assertOneSkipWarning(e, skipped);
	}

	@Test
	void aDamagedStructureFileInSuchAFolderIsStillAnError() throws IOException {
		Path dir = structures();
		Files.copy(sim.resolve(SimulatedDataset.LABELS), dir.resolve("labels.csv"));
		Path one;
		try (Stream<Path> files = Files.list(dir)) {
			one = files.filter(f -> f.getFileName().toString().startsWith("s")).sorted().findFirst().orElseThrow();
		}
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(one));
		assertTrue(lines.size() > 60, "a structure of more than 60 localizations: " + lines.size());
		lines.set(56, lines.get(56).replaceFirst(",", "x,")); // line 57: a damaged number
		Files.write(one, lines);
		Result r = cli("classify", "--model", model(dir), "--input", dir.toString(), "--out",
			tmp.resolve("r.csv").toString());
		assertEquals(2, r.exit(), r.toString());
		assertEquals(1, r.errorLines().size(), r.toString());
		assertTrue(r.errorLines().get(0).contains(one.getFileName().toString())
			&& r.errorLines().get(0).contains("line 57"), r.toString());
	}

	private String model(Path dir) throws IOException {
		Path model = tmp.resolve("m.zip");
		Result t = cli("train", "--input", sim.resolve(SimulatedDataset.STRUCTURES_DIR).toString(), "--labels",
			sim.resolve(SimulatedDataset.LABELS).toString(), "--out", model.toString());
		assertEquals(0, t.exit(), t.toString());
		return model.toString();
	}

	@Test
	void aFolderWithoutStructuresNamesWhatItFound() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("empty"));
		Files.copy(sim.resolve(SimulatedDataset.LABELS), dir.resolve("labels.csv"));
		Files.writeString(dir.resolve("README.txt"), "to do\n");
		Result r = cli("train", "--input", dir.toString(), "--out", tmp.resolve("m.zip").toString());
		assertEquals(2, r.exit(), r.toString());
		String error = r.errorLines().get(0);
		assertTrue(error.contains(dir.toString()) && error.contains("labels.csv") && error.contains("README.txt"), error);
	}

	@Test
	void labelsOfATableReadWithoutItsRoiColumnSuggestTheColumn() throws IOException {
		// The demo's one-table layout: ThunderSTORM's id and frame columns, and the roi column that numbers the structures.
		Path table = sim.resolve(SimulatedDataset.ALL);
		Result r = cli("train", "--input", table.toString(), "--labels", sim.resolve(SimulatedDataset.LABELS_ROI)
			.toString(), "--out", tmp.resolve("m.zip").toString());
		assertEquals(2, r.exit(), r.toString());
		assertEquals(1, r.errorLines().size(), r.toString());
		String error = r.errorLines().get(0);
		assertTrue(error.contains("--roi-column roi"), error);
		assertTrue(error.contains("all-structures.csv") && error.contains("1, 2, 3, 4, 5, ..."), "keys of both sides: "
			+ error);

		Result ok = cli("train", "--input", table.toString(), "--roi-column", "roi", "--labels",
			sim.resolve(SimulatedDataset.LABELS_ROI).toString(), "--out", tmp.resolve("m.zip").toString());
		assertEquals(0, ok.exit(), ok.toString());
	}

	@Test
	void labelsOfAnInsight3FileReadWithoutFramesSuggestTheFrameColumn() throws IOException {
		Path bin = SharedData.file("formats/insight3/test_olist.bin");
		LocalizationTable t = LocalizationReaders.read(bin, ReadOptions.DEFAULT.withPixelSize(160.0), Progress.NONE);
		double[] frames = t.column("frame").values();
		StringBuilder labels = new StringBuilder("frame,label\n");
		java.util.Arrays.stream(frames).distinct().sorted().limit(6)
			.forEach(f -> labels.append((long) f).append(f % 2 == 0 ? ",yes\n" : ",no\n"));
		Path file = tmp.resolve("frames.csv");
		Files.writeString(file, labels);
		Result r = cli("train", "--input", bin.toString(), "--pixel-size", "160", "--labels", file.toString(), "--out",
			tmp.resolve("m.zip").toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.errorLines().get(0).contains("--roi-column frame") && r.errorLines().get(0).contains("test_olist.bin"),
			r.toString());
	}

	@Test
	void classNamesDifferingOnlyInCaseAreOneClass() throws IOException {
		Path dir = structures(), labels = tmp.resolve("mixed.csv");
		List<String> lines = Files.readAllLines(sim.resolve(SimulatedDataset.LABELS));
		StringBuilder mixed = new StringBuilder(lines.get(0)).append('\n');
		int i = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",", -1);
			String label = f[1].isEmpty() ? "" : (f[1].equals("yes") ? "Coated" : "Flat");
			if (!label.isEmpty() && i++ % 3 == 1) label = " " + label.toUpperCase(java.util.Locale.ROOT) + " ";
			mixed.append(f[0]).append(',').append(label).append('\n');
		}
		Files.writeString(labels, mixed);
		Result t = cli("train", "--input", dir.toString(), "--labels", labels.toString(), "--out",
			tmp.resolve("m.zip").toString());
		assertEquals(0, t.exit(), t.toString());
		String trained = t.out().lines().filter(l -> l.startsWith("Trained")).findFirst().orElseThrow();
		List<String> classes = List.of(trained.substring(trained.indexOf('{') + 1, trained.indexOf('}')).split(", "));
		assertEquals(2, classes.size(), "two classes, not four: " + trained);
		assertTrue(warnings(t).stream().anyMatch(w -> w.contains("'Coated', 'COATED'") || w.contains("'Flat', 'FLAT'")),
			t.toString());
	}
}
