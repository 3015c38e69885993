package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clathrin simulate --kind cells} and {@code clathrin batch} from the command line: a screen classified
 * with a failed cell listed, the summary plot drawn, a list file, and outputs that would replace an input, the
 * model or a listed cell refused before any work.
 */
class BatchCliTest {

	@TempDir
	static Path data;

	static Path model, cells;

	@BeforeAll
	static void simulateAndTrain() {
		model = data.resolve("model.zip");
		MainTest.Result r = MainTest.cli("train", "--input", "test-data/simulated/structures", "--labels",
			"test-data/simulated/labels.csv", "--encoder", "pca", "--out", model.toString());
		assertEquals(0, r.exit(), r.toString());
		cells = data.resolve("cells");
		r = MainTest.cli("simulate", "--kind", "cells", "--cells", "3", "--structures", "5", "--seed", "4", "--out",
			cells.toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("Simulated 3 whole cells of 5 coats each"), r.toString());
	}

	@Test
	void aScreenWithABrokenCellIsClassifiedAndSummarised(@TempDir Path tmp) throws IOException {
		Path in = Files.createDirectories(tmp.resolve("in")), out = tmp.resolve("out");
		for (String c : List.of("cell-001.csv", "cell-002.csv", "cell-003.csv")) Files.copy(cells.resolve(c),
			in.resolve(c));
		Files.writeString(in.resolve("broken.csv"), "\"x [nm]\",\"y [nm]\",\"z [nm]\"\n1,2\n");
		MainTest.Result r = MainTest.cli("batch", "--model", model.toString(), "--input", in.toString(), "--out",
			out.toString(), "--threads", "2");
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("4 cells: 3 classified, 0 skipped (results exist), 1 failed"), r.toString());
		assertTrue(r.out().contains("failed broken.csv (input error): "), r.toString());
		assertTrue(r.out().contains("Summary plot written to " + out.resolve("summary.png")), r.toString());
		List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
		assertEquals(5, summary.size());
		assertTrue(summary.get(1).startsWith("broken.csv,") && summary.get(1).contains(",input error,"), summary.get(1));

		// a list file naming the same cells gives the same results
		Path list = tmp.resolve("cells.txt"), listed = tmp.resolve("listed");
		Files.writeString(list, "in/cell-002.csv\n" + in.resolve("cell-001.csv") + "\nin/cell-003.csv\nin/broken.csv\n");
		r = MainTest.cli("batch", "--model", model.toString(), "--input", list.toString(), "--out", listed.toString(),
			"--threads", "1");
		assertEquals(0, r.exit(), r.toString());
		for (String f : List.of("cell-001-results.csv", "cell-002-results.csv", "cell-003-results.csv", "summary.csv"))
			assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(listed.resolve(f)), f);
	}

	@Test
	void anOutputThatWouldReplaceAnInputIsRefusedBeforeAnyWork(@TempDir Path tmp) throws IOException {
		Path in = Files.createDirectories(tmp.resolve("in"));
		Files.copy(cells.resolve("cell-001.csv"), in.resolve("cell-001.csv"));
		MainTest.Result r = MainTest.cli("batch", "--model", model.toString(), "--input", in.toString(), "--out",
			in.toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.errorLines().size() == 1 && r.errorLines().get(0).contains("is the input folder")
			&& r.errorLines().get(0).contains("refusing"), r.toString());
		assertEquals(List.of("cell-001.csv"), names(in));

		r = MainTest.cli("batch", "--model", model.toString(), "--input", in.toString(), "--out", model.toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.errorLines().get(0).contains("is a file, not a folder"), r.toString());

		// a listed cell that the batch would overwrite with another cell's results
		Path out = Files.createDirectories(tmp.resolve("out")), list = tmp.resolve("cells.txt");
		byte[] victim = Files.readAllBytes(cells.resolve("cell-002.csv"));
		Files.write(out.resolve("cell-001-results.csv"), victim);
		Files.writeString(list, "in/cell-001.csv\nout/cell-001-results.csv\n");
		r = MainTest.cli("batch", "--model", model.toString(), "--input", list.toString(), "--out", out.toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.errorLines().get(0).contains("is where this run writes over the cell"), r.toString());
		assertArrayEquals(victim, Files.readAllBytes(out.resolve("cell-001-results.csv")));
		assertEquals(List.of("cell-001-results.csv"), names(out));

		r = MainTest.cli("batch", "--model", model.toString(), "--input", in.toString(), "--out", tmp.resolve("o2")
			.toString(), "--engine", "nonesuch");
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.errorLines().get(0).contains("unknown engine 'nonesuch': use one of local"), r.toString());

		// hdfs:// and other file systems' URIs are the Spark engine's: the local one says so, naming the URI.
		r = MainTest.cli("batch", "--model", model.toString(), "--input", "hdfs://namenode:8020/screen", "--out",
			tmp.resolve("o3").toString());
		assertEquals(2, r.exit(), r.toString());
		assertEquals("error: hdfs://namenode:8020/screen: a URI of another file system; only the Spark engine reads "
			+ "and writes those (--engine spark), the local engine needs paths of this computer", r.errorLines().get(0),
			r.toString());
		assertTrue(Files.notExists(tmp.resolve("o3")), r.toString());
		// file:// URIs are this computer's paths
		r = MainTest.cli("batch", "--model", model.toUri().toString(), "--input", in.toUri().toString(), "--out",
			tmp.resolve("o4").toUri().toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(Files.exists(tmp.resolve("o4").resolve("cell-001-results.csv")), r.toString());
	}

	@Test
	void theHintAfterSimulatingCellsCanBePastedIntoAShell(@TempDir Path tmp) {
		Path cells = tmp.resolve("my cells");
		MainTest.Result r = MainTest.cli("simulate", "--kind", "cells", "--cells", "1", "--structures", "2", "--out",
			cells.toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("Classify them with: batch --model MODEL --input '" + cells + "' --out OUT"),
			r.toString());
	}

	private static List<String> names(Path folder) throws IOException {
		try (var s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
