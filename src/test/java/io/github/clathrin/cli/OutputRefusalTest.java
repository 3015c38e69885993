package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.segment.WholeCell;
import io.github.clathrin.task.Progress;

/**
 * No output option replaces what the run reads: an input file, a structure file of an input folder, the
 * labels file or the model file are refused with one error line before anything is read or trained, and
 * the victim is byte-identical afterwards. Results beside the structures under a name the folder reader
 * skips, or outside the folder, still work.
 */
class OutputRefusalTest {

	@TempDir
	static Path data;

	private static Path model;

	@TempDir
	Path tmp;

	private Path structures, labels;

	@BeforeAll
	static void simulateAndTrain() throws IOException {
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(40, 20).withSeed(5)).simulate(Progress.NONE)
			.write(data);
		model = data.resolve("model.zip");
		MainTest.Result r = MainTest.cli("train", "--input", data.resolve(SimulatedDataset.STRUCTURES_DIR).toString(),
			"--labels", data.resolve(SimulatedDataset.LABELS).toString(), "--out", model.toString());
		assertEquals(0, r.exit(), r.toString());
	}

	/** A copy of the structures and labels for one test to put at risk. */
	private void copyData() throws IOException {
		structures = Files.createDirectories(tmp.resolve("structures"));
		try (Stream<Path> s = Files.list(data.resolve(SimulatedDataset.STRUCTURES_DIR))) {
			for (Path f : s.toList()) Files.copy(f, structures.resolve(f.getFileName()));
		}
		labels = Files.copy(data.resolve(SimulatedDataset.LABELS), tmp.resolve("labels.csv"));
	}

	private Path copyModel() throws IOException {
		return Files.copy(model, tmp.resolve("model.zip"));
	}

	/**
	 * Runs the command line, expects the refusal (exit 2, one error line with every fragment, nothing else on
	 * stderr: no file read, nothing trained) and the victim byte-identical.
	 */
	private static MainTest.Result assertRefused(Path victim, List<String> fragments, String... args) throws IOException {
		byte[] before = Files.isRegularFile(victim) ? Files.readAllBytes(victim) : null;
		List<Path> listing = Files.isDirectory(victim) ? list(victim) : null;
		MainTest.Result r = MainTest.cli(args);
		assertEquals(2, r.exit(), r.toString());
		// (a fuzz test earlier in the same JVM leaves Jazzer's agent logging the classes it instruments)
		List<String> lines = r.err().lines().filter(l -> !l.isBlank() && !l.startsWith("INFO: Instrumented ")).toList();
		assertEquals(1, lines.size(), "one error line and no progress (nothing was read or trained): " + r);
		for (String f : fragments) assertTrue(lines.get(0).contains(f), "'" + f + "' in " + r);
		assertTrue(lines.get(0).contains("refusing to") && lines.get(0).contains("nothing was run"), r.toString());
		assertEquals("", r.out(), r.toString());
		if (before != null) assertArrayEquals(before, Files.readAllBytes(victim), victim + " is unchanged");
		if (listing != null) assertEquals(listing, list(victim), victim + " holds the same files");
		return r;
	}

	private static List<Path> list(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().toList();
		}
	}

	@Test
	void classifyOutIntoAStructureFileOfTheInputFolder() throws IOException {
		copyData();
		Path victim = structures.resolve("s0001.csv");
		assertTrue(Files.isRegularFile(victim));
		assertRefused(victim, List.of("s0001.csv", "structure file", "input"), "classify", "--model", model.toString(),
			"--input", structures.toString(), "--out", victim.toString());
		// The same file spelt another way.
		assertRefused(victim, List.of("s0001.csv"), "classify", "--model", model.toString(), "--input",
			structures.toString(), "--out", structures.resolve("../structures/./s0001.csv").toString());
	}

	@Test
	void classifyOutThroughALinkToTheInputFolder() throws IOException {
		copyData();
		Path link = Files.createSymbolicLink(tmp.resolve("same-folder"), structures);
		Path victim = structures.resolve("s0002.csv");
		assertRefused(victim, List.of("s0002.csv", "structure file"), "classify", "--model", model.toString(),
			"--input", structures.toString(), "--out", link.resolve("s0002.csv").toString());
	}

	@Test
	void classifyOutAsANewStructureFileOfTheInputFolder() throws IOException {
		copyData();
		Path out = structures.resolve("my-results.csv");
		assertRefused(structures, List.of("my-results.csv", "where the next run would read it as a structure"), "classify",
			"--model", model.toString(), "--input", structures.toString(), "--out", out.toString());
		assertFalse(Files.exists(out));
	}

	@Test
	void trainOutOntoTheLabelsFile() throws IOException {
		copyData();
		assertRefused(labels, List.of("labels.csv", "labels file"), "train", "--input", structures.toString(),
			"--labels", labels.toString(), "--out", labels.toString());
	}

	@Test
	void trainOutThroughALinkToTheLabelsFile() throws IOException {
		copyData();
		Path link = Files.createSymbolicLink(tmp.resolve("model-link.zip"), labels);
		assertRefused(labels, List.of("model-link.zip", "labels file"), "train", "--input", structures.toString(),
			"--labels", labels.toString(), "--out", link.toString());
	}

	@Test
	void trainOutOntoTheInputFolder() throws IOException {
		copyData();
		assertRefused(structures, List.of("input"), "train", "--input", structures.toString(), "--labels",
			labels.toString(), "--out", structures.toString());
	}

	@Test
	void classifyOutOntoTheModelFile() throws IOException {
		copyData();
		Path m = copyModel();
		assertRefused(m, List.of("model.zip", "model file"), "classify", "--model", m.toString(), "--input",
			structures.toString(), "--out", m.toString());
	}

	@Test
	void classifyRenderIntoTheInputFolderAsATiff() throws IOException {
		copyData();
		Path gallery = structures.resolve("gallery.tif");
		assertRefused(structures, List.of("gallery.tif", "structure"), "classify", "--model", model.toString(),
			"--input", structures.toString(), "--out", tmp.resolve("results.csv").toString(), "--render",
			gallery.toString());
		assertFalse(Files.exists(tmp.resolve("results.csv")), "refused before classifying");
	}

	@Test
	void evaluateJsonOntoTheLabelsFile() throws IOException {
		copyData();
		assertRefused(labels, List.of("labels.csv", "labels file"), "evaluate", "--input", structures.toString(),
			"--labels", labels.toString(), "--encoders", "pca", "--json", labels.toString());
	}

	@Test
	void evaluatePlotOntoTheLabelsFile() throws IOException {
		copyData();
		assertRefused(labels, List.of("labels.csv", "labels file"), "evaluate", "--input", structures.toString(),
			"--labels", labels.toString(), "--encoders", "pca", "--unlabelled-steps", "0,10", "--plot",
			labels.toString());
	}

	@Test
	void evaluateConfusionIntoTheInputFolder() throws IOException {
		copyData();
		assertRefused(structures, List.of("input folder"), "evaluate", "--input", structures.toString(), "--labels",
			labels.toString(), "--encoders", "pca", "--confusion", structures.toString());
	}

	@Test
	void reconstructIntoTheInputFolder() throws IOException {
		copyData();
		// An autoencoder, so that without the check the TIFF stacks would really land among the structures.
		Path ae = tmp.resolve("ae.zip");
		MainTest.Result t = MainTest.cli("train", "--input", structures.toString(), "--labels", labels.toString(),
			"--encoder", "dense-ae", "--epochs", "1", "--grid", "8", "--out", ae.toString());
		assertEquals(0, t.exit(), t.toString());
		assertRefused(structures, List.of("input folder"), "reconstruct", "--model", ae.toString(), "--input",
			structures.toString(), "--out", structures.toString());
	}

	@Test
	void classifyTablesIntoTheirOwnFolderOverAResultsNamedTable() throws IOException {
		Path tables = Files.createDirectories(tmp.resolve("tables"));
		Path table = Files.copy(data.resolve(SimulatedDataset.ALL), tables.resolve("all-results.csv"));
		assertRefused(table, List.of("tables"), "classify", "--model", model.toString(), "--input", tables.toString(),
			"--roi-column", "roi", "--out", tables.toString());
	}

	@Test
	void segmentIntoTheFolderItsTableLivesIn() throws IOException {
		Path out = tmp.resolve("cell");
		Path table = WholeCell.write(Files.createDirectories(out.resolve("structures")).resolve("cell.csv"), 3, 500, 2);
		assertRefused(table, List.of("cell.csv", "localization table"), "segment", "--input", table.toString(), "--out",
			out.toString());
		// Beside the output's own files it is safe.
		Path beside = Files.copy(table, tmp.resolve("cell.csv"));
		MainTest.Result ok = MainTest.cli("segment", "--input", beside.toString(), "--out", tmp.toString());
		assertEquals(0, ok.exit(), ok.toString());
	}

	@Test
	void resultsBesideTheStructuresStillWork() throws IOException {
		copyData();
		MainTest.Result up = MainTest.cli("classify", "--model", model.toString(), "--input", structures.toString(),
			"--out", structures.resolve("../results.csv").toString());
		assertEquals(0, up.exit(), up.toString());
		assertTrue(Files.isRegularFile(tmp.resolve("results.csv")));
		// results.csv is a name the folder reader skips (the tool's own), so it replaces no input.
		MainTest.Result in = MainTest.cli("classify", "--model", model.toString(), "--input", structures.toString(),
			"--out", structures.resolve("results.csv").toString());
		assertEquals(0, in.exit(), in.toString());
		assertTrue(Files.isRegularFile(structures.resolve("results.csv")));
	}
}
