package io.github.clathrin.batch.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.batch.BatchInputs;
import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.batch.BatchRun;
import io.github.clathrin.batch.CellOutcome;
import io.github.clathrin.batch.LocalEngine;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.WholeCell;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * The Spark engine against the local one on a screen of generated whole cells, in Spark's local mode: the same
 * results files and summary byte for byte, a cell that cannot be read listed with its message, and a task that
 * fails once (a lost executor) retried without a cell lost or repeated. One Spark context for the class:
 * {@code local[2,2]} is two executor threads and, as spark.task.maxFailures does on a cluster, two attempts per
 * task (plain {@code local[2]} gives one).
 */
class SparkEngineTest {

	static final int CELLS = 20;

	@TempDir
	static Path tmp;

	private static JavaSparkContext spark;
	private static Path model, cells;
	private static BatchRun reference;
	private static final AtomicInteger failedAttempts = new AtomicInteger();

	@BeforeAll
	static void screen() throws IOException {
		Path simulated = Path.of("test-data", "simulated");
		StructureSet set = StructureLoader.fromFolder(simulated.resolve("structures"),
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		set = Labels.read(simulated.resolve("labels.csv")).apply(set).structures();
		model = tmp.resolve("model.zip");
		ModelFile.write(Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(), "svm", 1),
			Progress.NONE), model);
		cells = Files.createDirectories(tmp.resolve("cells"));
		for (int i = 0; i < CELLS; i++)
			WholeCell.write(cells.resolve(String.format("cell-%02d.csv", i)), 4 + i % 5, 300, 100 + i);
		// A table whose coordinates are no numbers: a cell that cannot be read.
		Files.writeString(cells.resolve("cell-broken.csv"), "x [nm],y [nm],z [nm]\n1,2,3\n4,five,6\n");
		// The reference: the local engine, as the user's laptop would run it.
		reference = batch("local", new LocalEngine(2));
		spark = new JavaSparkContext(SparkEngine.conf("local[2,2]"));
		spark.sc().addSparkListener(new SparkListener() {

			@Override
			public void onTaskEnd(SparkListenerTaskEnd end) {
				if (end.reason() != Success$.MODULE$) failedAttempts.incrementAndGet();
			}
		});
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.stop();
	}

	private static BatchRun batch(String out, io.github.clathrin.batch.Engine engine) {
		BatchJob job = new BatchJob(model.toString(), ReadOptions.DEFAULT, SegmentConfig.DEFAULT, 100,
			tmp.resolve(out).toString(), false);
		return BatchRun.run(job, BatchInputs.of(cells), engine, Progress.NONE);
	}

	@Test
	void sameFilesAsTheLocalEngine() throws IOException {
		BatchRun onSpark = batch("spark", new SparkEngine(spark));

		assertEquals(CELLS + 1, onSpark.outcomes().size());
		assertEquals(CELLS, onSpark.classified(), onSpark.report());
		assertSameFiles(tmp.resolve("local"), tmp.resolve("spark"));
		assertEquals(reference.outcomes().stream().map(o -> o.cell() + " " + o.kind() + " " + o.error()).toList(),
			onSpark.outcomes().stream().map(o -> o.cell() + " " + o.kind() + " " + o.error()).toList());

		CellOutcome broken = onSpark.failures().get(0);
		assertEquals("cell-broken.csv", broken.cell());
		assertEquals(CellOutcome.Kind.INPUT, broken.kind());
		String row = Files.readAllLines(tmp.resolve("spark").resolve(BatchJob.SUMMARY)).stream()
			.filter(l -> l.startsWith("cell-broken.csv,")).findFirst().orElseThrow();
		assertTrue(row.contains("input error") && row.contains("cell-broken.csv") && row.contains("line 3"), row);
	}

	@Test
	void aTaskLostOnceIsRetriedWithoutLosingOrRepeatingACell() throws IOException {
		int before = failedAttempts.get();
		System.setProperty(SparkEngine.FAIL_FIRST_ATTEMPT, "true");
		BatchRun run;
		try {
			run = batch("retried", new SparkEngine(spark));
		}
		finally {
			System.clearProperty(SparkEngine.FAIL_FIRST_ATTEMPT);
		}
		// Every cell's first attempt failed after writing its results; the second wrote them again, whole.
		assertEquals(CELLS + 1, failedAttempts.get() - before);
		assertEquals(CELLS + 1, run.outcomes().size());
		assertEquals(CELLS + 1, run.outcomes().stream().map(CellOutcome::cell).distinct().count());
		assertSameFiles(tmp.resolve("local"), tmp.resolve("retried"));
	}

	@Test
	void readsAndWritesHdfs() throws IOException {
		Configuration conf = new Configuration();
		conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs-cluster").toString());
		MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
		try {
			FileSystem fs = hdfs.getFileSystem();
			String root = "hdfs://localhost:" + hdfs.getNameNodePort() + "/lab/screen 1";
			fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(cells.toUri()), new org.apache.hadoop.fs.Path(root
				+ "/cells"));
			fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(model.toUri()), new org.apache.hadoop.fs.Path(root
				+ "/model.zip"));
			// A labels file beside the cells is left out with a warning, as in a local folder.
			try (var out = fs.create(new org.apache.hadoop.fs.Path(root + "/cells/labels.csv"))) {
				out.write("key,label\ncell-00,yes\n".getBytes(StandardCharsets.UTF_8));
			}
			BatchJob job = new BatchJob(root + "/model.zip", ReadOptions.DEFAULT, SegmentConfig.DEFAULT, 100, root
				+ "/out", false);
			int before = failedAttempts.get();
			System.setProperty(SparkEngine.FAIL_FIRST_ATTEMPT, "true");
			BatchRun run;
			try {
				run = new SparkEngine(spark).runAt(job, root + "/cells", Progress.NONE);
			}
			finally {
				System.clearProperty(SparkEngine.FAIL_FIRST_ATTEMPT);
			}
			// Every first attempt failed after its results were on HDFS: the retry replaced them whole.
			assertEquals(CELLS + 1, failedAttempts.get() - before);
			assertEquals(CELLS, run.classified(), run.report());
			assertTrue(run.warnings().toString().contains("labels.csv"), run.warnings().toString());
			assertTrue(run.report().contains(root + "/out/" + BatchJob.SUMMARY), run.report());
			run.output().write(BatchJob.SUMMARY_PLOT, o -> o.write(new byte[] { 1, 2, 3 }));

			Path back = tmp.resolve("from-hdfs");
			fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(root + "/out"), new org.apache.hadoop.fs.Path(back
				.toUri()), true);
			assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(back.resolve(BatchJob.SUMMARY_PLOT)));
			Files.delete(back.resolve(BatchJob.SUMMARY_PLOT));
			// The same results, byte for byte; the summary too, but for the unreadable cell's message, which
			// names the cell where it is, on HDFS, not the executor's local copy.
			Path summary = back.resolve(BatchJob.SUMMARY), expected = tmp.resolve("local").resolve(BatchJob.SUMMARY);
			String local = cells.resolve("cell-broken.csv").toString(), remote = root + "/cells/cell-broken.csv";
			assertEquals(Files.readString(expected).replace(local, remote), Files.readString(summary));
			Files.writeString(summary, Files.readString(expected));
			assertSameFiles(tmp.resolve("local"), back);

			// A rerun with skip existing resumes: two cells lost their results, only they are classified again,
			// and the summary is the first run's.
			fs.delete(new org.apache.hadoop.fs.Path(root + "/out/cell-03-results.csv"), false);
			fs.delete(new org.apache.hadoop.fs.Path(root + "/out/cell-07-results.csv"), false);
			BatchRun resumed = new SparkEngine(spark).runAt(new BatchJob(job.model(), ReadOptions.DEFAULT,
				SegmentConfig.DEFAULT, 100, job.output(), true), root + "/cells", Progress.NONE);
			assertEquals(2, resumed.classified(), resumed.report());
			assertEquals(CELLS - 2, resumed.skipped());
			try (var in = fs.open(new org.apache.hadoop.fs.Path(root + "/out/" + BatchJob.SUMMARY))) {
				assertEquals(Files.readString(expected).replace(local, remote), new String(in.readAllBytes(),
					StandardCharsets.UTF_8));
			}

			// What is missing on HDFS is named there.
			InputException noModel = assertThrows(InputException.class, () -> new SparkEngine(spark).runAt(new BatchJob(
				root + "/nope.zip", ReadOptions.DEFAULT, SegmentConfig.DEFAULT, 100, job.output(), false), root + "/cells",
				Progress.NONE));
			assertEquals(root + "/nope.zip: model file not found", noModel.getMessage());
			InputException noCells = assertThrows(InputException.class, () -> new SparkEngine(spark).runAt(job, root
				+ "/no cells", Progress.NONE));
			assertEquals(root + "/no cells: input not found", noCells.getMessage());
			InputException intoCells = assertThrows(InputException.class, () -> new SparkEngine(spark).runAt(new BatchJob(
				job.model(), ReadOptions.DEFAULT, SegmentConfig.DEFAULT, 100, root + "/cells", false), root + "/cells",
				Progress.NONE));
			assertTrue(intoCells.getMessage().contains("is the input folder") && intoCells.getMessage().contains(
				"refusing"), intoCells.getMessage());
			assertEquals(CELLS + 2, fs.listStatus(new org.apache.hadoop.fs.Path(root + "/cells")).length);
		}
		finally {
			hdfs.shutdown();
		}
	}

	/** The same file names with the same bytes, and at least every cell's results and the summary. */
	static void assertSameFiles(Path expected, Path actual) throws IOException {
		List<String> names = names(expected);
		assertEquals(names, names(actual));
		assertTrue(names.contains(BatchJob.SUMMARY) && names.size() >= CELLS + 1, names.toString());
		for (String n : names)
			assertArrayEquals(Files.readAllBytes(expected.resolve(n)), Files.readAllBytes(actual.resolve(n)),
				() -> n + " differs:\n" + text(expected.resolve(n)) + "\n---\n" + text(actual.resolve(n)));
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	private static String text(Path file) {
		try {
			String s = Files.readString(file, StandardCharsets.UTF_8);
			return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
		}
		catch (IOException e) {
			return e.toString();
		}
	}
}
