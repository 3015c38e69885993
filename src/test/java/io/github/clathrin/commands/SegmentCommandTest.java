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
		assertTrue(summary.get(1).matches("0,cell-1,\\d+,.*,kept,structures/cell-1.csv,50,10,30,5000,500"),
			summary.get(1));
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
		assertTrue(c.getReport().contains("Segmentation: ") && !c.getReport().contains("warning: segmentation"),
			c.getReport());
		for (Classification.Prediction p : c.getPredictions()) assertTrue(p.key().startsWith("cell-"), p.key());
		try (Stream<String> lines = Files.lines(results)) {
			assertEquals(COATS + 1, lines.count());
		}
	}

	private static final Path TS3D = io.github.clathrin.SharedData.file("formats/thunderstorm/ThunderSTORM_TS3D.csv");

	private static Set<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
		}
	}

	/**
	 * A second segmentation into the same folder leaves exactly its own structures (at eps 30 then 50 the real
	 * table gives 35 then 12: the 23 others must go), records its settings, and keeps the user's own files.
	 */
	@Test
	void aSecondRunReplacesTheFirstRunsStructuresOnly(@TempDir Path out) throws Exception {
		SegmentCommand first = run(SegmentCommand.class, "input", TS3D.toFile(), "output", out.toFile(), "eps", 30.0);
		assertNull(first.getFailure());
		int firstKept = first.getSegmentation().summary().kept();
		Path structures = out.resolve(SegmentFiles.STRUCTURES);
		assertEquals(firstKept, names(structures).size());
		Files.writeString(structures.resolve("my-own.csv"), "x,y,z\n1,2,3\n");
		Files.writeString(out.resolve("notes.txt"), "mine");

		SegmentCommand second = run(SegmentCommand.class, "input", TS3D.toFile(), "output", out.toFile(), "eps", 50.0,
			"min_points", 8, "min_size", 40, "max_size", 4000, "max_extent", 450.0);
		assertNull(second.getFailure());
		Set<String> expected = new HashSet<>(Set.of("my-own.csv"));
		for (Structure s : second.getSegmentation().structures()) expected.add(s.key() + ".csv");
		assertTrue(expected.size() - 1 != firstKept, "the two runs keep different numbers of structures");
		assertEquals(expected, names(structures));
		assertEquals("x,y,z\n1,2,3\n", Files.readString(structures.resolve("my-own.csv")));
		assertEquals("mine", Files.readString(out.resolve("notes.txt")));
		List<String> summary = Files.readAllLines(out.resolve(SegmentFiles.SUMMARY));
		assertTrue(summary.get(0).endsWith(",file,eps_nm,min_points,min_size,max_size,max_extent_nm"), summary.get(0));
		for (String line : summary.subList(1, summary.size()))
			assertTrue(line.endsWith(",50,8,40,4000,450"), line);

		// Switching to one table removes the folder's structures too, but not the user's file.
		SegmentCommand table = run(SegmentCommand.class, "input", TS3D.toFile(), "output", out.toFile(), "one_table", true);
		assertNull(table.getFailure());
		assertEquals(Set.of("my-own.csv"), names(structures));
		assertEquals(Set.of("structures", SegmentFiles.TABLE, SegmentFiles.SUMMARY, "notes.txt"), names(out));
		// The folder reader still ignores the summary beside a folder of structures (hidden temporaries too).
		assertTrue(!StructureLoader.readsAsStructure(".structures.1.2.part"));
	}

	/** A folder segmented by an older version (summary without the file column) is cleaned by its keys. */
	@Test
	void aSummaryWithoutTheFileColumnNamesItsFilesByKey(@TempDir Path out) throws Exception {
		Path structures = Files.createDirectories(out.resolve(SegmentFiles.STRUCTURES));
		StringBuilder old = new StringBuilder("cluster,key,localizations,x_min,x_max,y_min,y_max,z_min,z_max,extent_nm,"
			+ "verdict\n");
		for (int i = 1; i <= 40; i++) {
			Files.writeString(structures.resolve("ThunderSTORM_TS3D-" + i + ".csv"), "x,y,z\n1,2,3\n");
			old.append(i - 1).append(",ThunderSTORM_TS3D-").append(i).append(",30,0,1,0,1,0,1,1.0,kept\n");
		}
		Files.writeString(out.resolve(SegmentFiles.SUMMARY), old);
		SegmentCommand c = run(SegmentCommand.class, "input", TS3D.toFile(), "output", out.toFile());
		assertNull(c.getFailure());
		assertEquals(c.getSegmentation().summary().kept(), names(structures).size());
	}

	/** A user's file where a structure would go is never replaced: the run is refused and nothing changes. */
	@Test
	void aUsersFileWhereAStructureWouldGoIsRefused(@TempDir Path out) throws Exception {
		Path mine = Files.createDirectories(out.resolve(SegmentFiles.STRUCTURES)).resolve("ThunderSTORM_TS3D-1.csv");
		Files.writeString(mine, "mine");
		SegmentCommand c = run(SegmentCommand.class, "input", TS3D.toFile(), "output", out.toFile());
		assertInstanceOf(InputException.class, c.getFailure());
		assertTrue(c.getFailure().getMessage().contains("ThunderSTORM_TS3D-1.csv"), c.getFailure().getMessage());
		assertEquals("mine", Files.readString(mine));
		assertEquals(Set.of("structures"), names(out));
		assertEquals(Set.of("ThunderSTORM_TS3D-1.csv"), names(out.resolve(SegmentFiles.STRUCTURES)));
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
