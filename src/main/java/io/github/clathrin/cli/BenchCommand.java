package io.github.clathrin.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.clathrin.bench.BatchBenchmark;
import io.github.clathrin.bench.Benchmarks;
import io.github.clathrin.bench.DeepBenchmarks;
import io.github.clathrin.bench.RenderBenchmark;
import io.github.clathrin.bench.SegmentationBenchmark;
import io.github.clathrin.deep.DeepEncoder;
import io.github.clathrin.deep.DeepEncoders;
import io.github.clathrin.deep.LayerTimes;
import io.github.clathrin.pipeline.EncoderOptions;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.ShellWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clathrin bench}: runs the benchmark harness and writes docs/benchmarks.md. */
@Command(name = "bench", description = "Measure import, voxelization and evaluation speed; write Markdown.")
final class BenchCommand implements Callable<Integer> {

	@Option(names = "--rows", defaultValue = "10000000", description = "Rows of the generated CSV.")
	long rows;

	@Option(names = "--no-baseline", description = "Skip the ThunderSTORM-style import loop.")
	boolean noBaseline;

	@Option(names = "--structures", defaultValue = "899")
	int structures;

	@Option(names = "--labelled", defaultValue = "280")
	int labelled;

	@Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR", description = "Scratch folder.")
	File work;

	@Option(names = "--out", paramLabel = "FILE", description = "Markdown file to write (default: print only).")
	File out;

	@Option(names = "--deep", description = "Also benchmark the deep encoders (tens of minutes).")
	boolean deep;

	@Option(names = "--deep-only", description = "Only the deep encoders' benchmarks.")
	boolean deepOnly;

	@Option(names = "--streamed", defaultValue = "60000", paramLabel = "N",
		description = "Augmented samples in the streaming benchmark (default 60000, as the study).")
	int streamed;

	@Option(names = "--deep-epochs", paramLabel = "N", description = "Epochs of the deep evaluation (default: the "
		+ "encoders' own default, with early stopping).")
	Integer deepEpochs;

	@Option(names = "--segmentation", description = "Only the whole-cell benchmark: a --rows table read, segmented "
		+ "with DBSCAN and classified, with peak memory.")
	boolean segmentation;

	@Option(names = "--render", description = "Only the rendering benchmark: a --rows table read and rendered as "
		+ "`render` does (Gaussian, histogram, z-stack), written as TIFF and PNG, with peak memory.")
	boolean render;

	@Option(names = "--batch", description = "Only the screen benchmark: --cells generated cells of --cell-rows "
		+ "localizations classified by batch on each of --batch-engines, with cells/s, localizations/s and peak memory.")
	boolean batch;

	@Option(names = "--cells", defaultValue = "20", description = "Cells of the screen benchmark (default 20).")
	int cells;

	@Option(names = "--cell-rows", defaultValue = "1000000", paramLabel = "N",
		description = "Localizations per cell of the screen benchmark (default 1000000).")
	long cellRows;

	@Option(names = "--batch-engines", defaultValue = "local:1,local:2", split = ",", paramLabel = "ENGINE:ARG",
		description = "Engines of the screen benchmark, in order: local:THREADS or spark:MASTER (default local:1,local:2).")
	List<String> batchEngines;

	@Option(names = "--official-split", paramLabel = "FILE.npz", hidden = true, description = "Train a supervised deep "
		+ "encoder on X_train/y_train of the file and print its accuracy on X_test/y_test and the training time.")
	File officialSplit;

	@Option(names = "--layers", description = "Only the per-layer benchmark: the forward and backward time of each layer "
		+ "of --encoder's network (with its -E options) on --grid^3 batches, next to a whole training step.")
	boolean layers;

	@Option(names = "--grid", defaultValue = "30", description = "Grid edge of --layers (default 30).")
	int grid;

	@Option(names = "--classes", defaultValue = "10", description = "Classes of a supervised encoder in --layers (default 10).")
	int classes;

	@Option(names = "--timed-batches", defaultValue = "20", paramLabel = "N", description = "Batches timed by --layers (default 20).")
	int timedBatches;

	@Option(names = "--encoder", defaultValue = "cnn", description = "Deep encoder of --layers (and --official-split); default cnn.")
	String encoder;

	@Option(names = { "-E", "--encoder-option" }, paramLabel = "KEY=VALUE",
		description = "Option of --encoder, repeatable: e.g. -E filters=16,32 -E batchnorm=true.")
	List<String> encoderOptions = new ArrayList<>();

	@Option(names = "--seed", defaultValue = "1", hidden = true, description = "Seed of --official-split.")
	long seed;

	@Override
	public Integer call() throws IOException {
		ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
		Map<String, Object> options = EncoderOptions.parse(String.join(" ", encoderOptions), List.of(encoder), null)
			.getOrDefault(encoder, Map.of());
		if (layers) {
			if (!DeepEncoders.NAMES.contains(encoder))
				throw new InputException("--layers times a deep encoder's network (" + String.join(", ", DeepEncoders.NAMES)
					+ "), not " + encoder);
			if (grid < 1) throw new InputException("--grid must be at least 1 voxel, got " + grid);
			if (classes < 2) throw new InputException("--classes must be at least 2, got " + classes);
			if (timedBatches < 1) throw new InputException("--timed-batches must be at least 1, got " + timedBatches);
			DeepEncoder network;
			try {
				network = DeepEncoders.create(encoder, options);
			}
			catch (IllegalArgumentException e) {
				throw new InputException(encoder + ": " + e.getMessage());
			}
			String md = "# Benchmarks\n\n" + machine() + "\n"
				+ LayerTimes.measure(network, grid, classes, timedBatches, seed, progress).toMarkdown();
			progress.finish();
			System.out.println(md);
			if (out != null) AtomicFiles.writeString(out.toPath(), md);
			return 0;
		}
		if (officialSplit != null) {
			String report = DeepBenchmarks.officialSplit(officialSplit.toPath(), encoder, options, seed, progress);
			progress.finish();
			System.out.print(report);
			return 0;
		}
		if (batch) {
			String body = new BatchBenchmark(cells, cellRows, batchEngines.stream().map(BatchBenchmark.Setup::parse)
				.toList(), work.toPath(), progress).run();
			progress.finish();
			String md = "# Benchmarks\n\n" + machine() + "\n" + body;
			System.out.println(md);
			if (out != null) AtomicFiles.writeString(out.toPath(), md);
			return 0;
		}
		if (segmentation || render) {
			// Alone in its process, so that the peak memory reading is the pipeline's own.
			String body = segmentation ? new SegmentationBenchmark(rows, work.toPath(), progress).run()
				: new RenderBenchmark(rows, work.toPath(), progress).run();
			progress.finish();
			String md = "# Benchmarks\n\n" + machine() + "\n" + body;
			System.out.println(md);
			if (out != null) AtomicFiles.writeString(out.toPath(), md);
			return 0;
		}
		DeepBenchmarks.Settings deepSettings = deep || deepOnly ? new DeepBenchmarks.Settings(streamed, deepEpochs) : null;
		String body = new Benchmarks(new Benchmarks.Settings(rows, !noBaseline, structures, labelled, work.toPath(),
			deepSettings, !deepOnly), progress).run();
		progress.finish();
		String md = "# Benchmarks\n\n" + machine() + "\n" + body;
		System.out.println(md);
		if (out != null) AtomicFiles.writeString(out.toPath(), md);
		return 0;
	}

	private String machine() {
		if (layers) {
			StringBuilder cmd = new StringBuilder("./clathrin bench --layers --encoder " + encoder);
			for (String o : encoderOptions) cmd.append(" -E ").append(ShellWords.quote(o));
			if (grid != 30) cmd.append(" --grid ").append(grid);
			if (classes != 10) cmd.append(" --classes ").append(classes);
			if (timedBatches != 20) cmd.append(" --timed-batches ").append(timedBatches);
			if (out != null) cmd.append(" --out ").append(ShellWords.quote(out.toString()));
			return header(cmd);
		}
		StringBuilder cmd = new StringBuilder(batch ? "./clathrin bench --batch --cells " + cells + " --cell-rows " + cellRows
			+ " --batch-engines " + String.join(",", batchEngines) : "./clathrin bench --rows " + rows);
		if (segmentation) cmd.append(" --segmentation");
		if (render) cmd.append(" --render");
		if (noBaseline) cmd.append(" --no-baseline");
		if (deepOnly) cmd.append(" --deep-only");
		else if (deep) cmd.append(" --deep");
		if ((deep || deepOnly) && streamed != 60000) cmd.append(" --streamed ").append(streamed);
		if (deepEpochs != null) cmd.append(" --deep-epochs ").append(deepEpochs);
		if (structures != 899 || labelled != 280) cmd.append(" --structures ").append(structures).append(" --labelled ").append(labelled);
		if (out != null) cmd.append(" --out ").append(ShellWords.quote(out.toString()));
		return header(cmd);
	}

	private static String header(StringBuilder cmd) {
		String cpu = "unknown CPU";
		try {
			Path info = Path.of("/proc/cpuinfo");
			if (Files.isReadable(info)) for (String l : Files.readAllLines(info))
				if (l.startsWith("model name")) {
					cpu = l.substring(l.indexOf(':') + 1).trim();
					break;
				}
		}
		catch (IOException e) {
			// leave it unknown
		}
		return String.format(Locale.ROOT, "Produced by `%s` on %s.%n%nMachine: %s, %d cores, %.0f GB memory, "
			+ "Java %s (max heap %.1f GB), %s %s.%n", cmd, LocalDate.now(), cpu,
			Runtime.getRuntime().availableProcessors(), totalMemoryGb(), System.getProperty("java.version"),
			Runtime.getRuntime().maxMemory() / 1e9, System.getProperty("os.name"), System.getProperty("os.arch"));
	}

	private static double totalMemoryGb() {
		try {
			for (String l : Files.readAllLines(Path.of("/proc/meminfo")))
				if (l.startsWith("MemTotal:")) return Long.parseLong(l.replaceAll("\\D", "")) / 1e6;
		}
		catch (IOException | RuntimeException e) {
			// not Linux: leave it unknown
		}
		return Double.NaN;
	}
}
