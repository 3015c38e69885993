package io.github.clathrin.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/** The folder-of-tables batch behind {@code run("Classify", ...)}: log and carry on, skip, cancel. */
class ClassifyTablesTest {

	static final Path SIMULATED = Path.of("test-data", "simulated");

	static Model model;

	@BeforeAll
	static void train() throws IOException {
		StructureSet set = StructureLoader.fromFolder(SIMULATED.resolve("structures"),
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		set = Labels.read(SIMULATED.resolve("labels.csv")).apply(set).structures();
		model = Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(), "svm", 1),
			Progress.NONE);
	}

	static Path tables(Path dir) throws IOException {
		Path in = Files.createDirectories(dir.resolve("in"));
		Files.copy(SIMULATED.resolve("all-structures.csv"), in.resolve("a.csv"));
		Files.writeString(in.resolve("b.csv"), "x [nm],y [nm],z [nm],roi\n1,2,3,1\n4,five,6,1\n"); // a damaged table
		Files.copy(SIMULATED.resolve("all-structures.csv"), in.resolve("c.csv"));
		Files.writeString(in.resolve("notes.md"), "not a table, ignored\n");
		return in;
	}

	@Test
	void aCorruptTableIsLoggedAndTheOthersAreClassified(@TempDir Path dir) throws IOException {
		Path in = tables(dir), out = dir.resolve("out");
		List<String> log = new ArrayList<>();
		ClassifyTables.Outcome o = ClassifyTables.run(model, in, "roi", ReadOptions.DEFAULT, out, false, CellSummary.DEFAULT_AREA_PIXEL, log::add,
			Progress.NONE);
		assertEquals(List.of(out.resolve("a-results.csv"), out.resolve("c-results.csv")), o.written());
		assertEquals(1, o.failed().size(), o.failed().toString());
		assertTrue(o.failed().get(0).startsWith("b.csv: "), o.failed().toString());
		assertEquals(1, log.size(), log.toString());
		assertTrue(log.get(0).startsWith("failed b.csv"), log.toString());
		assertTrue(log.get(0).contains("line 3"), log.toString());
		assertFalse(Files.exists(out.resolve("b-results.csv")));
		assertArrayEquals(Files.readAllBytes(out.resolve("a-results.csv")), Files.readAllBytes(out.resolve("c-results.csv")));
		assertTrue(Files.readString(out.resolve("a-results.csv")).startsWith("structure,prediction,probability,label"));
	}

	@Test
	void labelsAndNotesBesideTheTablesAreSkippedWithOneWarning(@TempDir Path dir) throws IOException {
		Path in = tables(dir), out = dir.resolve("out");
		Files.delete(in.resolve("b.csv"));
		Files.writeString(in.resolve("labels.csv"), "structure,label\n1,yes\n");
		Files.writeString(in.resolve("README.txt"), "Cells imaged on Tuesday.\n");
		List<String> log = new ArrayList<>();
		ClassifyTables.Outcome o = ClassifyTables.run(model, in, "roi", ReadOptions.DEFAULT, out, false, CellSummary.DEFAULT_AREA_PIXEL, log::add,
			Progress.NONE);
		assertEquals(List.of(out.resolve("a-results.csv"), out.resolve("c-results.csv")), o.written());
		assertEquals(List.of(), o.failed());
		assertEquals(1, log.size(), log.toString());
		assertTrue(log.get(0).contains("skipped 2 files") && log.get(0).contains("labels.csv")
			&& log.get(0).contains("README.txt"), log.toString());
	}

	@Test
	void finishedResultsAreSkippedWhenAsked(@TempDir Path dir) throws IOException {
		Path in = tables(dir), out = Files.createDirectories(dir.resolve("out"));
		Files.writeString(out.resolve("a-results.csv"), "done before\n");
		List<String> log = new ArrayList<>();
		ClassifyTables.Outcome o = ClassifyTables.run(model, in, "roi", ReadOptions.DEFAULT, out, true, CellSummary.DEFAULT_AREA_PIXEL, log::add,
			Progress.NONE);
		assertEquals(List.of(out.resolve("a-results.csv")), o.skipped());
		assertEquals(List.of(out.resolve("c-results.csv")), o.written());
		assertEquals("done before\n", Files.readString(out.resolve("a-results.csv")));
		assertTrue(log.get(0).startsWith("skipped a.csv"), log.toString());

		ClassifyTables.Outcome again = ClassifyTables.run(model, in, "roi", ReadOptions.DEFAULT, out, false, CellSummary.DEFAULT_AREA_PIXEL, s -> {},
			Progress.NONE);
		assertEquals(2, again.written().size());
		assertFalse(Files.readString(out.resolve("a-results.csv")).startsWith("done before"));
	}

	@Test
	void cancellingStopsBeforeTheNextTable(@TempDir Path dir) throws IOException {
		Path in = tables(dir), out = dir.resolve("out");
		AtomicInteger reports = new AtomicInteger();
		Progress stopAfterFirstTable = new Progress() {

			@Override
			public void report(String stage, long done, long total) {
				reports.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return reports.get() >= 2; // the second table has started: the user pressed Esc
			}
		};
		assertThrows(CancelledException.class, () -> ClassifyTables.run(model, in, "roi", ReadOptions.DEFAULT, out,
			false, CellSummary.DEFAULT_AREA_PIXEL, s -> {}, stopAfterFirstTable));
		assertTrue(Files.exists(out.resolve("a-results.csv")));
		assertFalse(Files.exists(out.resolve("c-results.csv")));
		try (var files = Files.list(out)) {
			assertEquals(1, files.count(), "no partial result files");
		}
	}

	@Test
	void theCommandRoutesAFolderWithAnRoiColumnToTheBatch(@TempDir Path dir) throws Exception {
		Path in = tables(dir), out = dir.resolve("out"), modelFile = dir.resolve("m.zip");
		io.github.clathrin.pipeline.ModelFile.write(model, modelFile);
		assertEquals(0, io.github.clathrin.cli.Main.run("classify", "--model", modelFile.toString(), "--input",
			in.toString(), "--roi-column", "roi", "--out", out.toString()));
		assertTrue(Files.exists(out.resolve("a-results.csv")));
		assertTrue(Files.exists(out.resolve("c-results.csv")));
	}
}
