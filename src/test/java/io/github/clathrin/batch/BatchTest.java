package io.github.clathrin.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.WholeCells;
import io.github.clathrin.localizations.LengthUnit;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * The batch core on a simulated screen of 20 whole cells (ROI-free tables): one results file per cell and one
 * summary row per cell, the same bytes on 1 and 2 threads and on a rerun that skips existing results, broken
 * cells listed with their error while the others finish, and the job and outcomes serializable for Spark.
 */
class BatchTest {

	static final int CELLS = 20, COATS = 8;

	@TempDir
	static Path shared;

	static Path model, screen;

	@BeforeAll
	static void screenAndModel() throws IOException {
		Path simulated = Path.of("test-data", "simulated");
		StructureSet set = StructureLoader.fromFolder(simulated.resolve("structures"),
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		set = Labels.read(simulated.resolve("labels.csv")).apply(set).structures();
		model = shared.resolve("model.zip");
		ModelFile.write(Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(), "svm", 1),
			Progress.NONE), model);
		screen = shared.resolve("screen");
		WholeCells.screen(screen, CELLS, COATS, 3, Progress.NONE);
	}

	static BatchJob job(Path out, boolean skip) {
		return new BatchJob(model.toString(), ReadOptions.DEFAULT, SegmentConfig.DEFAULT, 250, out.toString(), skip);
	}

	static BatchRun run(Path input, Path out, int threads, boolean skip) {
		return BatchRun.run(job(out, skip), BatchInputs.of(input), new LocalEngine(threads), Progress.NONE);
	}

	/** Every file of a folder and its bytes, by name. */
	static Map<String, byte[]> files(Path folder) throws IOException {
		Map<String, byte[]> out = new TreeMap<>();
		try (Stream<Path> s = Files.list(folder)) {
			for (Path p : (Iterable<Path>) s::iterator) out.put(p.getFileName().toString(), Files.readAllBytes(p));
		}
		return out;
	}

	static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
		assertEquals(expected.keySet(), actual.keySet());
		for (String name : expected.keySet()) assertArrayEquals(expected.get(name), actual.get(name), name);
	}

	@Test
	void aScreenGivesOneResultsFilePerCellAndOneSummaryRowPerCellTheSameOnOneAndTwoThreadsAndOnAResumedRerun()
		throws IOException
	{
		Path two = shared.resolve("two"), one = shared.resolve("one");
		BatchRun r = run(screen, two, 2, false);
		assertEquals(CELLS, r.classified(), r.report());
		Map<String, byte[]> first = files(two);
		List<String> expected = new ArrayList<>();
		for (int c = 1; c <= CELLS; c++) expected.add(String.format("cell-%03d-results.csv", c));
		expected.add(BatchJob.SUMMARY);
		assertEquals(expected, new ArrayList<>(first.keySet()));
		List<String> summary = Files.readAllLines(two.resolve(BatchJob.SUMMARY));
		assertEquals(CELLS + 1, summary.size());
		assertTrue(summary.get(0).endsWith(",status,error"), summary.get(0));
		for (int c = 1; c <= CELLS; c++) {
			String row = summary.get(c);
			assertTrue(row.startsWith(String.format("cell-%03d.csv,", c)) && row.endsWith(",ok,"), row);
			// each cell's coats are found: the structures column is about the coats simulated
			int structures = Integer.parseInt(row.split(",")[4]);
			assertTrue(structures >= COATS - 2 && structures <= COATS + 2, row);
		}

		run(screen, one, 1, false);
		assertSameFiles(first, files(one));

		// a rerun that skips existing results writes the same summary without classifying again
		BatchRun again = run(screen, two, 2, true);
		assertEquals(CELLS, again.skipped(), again.report());
		assertSameFiles(first, files(two));

		// a stopped batch resumes: the missing cells are classified, the others kept, and the bytes are the same
		Files.delete(two.resolve("cell-004-results.csv"));
		Files.delete(two.resolve("cell-017-results.csv"));
		Files.delete(two.resolve(BatchJob.SUMMARY));
		BatchRun resumed = run(screen, two, 2, true);
		assertEquals(2, resumed.classified(), resumed.report());
		assertEquals(CELLS - 2, resumed.skipped());
		assertSameFiles(first, files(two));
	}

	@Test
	void brokenCellsAreListedWithTheirErrorAndTheOthersFinish() throws IOException {
		Path in = Files.createDirectories(shared.resolve("broken-in")), out = shared.resolve("broken-out");
		for (String c : List.of("cell-001.csv", "cell-002.csv")) Files.copy(screen.resolve(c), in.resolve(c));
		byte[] whole = Files.readAllBytes(screen.resolve("cell-003.csv"));
		// cut in the middle of a line
		Files.write(in.resolve("cell-003.csv"), java.util.Arrays.copyOf(whole, whole.length / 2 + 7));
		Files.writeString(in.resolve("garbage.csv"), "\"x [nm]\",\"y [nm]\",\"z [nm]\"\n1,2,3\n4,five,6\n");
		BatchRun r = run(in, out, 2, false);
		List<String> summary = Files.readAllLines(out.resolve(BatchJob.SUMMARY));
		assertEquals(5, summary.size(), String.join("\n", summary));
		assertTrue(summary.get(1).startsWith("cell-001.csv,") && summary.get(1).endsWith(",ok,"), summary.get(1));
		assertTrue(summary.get(2).startsWith("cell-002.csv,") && summary.get(2).endsWith(",ok,"), summary.get(2));
		assertTrue(summary.get(3).startsWith("cell-003.csv,") && summary.get(3).contains(",input error,"),
			summary.get(3));
		assertTrue(summary.get(4).startsWith("garbage.csv,") && summary.get(4).contains(",input error,")
			&& summary.get(4).contains("garbage.csv") && summary.get(4).contains("line 3"), summary.get(4));
		assertEquals(2, r.failures().size());
		assertTrue(Files.exists(out.resolve("cell-001-results.csv")) && Files.exists(out.resolve("cell-002-results.csv")));
		assertTrue(Files.notExists(out.resolve("cell-003-results.csv")) && Files.notExists(out.resolve(
			"garbage-results.csv")));
		assertTrue(r.report().contains("failed cell-003.csv (input error): "), r.report());
	}

	@Test
	void aListFileNamesCellsAnywhereAndTwoCellsOfOneNameAreRefused() throws IOException {
		Path list = shared.resolve("cells.txt");
		Files.writeString(list, "# two cells\nscreen/cell-002.csv\n\n" + screen.resolve("cell-001.csv") + "\n");
		assertEquals(List.of(screen.resolve("cell-001.csv"), shared.resolve("screen/cell-002.csv")),
			BatchInputs.of(list).cells());
		Path other = Files.createDirectories(shared.resolve("other"));
		Files.copy(screen.resolve("cell-001.csv"), other.resolve("cell-001.csv"));
		Files.writeString(list, "screen/cell-001.csv\nother/cell-001.csv\n");
		InputException e = assertThrows(InputException.class, () -> BatchInputs.of(list));
		assertTrue(e.getMessage().contains("would both write cell-001-results.csv"), e.getMessage());
		Files.writeString(list, "screen/cell-001.csv\nscreen/missing.csv\n");
		e = assertThrows(InputException.class, () -> BatchInputs.of(list));
		assertTrue(e.getMessage().contains("cells.txt") && e.getMessage().contains("line 2")
			&& e.getMessage().contains("not found"), e.getMessage());
	}

	@Test
	void cancellingStopsTheBatch() {
		Progress cancelled = new Progress() {

			@Override
			public void report(String stage, long done, long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		Path out = shared.resolve("cancelled");
		assertThrows(CancelledException.class, () -> BatchRun.run(job(out, false), BatchInputs.of(screen),
			new LocalEngine(2), cancelled));
		assertTrue(Files.notExists(out.resolve(BatchJob.SUMMARY)));
	}

	@Test
	void theJobAndTheOutcomesSurviveJavaSerialization() throws Exception {
		BatchJob job = new BatchJob(model.toString(), new ReadOptions(LengthUnit.parse("px"), 160.0, 2, List.of("x",
			"y", "z")), SegmentConfig.DEFAULT, 250, "out", true);
		assertEquals(job, roundTrip(job));
		CellOutcome ok = CellTask.run(job(shared.resolve("serial"), false), ModelFile.read(model), screen.resolve(
			"cell-005.csv"), Progress.NONE);
		assertEquals(CellOutcome.Kind.CLASSIFIED, ok.kind(), String.valueOf(ok.error()));
		CellOutcome back = (CellOutcome) roundTrip(ok);
		assertEquals(ok.summary().row(), back.summary().row());
		assertArrayEquals(ok.summary().angles().get(1), back.summary().angles().get(1));
		CellOutcome failed = CellOutcome.failed("x.csv", CellOutcome.Kind.OUT_OF_MEMORY, "out of memory");
		assertEquals(failed, roundTrip(failed));
	}

	/** Running out of memory on one cell (an encoder that does, here) is that cell's outcome, listed in the summary. */
	@Test
	void aCellThatRunsOutOfMemoryIsAnOutcomeNotTheEndOfTheBatch() {
		Model real = ModelFile.read(model);
		Encoder e = real.encoder();
		Encoder greedy = new Encoder() {

			@Override
			public String name() {
				return e.name();
			}

			@Override
			public void fit(List<Sample> samples, long seed, Progress progress) {}

			@Override
			public double[] encode(Sample sample) {
				throw new OutOfMemoryError("Java heap space");
			}

			@Override
			public int dimension() {
				return e.dimension();
			}

			@Override
			public Map<String, Object> parameters() {
				return e.parameters();
			}

			@Override
			public void writeState(DataOutputStream out) {}
		};
		Model m = new Model(real.voxels(), greedy, real.classifier(), real.classNames(), real.training());
		Path out = shared.resolve("oom");
		CellOutcome o = CellTask.run(job(out, false), m, screen.resolve("cell-006.csv"), Progress.NONE);
		assertEquals(CellOutcome.Kind.OUT_OF_MEMORY, o.kind(), String.valueOf(o.error()));
		assertTrue(o.error().contains("cell-006.csv") && o.error().contains("out of memory"), o.error());
		assertTrue(Files.notExists(out.resolve("cell-006-results.csv")));
		String summary = BatchSummary.text(List.of(o), real.classNames());
		assertTrue(summary.lines().skip(1).findFirst().orElseThrow().startsWith("cell-006.csv,,"), summary);
		assertTrue(summary.contains(",out of memory,"), summary);
	}

	private static Object roundTrip(Object o) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(o);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return in.readObject();
		}
	}
}
