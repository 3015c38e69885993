package io.github.clathrin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.clathrin.batch.BatchInputs;
import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.batch.BatchRun;
import io.github.clathrin.batch.Engine;
import io.github.clathrin.batch.EngineSettings;
import io.github.clathrin.batch.Engines;
import io.github.clathrin.batch.LocalEngine;
import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * The screen benchmark: a screen of generated whole cells (the whole-cell benchmark's table, one seed per cell)
 * classified by {@code batch} on each engine given ({@code local:1}, {@code local:2}, {@code spark:local[2]}...),
 * in one process: seconds, cells/s, localizations/s and the peak resident memory of each run, and a check that
 * every engine wrote the same bytes as the first.
 */
public final class BatchBenchmark {

	/** One engine to measure: its name and argument as {@code name:argument} (threads for local, master for spark). */
	public record Setup(String name, String argument) {

		public static Setup parse(String text) {
			int colon = text.indexOf(':');
			return colon < 0 ? new Setup(text.strip(), null) : new Setup(text.substring(0, colon).strip(),
				text.substring(colon + 1).strip());
		}

		Engine engine() {
			if (name.equals(LocalEngine.NAME))
				return Engines.create(name, new EngineSettings(argument == null ? 0 : Integer.parseInt(argument), null));
			return Engines.create(name, new EngineSettings(0, argument));
		}

		@Override
		public String toString() {
			// --threads of the local engine is how many cells run at once; each cell itself uses every core.
			return argument == null ? name : name.equals(LocalEngine.NAME) ? name + ", " + argument + (argument.equals(
				"1") ? " cell" : " cells") + " at a time" : name + " " + argument;
		}
	}

	private final int cells;
	private final long rows;
	private final List<Setup> setups;
	private final Path workDir;
	private final Progress progress;

	/**
	 * @param rows localizations per cell
	 */
	public BatchBenchmark(int cells, long rows, List<Setup> setups, Path workDir, Progress progress) {
		if (cells < 1 || setups.isEmpty()) throw new IllegalArgumentException("a screen benchmark needs cells and engines");
		if (rows < SegmentationBenchmark.PER_COAT || rows > Integer.MAX_VALUE) throw new IllegalArgumentException(
			"rows per cell must be between " + SegmentationBenchmark.PER_COAT + " and " + Integer.MAX_VALUE);
		this.cells = cells;
		this.rows = rows;
		this.setups = List.copyOf(setups);
		this.workDir = workDir;
		this.progress = progress;
	}

	/** Runs the benchmark and returns its Markdown section. */
	public String run() throws IOException {
		Path screen = workDir.resolve("screen-" + cells + "x" + rows);
		Files.createDirectories(screen);
		for (int c = 1; c <= cells; c++) {
			progress.report("Writing " + cells + " cells of " + rows + " rows", c - 1, cells);
			Path cell = screen.resolve(String.format(Locale.ROOT, "cell-%03d.csv", c));
			if (!Files.exists(cell)) SegmentationBenchmark.write(cell, rows, c);
		}
		progress.report("Training a PCA model", 0, 1);
		Path model = workDir.resolve("screen-model.zip");
		ModelFile.write(Training.train(new ClathrinSimulator(SimulationConfig.defaults().withCounts(200, 100)).simulate(
			progress).toStructureSet(), new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(), "svm", 1), progress),
			model);
		BatchInputs inputs = BatchInputs.of(screen);
		StringBuilder md = new StringBuilder("## A screen of whole cells (batch)\n\n");
		md.append(String.format(Locale.ROOT, "%d generated cells of %,d localizations each (the whole-cell benchmark's "
			+ "table: coats of %d localizations on a %.0f nm grid, %.0f%% background; one seed per cell), classified "
			+ "by `batch` (read, DBSCAN at the default settings, PCA + SVM trained on 200 simulated structures, cap "
			+ "fits, results and summary written) on each engine in turn, in one process. Peak memory: the process's "
			+ "resident peak (VmHWM) during that run, reset before it where Linux allows. CPU: the process's CPU time "
			+ "during that run (every thread: a cell's DBSCAN and cap fits run in parallel on all cores even with one "
			+ "worker), so localizations per CPU-second is the throughput of one core.%n%n", cells, rows,
			SegmentationBenchmark.PER_COAT, SegmentationBenchmark.SPACING, 100 * SegmentationBenchmark.BACKGROUND));
		md.append("| engine | seconds | cells/s | localizations/s | CPU-seconds | localizations per CPU-second "
			+ "| peak resident memory |\n|---|---|---|---|---|---|---|\n");
		Path first = null;
		List<String> notes = new ArrayList<>();
		for (Setup s : setups) {
			Path out = workDir.resolve("screen-out-" + s.name() + "-" + (s.argument() == null ? "default" : s.argument()
				.replaceAll("[^A-Za-z0-9]+", "_")));
			delete(out);
			Engine engine = s.engine();
			System.gc();
			boolean reset = resetPeak();
			long t = System.nanoTime(), cpu = cpuNanos();
			BatchRun r = BatchRun.run(new BatchJob(model.toString(), ReadOptions.DEFAULT, SegmentConfig.DEFAULT, 250, out
				.toString(), false), inputs, engine, progress.prefixed(s + ": "));
			double seconds = (System.nanoTime() - t) / 1e9, cpuSeconds = (cpuNanos() - cpu) / 1e9;
			if (!r.failures().isEmpty()) throw new IllegalStateException(s + ": " + r.report());
			md.append(String.format(Locale.ROOT, "| %s | %.1f | %.3f | %,.0f | %.1f | %,.0f | %s%s |%n", s, seconds, cells
				/ seconds, cells * rows / seconds, cpuSeconds, cells * rows / cpuSeconds, DeepBenchmarks.peakRss(), reset
					? "" : " (since start)"));
			if (first == null) first = out;
			else notes.add(s + (sameFiles(first, out) ? " wrote the same bytes as " : " wrote OTHER bytes than ")
				+ setups.get(0));
		}
		md.append('\n');
		for (String n : notes) md.append(n).append(".\n");
		return md.toString();
	}

	/** CPU time of the whole process, every thread (Spark's local mode included). */
	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** Resets the process's peak resident memory (Linux 4.0 and later), so that each run has its own. */
	private static boolean resetPeak() {
		try {
			Files.writeString(Path.of("/proc/self/clear_refs"), "5");
			return true;
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static boolean sameFiles(Path a, Path b) throws IOException {
		List<String> names = names(a);
		if (!names.equals(names(b))) return false;
		for (String n : names)
			if (!Arrays.equals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)))) return false;
		return true;
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) return;
		try (Stream<Path> s = Files.walk(folder)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
		}
	}
}
