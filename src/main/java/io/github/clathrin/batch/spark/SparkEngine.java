package io.github.clathrin.batch.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.batch.BatchRun;
import io.github.clathrin.batch.CellOutcome;
import io.github.clathrin.batch.CellTask;
import io.github.clathrin.batch.UriEngine;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Runs the cells of a batch on Apache Spark, one task per cell: the driver broadcasts the model file's bytes,
 * each executor writes them to a local file once and each of its task threads reads the model once, then runs
 * {@link CellTask} exactly as the local engine does, so the same files are written; the outcomes come back to the
 * driver. Cells and the output folder are paths that every executor sees (local mode, or a shared file system on
 * a cluster), or URIs of Hadoop's file systems ({@link #runAt}, {@link HadoopBatch}). A task that fails (a lost executor) is retried by Spark; its cell's results file is written
 * atomically, so a retry replaces it whole and the driver gets one outcome per cell.
 */
public final class SparkEngine implements UriEngine {

	/** The engine's name. */
	public static final String NAME = "spark";

	/**
	 * Test only: with this system property set to {@code true} in the driver's JVM, every task's first attempt
	 * fails after its cell is written, as when an executor is lost, to check that Spark's retry neither loses nor
	 * repeats a cell.
	 */
	public static final String FAIL_FIRST_ATTEMPT = "clathrin.test.sparkFailFirstAttempt";

	private final String master;
	private final JavaSparkContext given;

	/** @param master where Spark runs; null: what spark-submit set, else {@code local[*]} */
	public SparkEngine(String master) {
		this.master = master;
		this.given = null;
	}

	/** An engine on a running context, which it leaves running (tests share one, programs may embed one). */
	public SparkEngine(JavaSparkContext context) {
		this.master = null;
		this.given = context;
	}

	/** The configuration of a context this engine starts: Spark's quiet, the master unless spark-submit set it. */
	static SparkConf conf(String master) {
		SparkConf conf = new SparkConf().setAppName("Clathrin Classifier batch");
		if (master != null && !master.isBlank()) conf.setMaster(master.strip());
		else conf.setIfMissing("spark.master", "local[*]");
		// Spark logs at INFO by default: pages of it for every batch. spark-submit --conf spark.log.level=INFO
		// brings it back.
		conf.setIfMissing("spark.log.level", "WARN");
		// The web UI is for clusters; on one computer it only takes a port.
		if (conf.get("spark.master").startsWith("local")) conf.setIfMissing("spark.ui.enabled", "false");
		return conf;
	}

	@Override
	public List<CellOutcome> run(BatchJob job, List<Path> cells, Progress progress) {
		if (cells.isEmpty()) return List.of();
		byte[] model;
		try {
			model = Files.readAllBytes(job.modelFile());
		}
		catch (IOException e) {
			throw InputException.inFile(job.modelFile(), "cannot read the model (" + e.getMessage() + ")");
		}
		return onContext(sc -> {
			Broadcast<byte[]> bytes = sc.broadcast(model);
			try {
				return classifyAll(sc, cells.stream().map(Path::toString).toList(), cell -> CellTask.run(job,
					ExecutorModels.get(bytes), Path.of(cell), Progress.NONE), progress);
			}
			finally {
				bytes.destroy();
			}
		});
	}

	/** A batch on Hadoop's file systems ({@code hdfs://}, {@code s3a://}...): {@link HadoopBatch}. */
	@Override
	public BatchRun runAt(BatchJob job, String input, Progress progress) {
		return onContext(sc -> HadoopBatch.run(sc, job, input, progress));
	}

	/** Work on this engine's context: the given one, or one started for it and stopped after. */
	private <T> T onContext(java.util.function.Function<JavaSparkContext, T> work) {
		JavaSparkContext sc = given != null ? given : new JavaSparkContext(conf(master));
		try {
			return work.apply(sc);
		}
		finally {
			if (given == null) sc.stop();
		}
	}

	/**
	 * Runs {@code task} on every cell, one Spark task per cell, and returns the outcomes sorted by cell name;
	 * cancelled with {@code progress}.
	 */
	static List<CellOutcome> classifyAll(JavaSparkContext sc, List<String> cells, Function<String, CellOutcome> task,
		Progress progress)
	{
		if (cells.isEmpty()) return List.of();
		boolean failFirst = Boolean.getBoolean(FAIL_FIRST_ATTEMPT);
		String group = "clathrin-batch-" + System.nanoTime();
		sc.setJobGroup(group, "classify " + cells.size() + " cells", true);
		try {
			// One partition per cell: one task per cell, so Spark balances cells over the executors and retries
			// one cell alone.
			JavaFutureAction<List<CellOutcome>> action = sc.parallelize(cells, cells.size())
				.map(cell -> failIfFirstAttempt(task.call(cell), failFirst)).collectAsync();
			List<CellOutcome> sorted = new ArrayList<>(await(sc, action, group, cells.size(), progress));
			sorted.sort(Comparator.comparing(CellOutcome::cell));
			return sorted;
		}
		finally {
			sc.clearJobGroup();
		}
	}

	/** Waits for the job, reporting finished cells and cancelling the job when the user stops. */
	private static List<CellOutcome> await(JavaSparkContext sc, JavaFutureAction<List<CellOutcome>> action,
		String group, int cells, Progress progress)
	{
		while (true) {
			if (progress.isCancelled()) {
				sc.cancelJobGroup(group);
				action.cancel(true);
				throw new CancelledException();
			}
			try {
				return action.get(250, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException e) {
				progress.report("Classified cells on Spark", finished(sc, action), cells);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				sc.cancelJobGroup(group);
				throw new CancelledException();
			}
			catch (ExecutionException e) {
				// A cell's own failure is its outcome: only a task that failed spark.task.maxFailures times (lost
				// executors, a model the executors cannot read) gets here.
				Throwable cause = e.getCause();
				if (cause instanceof InputException ie) throw ie;
				throw new IllegalStateException("the Spark job failed: " + (cause == null ? e : cause).getMessage(),
					cause == null ? e : cause);
			}
		}
	}

	private static long finished(JavaSparkContext sc, JavaFutureAction<?> action) {
		long done = 0;
		for (int job : action.jobIds()) {
			SparkJobInfo info = sc.statusTracker().getJobInfo(job);
			if (info == null) continue;
			for (int stage : info.stageIds()) {
				SparkStageInfo s = sc.statusTracker().getStageInfo(stage);
				if (s != null) done += s.numCompletedTasks();
			}
		}
		return done;
	}

	/** The test hook of {@link #FAIL_FIRST_ATTEMPT}: a first attempt fails after its cell was written. */
	private static CellOutcome failIfFirstAttempt(CellOutcome outcome, boolean failFirst) {
		TaskContext task = TaskContext.get();
		if (failFirst && task != null && task.attemptNumber() == 0)
			throw new IllegalStateException("test: the first attempt of " + outcome.cell() + " fails after its cell "
				+ "was written, as when its executor is lost (" + FAIL_FIRST_ATTEMPT + ")");
		return outcome;
	}

	/**
	 * The model on an executor: its file written once per executor JVM from the broadcast bytes, read once per
	 * task thread (models are not shared between threads, as in the local engine).
	 */
	static final class ExecutorModels {

		private static final Map<Long, Path> FILES = new ConcurrentHashMap<>();
		private static final ThreadLocal<Map.Entry<Long, Model>> MODELS = new ThreadLocal<>();

		private ExecutorModels() {}

		static Model get(Broadcast<byte[]> model) {
			Map.Entry<Long, Model> mine = MODELS.get();
			if (mine != null && mine.getKey() == model.id()) return mine.getValue();
			Path file = FILES.computeIfAbsent(model.id(), id -> {
				try {
					Path f = Files.createTempFile("clathrin-model-" + id + "-", ".zip");
					f.toFile().deleteOnExit();
					AtomicFiles.write(f, out -> out.write(model.value())); // whole or absent, like every file we write
					return f;
				}
				catch (IOException e) {
					throw new UncheckedIOException("cannot write the broadcast model to a local file", e);
				}
			});
			Model m = ModelFile.read(file);
			MODELS.set(Map.entry(model.id(), m));
			return m;
		}
	}
}
