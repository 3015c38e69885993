package io.github.clathrin.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;

import io.github.clathrin.SharedData;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.render.Renderer;
import io.github.clathrin.segment.SegmentFiles;
import io.github.clathrin.structures.CsvRecords;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Classify on a whole cell (the real ThunderSTORM 3D table): rows that find each structure back in the cell,
 * segment's filters and cluster file, structure files with every source column, and the cell's summary.
 */
class WholeCellClassifyTest {

	static final Path CELL = SharedData.file("formats/thunderstorm/ThunderSTORM_TS3D.csv");

	@TempDir
	static Path shared;

	private static Context context;
	private static Path model;

	@BeforeAll
	static void train() throws IOException {
		context = new Context(CommandService.class);
		Path simulated = Path.of("test-data", "simulated");
		StructureSet set = StructureLoader.fromFolder(simulated.resolve("structures"),
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		set = Labels.read(simulated.resolve("labels.csv")).apply(set).structures();
		model = shared.resolve("model.zip");
		ModelFile.write(Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(), "svm", 1),
			Progress.NONE), model);
	}

	@AfterAll
	static void dispose() {
		if (context != null) context.dispose();
	}

	static <C extends ClathrinCommand> C run(Class<C> type, Object... keyValues) throws Exception {
		Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
		C c = type.cast(context.service(CommandService.class).run((Class<? extends Command>) type, false, m).get()
			.getCommand());
		if (c.getFailure() != null) throw c.getFailure();
		return c;
	}

	/** A CSV file as a map per row from column title to cell. */
	static List<Map<String, String>> rows(Path csv) throws IOException {
		List<String> lines = Files.readAllLines(csv);
		List<String> header = CsvRecords.splitLine(lines.get(0));
		List<Map<String, String>> out = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			List<String> cells = CsvRecords.splitLine(line);
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < header.size(); i++) row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
			out.add(row);
		}
		return out;
	}

	@Test
	void resultsFindEachStructureBackInTheCellWithSegmentsFilters(@TempDir Path dir) throws Exception {
		Path results = dir.resolve("cell-results.csv"), segmented = dir.resolve("segmented");
		Object[] filters = { "eps", 50.0, "min_points", 8, "min_size", 40, "max_size", 4000, "max_extent", 450.0 };
		SegmentCommand s = run(SegmentCommand.class, concat(filters, "input", CELL.toFile(), "output", segmented.toFile()));
		ClassifyCommand c = run(ClassifyCommand.class, concat(filters, "input", CELL.toFile(), "model", model.toFile(),
			"output", results.toFile(), "segment", true));
		int kept = s.getSegmentation().summary().kept();
		assertEquals(kept, c.getPredictions().size(), "the same filters keep the same structures: " + c.getReport());
		assertTrue(kept >= 5 && kept < 35, kept + " structures (at the defaults the table gives 35 at eps 30)");

		List<String> header = CsvRecords.splitLine(Files.readAllLines(results).get(0));
		int after = header.indexOf("outside_training");
		assertEquals(List.of("localizations", "centroid_x_nm", "centroid_y_nm", "centroid_z_nm", "extent_x_nm",
			"extent_y_nm", "extent_z_nm", "cap_radius_nm", "cap_closing_angle_deg", "cap_fit_rmse_nm"),
			header.subList(after + 1, header.size()));
		assertEquals(List.of("structure", "prediction", "probability", "label"), header.subList(0, 4));
		List<Map<String, String>> rows = rows(results);
		assertEquals(kept, rows.size());
		for (Map<String, String> row : rows) {
			LocalizationTable file = LocalizationReaders.read(segmented.resolve(SegmentFiles.STRUCTURES)
				.resolve(row.get("structure") + ".csv"), ReadOptions.DEFAULT, Progress.NONE);
			assertEquals(file.rowCount(), Integer.parseInt(row.get("localizations")), row.toString());
			assertTrue(file.rowCount() >= 40 && file.rowCount() <= 4000, row.toString());
			double[][] xyz = { file.x(), file.y(), file.z() };
			for (int a = 0; a < 3; a++) {
				String axis = "xyz".substring(a, a + 1);
				double extent = Arrays.stream(xyz[a]).max().getAsDouble() - Arrays.stream(xyz[a]).min().getAsDouble();
				assertEquals(Arrays.stream(xyz[a]).average().getAsDouble(), Double.parseDouble(row.get("centroid_" + axis
					+ "_nm")), 0.051, row.get("structure") + " " + axis);
				assertEquals(extent, Double.parseDouble(row.get("extent_" + axis + "_nm")), 0.051);
				assertTrue(extent <= 450, row.get("structure") + ": max_extent applied, " + extent);
			}
			if (row.get("status").equals("ok")) assertTrue(!row.get("cap_closing_angle_deg").isEmpty(), row.toString());
		}

		// The clusters file beside the results: segment's format, with this run's settings.
		Path segments = ClassifyCommand.segmentsFile(results.toFile()).toPath();
		assertEquals(dir.resolve("cell-results-segments.csv"), segments);
		List<String> lines = Files.readAllLines(segments);
		assertEquals(Files.readAllLines(segmented.resolve(SegmentFiles.SUMMARY)).get(0), lines.get(0));
		assertEquals(s.getSegmentation().summary().found() + 1, lines.size());
		for (String line : lines.subList(1, lines.size())) assertTrue(line.endsWith(",50,8,40,4000,450"), line);
		assertTrue(c.getReport().contains("Cell ThunderSTORM_TS3D.csv: " + kept + " structures"), c.getReport());
	}

	@Test
	void theDefaultsOfSegmentAndItsFiltersChangeWhatClassifyKeeps(@TempDir Path dir) throws Exception {
		ClassifyCommand loose = run(ClassifyCommand.class, "input", CELL.toFile(), "model", model.toFile(), "output",
			dir.resolve("a.csv").toFile(), "segment", true);
		ClassifyCommand strict = run(ClassifyCommand.class, "input", CELL.toFile(), "model", model.toFile(), "output",
			dir.resolve("b.csv").toFile(), "segment", true, "min_size", 150);
		assertTrue(strict.getPredictions().size() < loose.getPredictions().size(), loose.getReport() + strict.getReport());
		for (Map<String, String> row : rows(dir.resolve("b.csv")))
			assertTrue(Integer.parseInt(row.get("localizations")) >= 150, row.toString());
	}

	@Test
	void segmentKeepsEveryColumnOfTheSourceTable(@TempDir Path dir) throws Exception {
		SegmentCommand s = run(SegmentCommand.class, "input", CELL.toFile(), "output", dir.toFile());
		LocalizationTable source = LocalizationReaders.read(CELL, ReadOptions.DEFAULT, Progress.NONE);
		String first = s.getSegmentation().structures().get(0).key();
		Path file = dir.resolve(SegmentFiles.STRUCTURES).resolve(first + ".csv");
		assertEquals(Files.readAllLines(CELL).get(0), Files.readAllLines(file).get(0), "the source's header");
		// Every row of a structure file is a row of the source, all columns alike.
		Map<String, String> sourceRows = new HashMap<>();
		for (String line : Files.readAllLines(CELL).subList(1, source.rowCount() + 1)) {
			List<String> cells = CsvRecords.splitLine(line);
			sourceRows.put(key(Double.parseDouble(cells.get(1)), Double.parseDouble(cells.get(2))), normal(cells));
		}
		LocalizationTable structure = LocalizationReaders.read(file, ReadOptions.DEFAULT, Progress.NONE);
		List<String> lines = Files.readAllLines(file);
		assertEquals(s.getSegmentation().structures().get(0).size(), lines.size() - 1);
		for (String line : lines.subList(1, lines.size())) {
			List<String> cells = CsvRecords.splitLine(line);
			assertEquals(sourceRows.get(key(Double.parseDouble(cells.get(1)), Double.parseDouble(cells.get(2)))),
				normal(cells), line);
		}
		assertEquals(source.columnNames(), structure.columnNames());

		// One table: the same columns and the roi column.
		Path one = dir.resolve("one");
		run(SegmentCommand.class, "input", CELL.toFile(), "output", one.toFile(), "one_table", true);
		String header = Files.readAllLines(one.resolve(SegmentFiles.TABLE)).get(0);
		assertEquals(Files.readAllLines(CELL).get(0) + ",\"roi\"", header);
	}

	private static String key(double x, double y) {
		return Math.round(x * 1000) + ":" + Math.round(y * 1000);
	}

	/** Cells as numbers, so that 1.50 and 1.5 compare equal. */
	private static String normal(List<String> cells) {
		return cells.stream().map(v -> Double.toString(Double.parseDouble(v))).toList().toString();
	}

	@Test
	void theCellsSummaryAgreesWithItsResultRows(@TempDir Path dir) throws Exception {
		Path results = dir.resolve("results.csv");
		ClassifyCommand c = run(ClassifyCommand.class, "input", CELL.toFile(), "model", model.toFile(), "output",
			results.toFile(), "segment", true, "area_pixel", 500.0);
		List<Map<String, String>> rows = rows(results);
		Map<String, List<Double>> angles = new TreeMap<>();
		Map<String, Integer> counts = new TreeMap<>();
		for (Map<String, String> row : rows) {
			if (row.get("prediction").isEmpty()) continue;
			counts.merge(row.get("prediction"), 1, Integer::sum);
			if (!row.get("cap_closing_angle_deg").isEmpty()) angles.computeIfAbsent(row.get("prediction"),
				k -> new ArrayList<>()).add(Double.parseDouble(row.get("cap_closing_angle_deg")));
		}
		LocalizationTable table = LocalizationReaders.read(CELL, ReadOptions.DEFAULT, Progress.NONE);
		long lit = 0;
		for (float v : Renderer.histogram(table, 500).pixels()) if (v > 0) lit++;
		double area = lit * 0.25;
		Path summaryFile = ClassifyCommand.summaryFile(results.toFile()).toPath();
		assertEquals(dir.resolve("results-summary.csv"), summaryFile);
		List<Map<String, String>> summary = rows(summaryFile);
		assertEquals(1, summary.size());
		Map<String, String> cell = summary.get(0);
		assertEquals("ThunderSTORM_TS3D.csv", cell.get("cell"));
		assertEquals(Integer.toString(rows.size()), cell.get("structures"));
		assertEquals("11195", cell.get("localizations"));
		assertEquals(area, Double.parseDouble(cell.get("area_um2")), 1e-3);
		assertTrue(area > 5 && area < 30, "a 5 x 5 um field: " + area);
		for (String k : List.of("no", "yes")) {
			int n = counts.getOrDefault(k, 0);
			assertEquals(n, Integer.parseInt(cell.get("count_" + k)), k);
			assertEquals(n / area, Double.parseDouble(cell.get("per_um2_" + k)), 1e-4, k);
			List<Double> a = angles.getOrDefault(k, List.of());
			if (a.isEmpty()) assertEquals("", cell.get("median_closing_angle_deg_" + k));
			else assertEquals(median(a), Double.parseDouble(cell.get("median_closing_angle_deg_" + k)), 0.051, k);
		}
		assertTrue(counts.values().stream().mapToInt(Integer::intValue).sum() > 0);
		assertEquals(c.getSummary().report().strip(), c.getReport().substring(c.getReport().indexOf("Cell "),
			c.getReport().indexOf("Results written")).strip());
	}

	@Test
	void aFolderOfCellsGetsOneSummaryAcrossCells(@TempDir Path dir) throws Exception {
		Path in = Files.createDirectories(dir.resolve("cells")), out = dir.resolve("out");
		Path all = Path.of("test-data", "simulated", "all-structures.csv");
		Files.copy(all, in.resolve("a.csv"));
		List<String> lines = Files.readAllLines(all);
		Files.write(in.resolve("b.csv"), lines.subList(0, lines.size() / 2)); // another cell: half the structures
		ClassifyCommand c = run(ClassifyCommand.class, "input", in.toFile(), "roi_column", "roi", "model",
			model.toFile(), "output", out.toFile());
		List<Map<String, String>> summary = rows(out.resolve(ClassifyTables.SUMMARY));
		assertEquals(List.of("a.csv", "b.csv"), summary.stream().map(r -> r.get("cell")).toList());
		assertEquals(2, c.getBatch().summaries().size());
		for (Map<String, String> cell : summary) {
			List<Map<String, String>> rows = rows(out.resolve(cell.get("cell").replace(".csv", "-results.csv")));
			assertEquals(Integer.toString(rows.size()), cell.get("structures"));
			for (String k : List.of("no", "yes"))
				assertEquals(rows.stream().filter(r -> r.get("prediction").equals(k)).count(),
					Long.parseLong(cell.get("count_" + k)), cell.get("cell") + " " + k);
			assertTrue(!rows.get(0).get("centroid_x_nm").isEmpty() && !rows.get(0).get("cap_radius_nm").isEmpty());
		}
		assertTrue(Integer.parseInt(summary.get(1).get("structures")) < Integer.parseInt(summary.get(0).get("structures")));
	}

	@Test
	void theSegmentFiltersAreDeclaredAlikeInEveryCommand() {
		for (String name : SegmentParameters.NAMES) {
			CommandParameters.Input a = CommandParameters.find(SegmentCommand.class, name).orElseThrow();
			CommandParameters.Input b = CommandParameters.find(ClassifyCommand.class, name).orElseThrow();
			assertEquals(a, b, name);
			assertEquals(a, CommandParameters.find(BatchCommand.class, name).orElseThrow(), name);
		}
	}

	@Test
	void aSummaryOrSegmentsFileNeverReplacesAnInput(@TempDir Path dir) throws Exception {
		Path cell = Files.copy(CELL, dir.resolve("cell-results-summary.csv"));
		Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> run(ClassifyCommand.class,
			"input", cell.toFile(), "model", model.toFile(), "output", dir.resolve("cell-results.csv").toFile(), "segment",
			true));
		assertInstanceOf(io.github.clathrin.task.InputException.class, e);
		assertEquals(Files.size(CELL), Files.size(cell));
		assertTrue(!Files.exists(dir.resolve("cell-results.csv")));
	}

	private static double median(List<Double> v) {
		double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
	}

	private static Object[] concat(Object[] a, Object... b) {
		Object[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
