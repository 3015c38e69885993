package io.github.clathrin.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;

import io.github.clathrin.cli.Main;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.segment.SegmentFiles;
import io.github.clathrin.segment.WholeCell;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Segment and classify --segment on a simulated whole cell: 20 coats at known places in uniform
 * background, each found again once and from one coat only.
 */
class SegmentCommandTest {

	private static final int COATS = 20;

	@TempDir
	static Path data;

	private static Context context;
	private static Path cell;
	private static LocalizationTable truth;

	@BeforeAll
	static void simulate() throws IOException {
		context = new Context(CommandService.class);
		cell = WholeCell.write(data.resolve("cell.csv"), COATS, 4000, 11);
		truth = LocalizationReaders.read(cell, ReadOptions.DEFAULT, Progress.NONE);
	}

	@AfterAll
	static void dispose() {
		if (context != null) context.dispose();
	}

	private static <C extends Command> C run(Class<C> type, Object... keyValues) throws Exception {
		Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
		return type.cast(context.service(CommandService.class).run(type, false, m).get().getCommand());
	}

	@Test
	void writesOneFilePerStructureEachFromOneCoat(@TempDir Path out) throws Exception {
		SegmentCommand c = run(SegmentCommand.class, "input", cell.toFile(), "output", out.toFile());
		assertNull(c.getFailure());
		assertEquals(COATS, c.getSegmentation().summary().kept(), c.getReport());
		StructureSet found = StructureLoader.fromFolder(out.resolve("structures"),
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		assertEquals(COATS, found.size());
		Set<Double> coats = new HashSet<>();
		for (Structure s : found) {
			Set<Double> sources = coatsOf(s);
			assertEquals(1, sources.size(), s.key() + " mixes coats " + sources);
			assertTrue(coats.addAll(sources), s.key() + ": a coat found twice");
		}
		List<String> summary = Files.readAllLines(out.resolve(SegmentFiles.SUMMARY));
		assertEquals(c.getSegmentation().summary().found() + 1, summary.size());
		assertTrue(summary.get(1).matches("0,cell-1,\\d+,.*,kept"), summary.get(1));
	}

	@Test
	void cliWritesOneTableWithAnRoiColumn(@TempDir Path out) throws Exception {
		assertEquals(0, Main.run("segment", "--input", cell.toString(), "--out", out.toString(), "--table"));
		StructureSet found = StructureLoader.fromPath(out.resolve("structures.csv"), SegmentFiles.ROI,
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		assertEquals(COATS, found.size());
		assertEquals("1", found.get(0).key());
		assertEquals(2, Main.run("segment", "--input", cell.toString(), "--out", out.toString(), "--eps", "0"));
	}

	@Test
	void refusesBadParameters(@TempDir Path out) throws Exception {
		SegmentCommand c = run(SegmentCommand.class, "input", cell.toFile(), "output", out.toFile(), "min_size", 100,
			"max_size", 50);
		assertInstanceOf(InputException.class, c.getFailure());
	}

	@Test
	void classifySegmentsAWholeCellFirst(@TempDir Path dir) throws Exception {
		Path simulated = Path.of("test-data", "simulated");
		StructureSet set = StructureLoader.fromFolder(simulated.resolve("structures"),
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		set = Labels.read(simulated.resolve("labels.csv")).apply(set).structures();
		Path model = dir.resolve("model.zip");
		ModelFile.write(Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(), "svm", 1),
			Progress.NONE), model);
		Path results = dir.resolve("results.csv");
		ClassifyCommand c = run(ClassifyCommand.class, "input", cell.toFile(), "model", model.toFile(), "output",
			results.toFile(), "segment", true, "eps", 50.0, "min_points", 10);
		assertNull(c.getFailure());
		assertEquals(COATS, c.getPredictions().size(), c.getReport());
		assertTrue(c.getReport().contains("segmentation: "), c.getReport());
		for (Classification.Prediction p : c.getPredictions()) assertTrue(p.key().startsWith("cell-"), p.key());
		try (Stream<String> lines = Files.lines(results)) {
			assertEquals(COATS + 1, lines.count());
		}
	}

	/** The coats (truth column) whose localizations, matched by position, make up the structure. */
	private static Set<Double> coatsOf(Structure s) {
		double[] x = truth.x(), y = truth.y(), t = truth.column(WholeCell.TRUTH).values();
		Map<Long, Double> byPosition = new HashMap<>();
		for (int r = 0; r < x.length; r++) byPosition.put(Math.round(x[r] * 100) * 1_000_000_000L + Math.round(y[r] * 100), t[r]);
		Set<Double> sources = new HashSet<>();
		double[] p = s.points();
		for (int i = 0; i < s.size(); i++) {
			Double coat = byPosition.get(Math.round(p[3 * i] * 100) * 1_000_000_000L + Math.round(p[3 * i + 1] * 100));
			if (coat != null && coat > 0) sources.add(coat);
		}
		return sources;
	}
}
