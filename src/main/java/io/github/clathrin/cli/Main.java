package io.github.clathrin.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.batch.BatchOutput;
import io.github.clathrin.batch.BatchSummary;
import io.github.clathrin.commands.BatchCommand;
import io.github.clathrin.commands.ClassifyCommand;
import io.github.clathrin.commands.ClathrinCommand;
import io.github.clathrin.commands.EvaluateCommand;
import io.github.clathrin.commands.InfoCommand;
import io.github.clathrin.commands.ReconstructCommand;
import io.github.clathrin.commands.RenderCommand;
import io.github.clathrin.commands.SegmentCommand;
import io.github.clathrin.commands.SimulateCommand;
import io.github.clathrin.commands.TrainCommand;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.render.Renderer;
import io.github.clathrin.render.Rendering;
import io.github.clathrin.render.StructureOutlines;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.OutOfMemoryException;
import io.github.clathrin.ui.CellOverlay;
import io.github.clathrin.ui.CellSummaryPlot;
import io.github.clathrin.ui.ConfusionMatrixPlot;
import io.github.clathrin.ui.CurvePlot;
import io.github.clathrin.ui.EvaluationFigures;
import io.github.clathrin.ui.Gallery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code clathrin} command line: the same SciJava commands the Fiji menus run. */
@Command(name = "clathrin", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
	versionProvider = Main.Version.class,
	description = "Classifies clathrin structures in 3D single-molecule localization data.",
	subcommands = { Main.Demo.class, Main.Info.class, Main.Simulate.class, Main.Evaluate.class, Main.Train.class,
		Main.Classify.class, Main.Batch.class, Main.Segment.class, Main.Render.class, Main.Reconstruct.class, ReproduceCommand.class,
		BenchCommand.class })
public final class Main implements Callable<Integer> {

	@Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
	boolean debug;

	public static void main(String[] args) {
		CtrlC.install(System.err);
		int code = run(args);
		CtrlC.finished();
		System.exit(code);
	}

	/** Runs the command line and returns the exit code (for tests: no System.exit). */
	public static int run(String... args) {
		CommandLine cli = commandLine();
		cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
			boolean debug = parsed.matchedOption("--debug") != null
				|| parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--debug") != null);
			return handle(e, cmd.getErr(), debug);
		});
		try {
			return cli.execute(args);
		}
		catch (OutOfMemoryError e) {
			// picocli passes only Exceptions to the handler; errors outside a command (drawing a gallery) end here.
			String step = args.length > 0 && !args[0].startsWith("-") ? args[0] : "clathrin";
			return handle(new OutOfMemoryException(step, e), cli.getErr(), false);
		}
		catch (Error e) {
			return handle(e, cli.getErr(), false);
		}
	}

	/**
	 * Reports a failure on stderr and returns the exit code: bad input is one line (exit 2), a cancel
	 * exit 130, running out of memory one line naming the step and how to give Java more (exit 1),
	 * and anything else is a bug: "internal error, please report" with the stack trace (exit 1).
	 */
	static int handle(Throwable e, PrintWriter err, boolean debug) {
		try {
			switch (ClathrinCommand.FailureKind.of(e)) {
				case CANCELLED:
					err.println("cancelled");
					return 130;
				case INPUT:
					err.println("error: " + e.getMessage());
					if (debug) e.printStackTrace(err);
					return 2;
				case OUT_OF_MEMORY:
					err.println("error: " + e.getMessage() + ": give Java more memory, e.g. CLATHRIN_JAVA_OPTS=-Xmx"
						+ suggestedHeapGb() + "g (now at most " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)");
					if (debug) e.printStackTrace(err);
					return 1;
				default:
					err.println("internal error, please report: " + e);
					e.printStackTrace(err);
					return 1;
			}
		}
		finally {
			err.flush();
		}
	}

	/** Twice the heap this run had, in whole GB (at least 2). */
	private static long suggestedHeapGb() {
		return Math.max(2, 2 * ((Runtime.getRuntime().maxMemory() + (1L << 30) - 1) >> 30));
	}

	@Override
	public Integer call() {
		new CommandLine(this).usage(System.out);
		return 0;
	}

	/** Runs one command as Fiji would and prints its report; exit code 0 (failures throw). */
	static int report(Class<? extends ClathrinCommand> type, Map<String, Object> inputs) throws Exception {
		try (CommandRunner r = new CommandRunner()) {
			System.out.println(r.run(type, inputs).getReport());
		}
		return 0;
	}

	/**
	 * A subcommand that runs one SciJava command: its options are made from the command's parameters
	 * ({@link CommandOptions}), so names and defaults are the command's, as in Fiji and macros.
	 */
	interface Action {

		CommandOptions options();
	}

	/** A subcommand that runs its command with the options given and prints the report; some add to that. */
	abstract static class Runs implements Callable<Integer>, Action {

		final CommandOptions options;

		Runs(CommandOptions options) {
			this.options = options;
		}

		@Override
		public CommandOptions options() {
			return options;
		}

		@Override
		public Integer call() throws Exception {
			return report(options.command(), options.inputs());
		}
	}

	/** The command line with every action's options made from its command; {@link #run} parses with this. */
	public static CommandLine commandLine() {
		CommandLine cli = new CommandLine(new Main());
		for (CommandLine sub : cli.getSubcommands().values())
			if (sub.getCommand() instanceof Action a) a.options().addTo(sub.getCommandSpec());
		return cli;
	}

	@Command(name = "info", description = "Describe a localization file: format, rows, columns, ranges.")
	static final class Info extends Runs {

		@CommandLine.Parameters(paramLabel = "FILE", description = "The localization file.")
		File file;

		Info() {
			super(new CommandOptions(InfoCommand.class, java.util.Set.of("input")));
		}

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = options.inputs();
			in.put("input", file);
			return report(InfoCommand.class, in);
		}
	}

	@Command(name = "simulate", description = "Simulate 3D STORM clathrin structures with labels, or the Geometries "
		+ "volumes (cubes, diamonds, spheres) with a train/test split.")
	static final class Simulate extends Runs {

		Simulate() {
			super(new CommandOptions(SimulateCommand.class, "output", "--out"));
		}
	}

	@Command(name = "evaluate", description = "Cross-validate encoders + SVM on the labelled structures, or train on a "
		+ "benchmark's training split and test on its test split (--dataset).")
	static final class Evaluate extends Runs {

		Evaluate() {
			super(new CommandOptions(EvaluateCommand.class, "encoder_options", "-E,--encoder-option"));
		}

		@Option(names = "--confusion", paramLabel = "DIR",
			description = "Also draw each row's confusion matrix as DIR/confusion-<row>.png.")
		File confusion;

		@Option(names = "--plot", defaultValue = "accuracy-vs-unlabelled.png", paramLabel = "FILE.png",
			description = "Where --unlabelled-steps draws its plot (default accuracy-vs-unlabelled.png).")
		File plot;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = options.inputs();
			// Checked by the command with its own outputs, before it runs.
			if (in.get("unlabelled_steps") != null) in.put("also_writes", new File[] { plot });
			if (confusion != null) in.put("also_writes_png_into", new File[] { confusion });
			try (CommandRunner r = new CommandRunner()) {
				EvaluateCommand c = r.run(EvaluateCommand.class, in);
				System.out.println(c.getReport());
				if (confusion != null) writeConfusion(c.getResult(), confusion.toPath());
				if (c.getCurve() != null) {
					// Drawn here, not in the command, so that the core stays free of AWT.
					try {
						CurvePlot.write(plot.toPath(), "Accuracy against unlabelled structures used",
							"unlabelled structures used by the encoder", "cross-validated accuracy",
							CurvePlot.overSteps(c.getCurve().steps(), c.getCurve().accuracy()));
					}
					catch (IOException e) {
						throw new InputException(plot + ": cannot write the plot (" + e.getMessage() + ")", e);
					}
					System.out.println("Plot written to " + plot);
				}
			}
			return 0;
		}
	}

	/** One confusion-matrix PNG per row; drawn here, not in the command, so that the core stays free of AWT. */
	static void writeConfusion(EvaluationReport report, Path dir) {
		for (EvaluationReport.Row row : report.rows()) {
			Path file = EvaluationFigures.confusionFile(dir, row);
			try {
				ConfusionMatrixPlot.write(file, EvaluationFigures.confusionTitle(report, row), row.evaluation());
			}
			catch (IOException e) {
				throw new InputException(file + ": cannot write the confusion matrix (" + e.getMessage() + ")", e);
			}
			System.out.println("Confusion matrix written to " + file);
		}
	}

	@Command(name = "train", description = "Train an encoder + SVM model and write the model file.")
	static final class Train extends Runs {

		Train() {
			super(new CommandOptions(TrainCommand.class, "model", "--out", "encoder_options",
			"-E,--encoder-option"));
		}
	}

	@Command(name = "segment", description = "Find candidate structures in a whole-cell table with DBSCAN and write "
		+ "them as one CSV per structure (or one table with an roi column), plus segments.csv.")
	static final class Segment extends Runs {

		Segment() {
			super(new CommandOptions(SegmentCommand.class, "output", "--out", "one_table", "--table"));
		}
	}

	@Command(name = "render", description = "Render a localization file as a super-resolution image: a calibrated TIFF "
		+ "(nm, as ImageJ reads it) or a PNG with a scale bar and the z colour bar.")
	static final class Render extends Runs {

		Render() {
			super(new CommandOptions(RenderCommand.class, "output", "--out", "image_pixel", "--pixel"));
		}

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = options.inputs();
			// Fiji shows the image; a terminal has only the file.
			if (in.get("output") == null) throw new InputException("no output image given (--out FILE.tif or FILE.png)");
			return report(RenderCommand.class, in);
		}
	}

	@Command(name = "classify", description = "Classify structures with a model; one CSV row per structure.")
	static final class Classify extends Runs {

		Classify() {
			super(new CommandOptions(ClassifyCommand.class, "output", "--out"));
		}

		@Option(names = "--render", paramLabel = "FILE.png|FILE.tif",
			description = "Also draw every structure with its prediction into a gallery image (PNG or TIFF, by "
				+ "extension); more than " + Gallery.DEFAULT_PAGE + " structures are written as pages FILE-001.png, "
				+ "FILE-002.png...")
		File render;

		@Option(names = "--render-sort", defaultValue = "class", paramLabel = "ORDER",
			description = "Gallery order: class, probability, uncertainty or name (default class).")
		String renderSort;

		@Option(names = "--overlay", paramLabel = "FILE.png",
			description = "With --segment: also write the cell's rendering with every structure's outline coloured by its "
				+ "predicted class (dashed: untrusted), the size of the rendering.")
		File overlay;

		@Option(names = "--overlay-pixel", defaultValue = "20", paramLabel = "NM",
			description = "Pixel size of the --overlay rendering in nm (default 20).")
		double overlayPixel;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = options.inputs();
			List<File> drawn = new ArrayList<>();
			if (render != null) drawn.add(render);
			if (overlay != null) {
				if (!Boolean.TRUE.equals(in.get("segment")))
					throw new InputException("--overlay draws the structures found in a whole-cell table: add --segment");
				if (!overlay.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
					throw new InputException("--overlay " + overlay + ": must end in .png");
				if (!(overlayPixel > 0) || !Double.isFinite(overlayPixel))
					throw new InputException("--overlay-pixel must be a positive number of nm, got " + overlayPixel);
				drawn.add(overlay);
			}
			Path folder = batchFolder(in);
			if (drawn.isEmpty() && folder == null) return report(ClassifyCommand.class, in);
			in.put("also_writes", drawn.toArray(File[]::new)); // checked by the command with its own outputs
			Gallery.Sort order = parseSort(renderSort);
			if (render != null) try {
				Gallery.ImageFormat.of(render.toPath()); // a wrong extension is an error before any work
			}
			catch (IllegalArgumentException e) {
				throw new InputException("--render " + e.getMessage());
			}
			try (CommandRunner r = new CommandRunner()) {
				ClassifyCommand c = r.run(ClassifyCommand.class, in);
				System.out.println(c.getReport());
				if (render != null) writeGallery(c, order);
				if (overlay != null) {
					Segmenter.Segmentation s = c.getSegmentation();
					Rendering cell;
					try {
						cell = Renderer.histogram(s.table(), overlayPixel);
					}
					catch (IllegalArgumentException e) {
						throw new InputException("--overlay-pixel: " + e.getMessage(), e);
					}
					try {
						CellOverlay.write(overlay.toPath(), cell, StructureOutlines.of(c.getStructures().structures(),
							c.getPredictions()), c.getClassNames());
					}
					catch (IOException e) {
						throw new InputException(overlay + ": cannot write the overlay (" + e.getMessage() + ")", e);
					}
					System.out.println("Overlay (" + cell.grid().width() + " x " + cell.grid().height() + " pixels of "
						+ overlayPixel + " nm) written to " + overlay);
				}
				if (c.getBatch() != null) writeSummaryPlot(BatchOutput.folder(folder), c.getBatch().summaries());
			}
			return 0;
		}

		/** The output folder of a folder of tables with an ROI column (where the summary plot goes), else null. */
		private static Path batchFolder(Map<String, Object> in) {
			Object input = in.get("input"), roi = in.get("roi_column"), output = in.get("output");
			if (!(input instanceof File f) || !f.isDirectory() || roi == null || roi.toString().isBlank()
				|| !(output instanceof File o)) return null;
			return o.toPath();
		}

		private void writeGallery(ClassifyCommand c, Gallery.Sort order) {
			if (c.getStructures() == null)
				throw new InputException("--render draws one set of structures; it does not apply to a folder of "
					+ "tables (--roi-column with a folder input)");
			// The gallery is drawn here, not in the command, so that the core stays free of AWT.
			Gallery gallery = Gallery.of(c.getStructures(), c.getPredictions(), c.getClassNames()).sortedBy(order);
			ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
			List<Path> written;
			try {
				written = gallery.write(render.toPath(), Gallery.DEFAULT_TILE, progress);
			}
			catch (IOException e) {
				throw new InputException(render + ": cannot write the gallery (" + e.getMessage() + ")", e);
			}
			finally {
				progress.finish();
			}
			System.out.println("Gallery written to " + Gallery.describe(written));
		}

		private static Gallery.Sort parseSort(String s) {
			try {
				return Gallery.Sort.parse(s);
			}
			catch (IllegalArgumentException e) {
				throw new InputException("--render-sort must be class, probability, uncertainty or name, got '"
					+ s + "'");
			}
		}
	}

	@Command(name = "batch", description = "Classify a screen of whole cells (a folder of tables or a list file): "
		+ "each cell segmented and classified into OUT/<cell>-results.csv, OUT/summary.csv with one row per cell "
		+ "(failed cells with their error) and OUT/summary.png; cells run in threads (--threads) or on Apache Spark "
		+ "(--engine spark --master ...).")
	static final class Batch extends Runs {

		Batch() {
			super(new CommandOptions(BatchCommand.class, "output", "--out"));
		}

		@Override
		public Integer call() throws Exception {
			try (CommandRunner r = new CommandRunner()) {
				BatchCommand c = r.run(BatchCommand.class, options.inputs());
				System.out.println(c.getReport());
				writeSummaryPlot(c.getRun().output(), BatchSummary.summaries(c.getRun().outcomes()));
			}
			return 0;
		}
	}

	/** summary.png of a batch of cells, drawn here, not in the command, so that the core stays free of AWT. */
	static void writeSummaryPlot(BatchOutput folder, List<io.github.clathrin.render.CellSummary> cells) {
		if (cells.isEmpty()) return;
		String plot = folder.locate(BatchJob.SUMMARY_PLOT);
		try {
			folder.write(BatchJob.SUMMARY_PLOT, CellSummaryPlot.png(cells));
		}
		catch (IOException e) {
			throw new InputException(plot + ": cannot write the summary plot (" + e.getMessage() + ")", e);
		}
		System.out.println("Summary plot written to " + plot);
	}

	@Command(name = "reconstruct", description = "Write what an autoencoder model makes of structures: one TIFF stack "
		+ "per structure with the input and its reconstruction as two channels, and a CSV of reconstruction errors.")
	static final class Reconstruct extends Runs {

		Reconstruct() {
			super(new CommandOptions(ReconstructCommand.class, "output", "--out"));
		}
	}

	@Command(name = "demo", description = "Simulate the demo data set, train PCA + SVM, classify, and evaluate.")
	static final class Demo implements Callable<Integer> {

		@Option(names = "--out", defaultValue = "clathrin-demo", paramLabel = "DIR")
		File out;

		@Option(names = "--seed", defaultValue = "1")
		long seed;

		@Override
		public Integer call() throws Exception {
			Path dir = out.toPath();
			File structures = dir.resolve("structures").toFile(), labels = dir.resolve("labels.csv").toFile(),
				model = dir.resolve("model.zip").toFile(), results = dir.resolve("results.csv").toFile(),
				json = dir.resolve("evaluation.json").toFile();
			try (CommandRunner r = new CommandRunner()) {
				System.out.println(r.run(SimulateCommand.class, Map.of("output", out, "structures", 899, "labelled",
					280, "seed", seed)).getReport());
				System.out.println();
				System.out.println(r.run(TrainCommand.class, Map.of("input", structures, "labels", labels, "encoder",
					"pca", "model", model, "seed", seed)).getReport());
				System.out.println();
				System.out.println(r.run(ClassifyCommand.class, Map.of("model", model, "input", structures, "labels",
					labels, "output", results)).getReport());
				System.out.println();
				System.out.println(r.run(EvaluateCommand.class, Map.of("input", structures, "labels", labels,
					"encoders", "pca,kmeans,lab", "folds", 5, "seed", seed, "json", json)).getReport());
			}
			return 0;
		}
	}

	/** Version from the jar manifest, or "development" when run from classes. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String v = Main.class.getPackage().getImplementationVersion();
			return new String[] { "Clathrin Classifier " + (v != null ? v : "development") };
		}
	}
}
