package io.github.clathrin.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.clathrin.commands.ClassifyCommand;
import io.github.clathrin.commands.ClathrinCommand;
import io.github.clathrin.commands.EvaluateCommand;
import io.github.clathrin.commands.InfoCommand;
import io.github.clathrin.commands.ReconstructCommand;
import io.github.clathrin.commands.SegmentCommand;
import io.github.clathrin.commands.SimulateCommand;
import io.github.clathrin.commands.TrainCommand;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.OutOfMemoryException;
import io.github.clathrin.ui.ConfusionMatrixPlot;
import io.github.clathrin.ui.CurvePlot;
import io.github.clathrin.ui.EvaluationFigures;
import io.github.clathrin.ui.Gallery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code clathrin} command line: the same SciJava commands the Fiji menus run. */
@Command(name = "clathrin", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
	versionProvider = Main.Version.class,
	description = "Classifies clathrin structures in 3D single-molecule localization data.",
	subcommands = { Main.Demo.class, Main.Info.class, Main.Simulate.class, Main.Evaluate.class, Main.Train.class,
		Main.Classify.class, Main.Segment.class, Main.Reconstruct.class, ReproduceCommand.class, BenchCommand.class })
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
		CommandLine cli = new CommandLine(new Main());
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

	/** What the user states about files that do not say it themselves: units, pixel size, Insight3 category. */
	static final class ReadingOptions {

		@Option(names = "--pixel-size", paramLabel = "NM", description = "Camera pixel size in nm (files in pixels).")
		Double pixelSize;

		@Option(names = "--units", paramLabel = "U", description = "Units of x/y/z when the file does not say: nm, px, um, m.")
		String units;

		@Option(names = "--category", paramLabel = "C", description = "Insight3 .bin: keep only this category.")
		Integer category;

		@Option(names = "--columns", paramLabel = "NAMES",
			description = "Text file without a title line: its columns in order, e.g. trace,t,x,y,z (with --units).")
		String columns;

		Map<String, Object> addTo(Map<String, Object> m) {
			m.put("pixel_size", pixelSize);
			m.put("columns", columns);
			m.put("units", units);
			m.put("category", category);
			return m;
		}
	}

	/** Input options shared by the commands that read structures. */
	static final class InputOptions {

		// Not required by picocli because evaluate takes --dataset instead; inputs() insists on it otherwise.
		@Option(names = "--input", paramLabel = "PATH",
			description = "A folder with one localization file or 3D TIFF stack per structure, one table "
				+ "(with --roi-column), or ready volumes in a NumPy .npz (X or X_train/X_test, labels y...) "
				+ "or .npy file of shape (N, z, y, x). Repeat for several inputs (keys get the file name as prefix).")
		List<File> input;

		@Option(names = "--class-from", paramLabel = "SOURCE",
			description = "file: each input's structures are of the class named by the input's folder (instead of "
				+ "--labels).")
		String classFrom;

		@Option(names = "--labels", paramLabel = "FILE",
			description = "Labels CSV: first column the structure key, a 'label' column (yes/no or class names).")
		File labels;

		@Option(names = "--roi-column", paramLabel = "NAME",
			description = "Column holding the structure (ROI/group) number when the input is one table.")
		String roiColumn;

		@Mixin
		ReadingOptions reading;

		Map<String, Object> inputs() {
			if (input == null || input.isEmpty()) throw new InputException("missing required option '--input=PATH'");
			return optionalInputs();
		}

		/** As {@link #inputs()}, without --input when it was not given. */
		Map<String, Object> optionalInputs() {
			Map<String, Object> m = new LinkedHashMap<>();
			if (input != null && !input.isEmpty()) m.put("input", input.get(0));
			if (input != null && input.size() > 1) m.put("more_inputs", input.subList(1, input.size()).toArray(File[]::new));
			m.put("class_from", classFrom);
			m.put("labels", labels);
			m.put("roi_column", roiColumn);
			return reading.addTo(m);
		}
	}

	/** Voxelization and seed options of the commands that learn (train, evaluate). */
	static final class LearningOptions {

		@Option(names = "--grid", paramLabel = "N", description = "Voxels per axis (default 30; ready volumes: their own "
			+ "size, which a given --grid must match).")
		Integer grid;

		@Option(names = "--box", defaultValue = "200,200,700", paramLabel = "X,Y,Z",
			description = "Half-size of the voxel box in nm (default the study's 200,200,700).")
		String box;

		@Option(names = "--centring", defaultValue = "bounding-box", paramLabel = "C",
			description = "Box centre: bounding-box (as the study) or centroid.")
		String centring;

		@Option(names = "--pose", defaultValue = "none", paramLabel = "P",
			description = "Turn each structure before voxelizing: none (default, as measured), principal-axes (its "
				+ "principal axes on x, y, z, signs by skew) or z-axes (turned about z only; z stays the optical axis).")
		String pose;

		@Option(names = "--counts", description = "Voxels hold localization counts instead of 0/1.")
		boolean counts;

		@Option(names = "--percentile", paramLabel = "P",
			description = "Zero voxel counts at or below this percentile (the study used 99.1).")
		Double percentile;

		@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed for every random choice.")
		long seed;

		Map<String, Object> addTo(Map<String, Object> m) {
			m.put("grid", grid);
			m.put("box", box);
			m.put("centring", centring);
			m.put("pose", pose);
			m.put("counts", counts);
			m.put("percentile", percentile);
			m.put("seed", seed);
			return m;
		}
	}

	/** Deep-encoder, augmentation and label-spreading options of the commands that learn (train, evaluate). */
	static final class EnlargementOptions {

		@Option(names = "--epochs", paramLabel = "N", description = "Training epochs of the deep encoders (default 30, with "
			+ "early stopping).")
		Integer epochs;

		@Option(names = { "-E", "--encoder-option" }, paramLabel = "KEY=VALUE",
			description = "Encoder option, repeatable: e.g. -E latent=32 (every deep encoder), -E conv-ae.filters=4,8, "
				+ "-E pca.components=20.")
		List<String> encoderOptions = new ArrayList<>();

		@Option(names = "--augment", defaultValue = "0", paramLabel = "N",
			description = "Augmented copies per structure (random rotations about z, flips, shifts), made on the fly for "
				+ "the deep encoders and the classifier's training set; never across cross-validation folds.")
		int augment;

		@Option(names = "--augment-3d", description = "Augment with full 3D rotations instead of rotations about z.")
		boolean augment3d;

		@Option(names = "--shift", defaultValue = "10", paramLabel = "NM", description = "Largest augmentation shift in nm "
			+ "(default 10).")
		double shift;

		@Option(names = "--tta", description = "Test-time augmentation: average each held-out structure's class "
			+ "probabilities over it and its --augment copies.")
		boolean tta;

		@Option(names = "--spread", description = "Spread labels to the unlabelled structures in encoder space (Zhou et al. "
			+ "2004) and add them to the classifier's training set; evaluate reports rows with and without.")
		boolean spread;

		@Option(names = "--spread-kernel", defaultValue = "knn", paramLabel = "K", description = "Spreading graph: knn "
			+ "(default) or rbf.")
		String spreadKernel;

		@Option(names = "--spread-neighbours", defaultValue = "7", paramLabel = "K", description = "Neighbours of the knn "
			+ "graph (default 7).")
		int spreadNeighbours;

		@Option(names = "--spread-gamma", defaultValue = "20", paramLabel = "G", description = "Width of the rbf graph on "
			+ "standardized encodings (default 20).")
		double spreadGamma;

		@Option(names = "--spread-alpha", defaultValue = "0.2", paramLabel = "A", description = "Clamping factor in (0, 1) "
			+ "(default 0.2).")
		double spreadAlpha;

		Map<String, Object> addTo(Map<String, Object> m) {
			m.put("epochs", epochs);
			m.put("encoder_options", String.join(" ", encoderOptions));
			m.put("augment", augment);
			m.put("augment_3d", augment3d);
			m.put("shift", shift);
			m.put("tta", tta);
			m.put("spread", spread);
			m.put("spread_kernel", spreadKernel);
			m.put("spread_neighbours", spreadNeighbours);
			m.put("spread_gamma", spreadGamma);
			m.put("spread_alpha", spreadAlpha);
			return m;
		}
	}

	@Command(name = "info", description = "Describe a localization file: format, rows, columns, ranges.")
	static final class Info implements Callable<Integer> {

		@CommandLine.Parameters(paramLabel = "FILE")
		File file;

		@Mixin
		ReadingOptions reading;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = new LinkedHashMap<>();
			in.put("input", file);
			return report(InfoCommand.class, reading.addTo(in));
		}
	}

	@Command(name = "simulate", description = "Simulate 3D STORM clathrin structures with labels, or the Geometries "
		+ "volumes (cubes, diamonds, spheres) with a train/test split.")
	static final class Simulate implements Callable<Integer> {

		@Option(names = "--out", required = true, paramLabel = "DIR")
		File out;

		@Option(names = "--kind", defaultValue = "clathrin", paramLabel = "KIND",
			description = "clathrin (default): STORM structures as CSV files and labels.csv; geometries: 300 training + "
				+ "300 test 20^3 volumes of cubes, diamonds and spheres with 1% salt noise, written as DIR/geometries.npz "
				+ "(--structures and --labelled do not apply).")
		String kind;

		@Option(names = "--structures", defaultValue = "899")
		int structures;

		@Option(names = "--labelled", defaultValue = "280")
		int labelled;

		@Option(names = "--seed", defaultValue = "1")
		long seed;

		@Override
		public Integer call() throws Exception {
			return report(SimulateCommand.class, Map.of("output", out, "kind", kind, "structures", structures, "labelled",
				labelled, "seed", seed));
		}
	}

	@Command(name = "evaluate", description = "Cross-validate encoders + SVM on the labelled structures, or train on a "
		+ "benchmark's training split and test on its test split (--dataset).")
	static final class Evaluate implements Callable<Integer> {

		@Mixin
		InputOptions input;

		@Option(names = "--dataset", paramLabel = "FILE.npz",
			description = "A benchmark .npz with X_train, y_train, X_test, y_test (class ids), e.g. ModelNet10 or simulate "
				+ "--kind geometries: encoders and SVM learn from the training split only and accuracy is measured on the "
				+ "test split. Instead of --input/--labels; the grid is the volumes' own size.")
		File dataset;

		@Option(names = "--class-names", paramLabel = "A,B,C",
			description = "With --dataset: names of class ids 0, 1, ... in order (default the ids).")
		String classNames;

		@Option(names = "--confusion", paramLabel = "DIR",
			description = "Also draw each row's confusion matrix as DIR/confusion-<row>.png.")
		File confusion;

		@Option(names = "--encoders", defaultValue = "pca,kmeans,lab", split = ",", paramLabel = "LIST",
			description = "Encoders to compare: auto (chosen by cross-validation inside the training data), pca, kmeans, "
				+ "lab (also gets the logistic baseline), capfit, shells, concat (-E concat.of=lab+pca), dense-ae, conv-ae, "
				+ "sparse-conv-ae, cnn (default pca,kmeans,lab).")
		List<String> encoders;

		@Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Cross-validation folds.")
		int folds;

		@Mixin
		LearningOptions learning;

		@Mixin
		EnlargementOptions more;

		@Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
		File json;

		@Option(names = "--unlabelled-steps", paramLabel = "LIST",
			description = "Also evaluate with the encoders learning from these numbers of unlabelled structures (e.g. "
				+ "0,100,300,619), and plot accuracy against that number.")
		String unlabelledSteps;

		@Option(names = "--plot", defaultValue = "accuracy-vs-unlabelled.png", paramLabel = "FILE.png",
			description = "Where --unlabelled-steps draws its plot (default accuracy-vs-unlabelled.png).")
		File plot;

		@Override
		public Integer call() throws Exception {
			if (dataset != null && input.input != null && !input.input.isEmpty())
				throw new InputException("give either --dataset or --input, not both");
			Map<String, Object> in = dataset != null ? input.optionalInputs() : input.inputs();
			in.put("dataset", dataset);
			in.put("class_names", classNames);
			in.put("encoders", String.join(",", encoders));
			in.put("folds", folds);
			learning.addTo(in);
			more.addTo(in);
			in.put("json", json);
			in.put("unlabelled_steps", unlabelledSteps);
			// Checked by the command with its own outputs, before it runs.
			if (unlabelledSteps != null) in.put("also_writes", new File[] { plot });
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
	static final class Train implements Callable<Integer> {

		@Mixin
		InputOptions input;

		@Option(names = "--encoder", defaultValue = "pca", paramLabel = "NAME",
			description = "Encoder: auto (chosen by cross-validation inside the labelled structures), pca, kmeans, lab, capfit, "
				+ "shells, concat (-E concat.of=lab+pca), dense-ae, conv-ae, sparse-conv-ae or cnn (a supervised 3D CNN that "
				+ "predicts by itself) (default pca).")
		String encoder;

		@Mixin
		EnlargementOptions more;

		@Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "Model file to write.")
		File out;

		@Mixin
		LearningOptions learning;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = input.inputs();
			in.put("encoder", encoder);
			in.put("model", out);
			learning.addTo(in);
			more.addTo(in);
			return report(TrainCommand.class, in);
		}
	}

	@Command(name = "segment", description = "Find candidate structures in a whole-cell table with DBSCAN and write "
		+ "them as one CSV per structure (or one table with an roi column), plus segments.csv.")
	static final class Segment implements Callable<Integer> {

		@Option(names = "--input", required = true, paramLabel = "TABLE", description = "A whole-cell localization table.")
		File input;

		@Option(names = "--out", required = true, paramLabel = "DIR",
			description = "Output folder: structures/<name>-<n>.csv (or structures.csv with --table) and segments.csv.")
		File out;

		@Option(names = "--eps", defaultValue = "50", paramLabel = "NM", description = "DBSCAN eps in nm (default 50).")
		double eps;

		@Option(names = "--min-points", defaultValue = "10", paramLabel = "N",
			description = "Neighbours within eps (the point included) that make a core point (default 10).")
		int minPoints;

		@Option(names = "--min-size", defaultValue = "30", paramLabel = "N",
			description = "Fewest localizations of a kept structure (default 30).")
		int minSize;

		@Option(names = "--max-size", defaultValue = "5000", paramLabel = "N",
			description = "Most localizations of a kept structure (default 5000).")
		int maxSize;

		@Option(names = "--max-extent", defaultValue = "500", paramLabel = "NM",
			description = "Largest extent along any axis of a kept structure, in nm (default 500).")
		double maxExtent;

		@Option(names = "--table", description = "Write one structures.csv with an roi column instead of one file per "
			+ "structure; classify it with --roi-column roi.")
		boolean table;

		@Mixin
		ReadingOptions reading;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = new LinkedHashMap<>();
			in.put("input", input);
			in.put("output", out);
			in.put("eps", eps);
			in.put("min_points", minPoints);
			in.put("min_size", minSize);
			in.put("max_size", maxSize);
			in.put("max_extent", maxExtent);
			in.put("one_table", table);
			return report(SegmentCommand.class, reading.addTo(in));
		}
	}

	@Command(name = "classify", description = "Classify structures with a model; one CSV row per structure.")
	static final class Classify implements Callable<Integer> {

		@Option(names = "--model", required = true, paramLabel = "MODEL.zip")
		File model;

		@Mixin
		InputOptions input;

		@Option(names = "--out", required = true, paramLabel = "RESULTS.csv",
			description = "Results CSV; for a folder of whole tables with --roi-column, an output folder that gets "
				+ "one <name>-results.csv per table (a table that fails is reported and the others carry on).")
		File out;

		@Option(names = "--segment",
			description = "The input is one whole-cell table: find structures with DBSCAN first (see segment), then "
				+ "classify each.")
		boolean segment;

		@Option(names = "--eps", defaultValue = "50", paramLabel = "NM", description = "With --segment: DBSCAN eps in nm "
			+ "(default 50).")
		double eps;

		@Option(names = "--min-points", defaultValue = "10", paramLabel = "N",
			description = "With --segment: DBSCAN min points (default 10).")
		int minPoints;

		@Option(names = "--explain",
			description = "Add cap_radius_nm, cap_closing_angle_deg and cap_fit_rmse_nm to every row: a spherical cap "
				+ "fitted by maximum likelihood to the structure's localizations (blank for ready volumes), whatever "
				+ "the model's encoder.")
		boolean explain;

		@Option(names = "--render", paramLabel = "FILE.png|FILE.tif",
			description = "Also draw every structure with its prediction into one gallery image (PNG or TIFF, by "
				+ "extension).")
		File render;

		@Option(names = "--render-sort", defaultValue = "class", paramLabel = "ORDER",
			description = "Gallery order: class, probability, uncertainty or name (default class).")
		String renderSort;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = input.inputs();
			in.put("model", model);
			in.put("output", out);
			in.put("segment", segment);
			in.put("eps", eps);
			in.put("min_points", minPoints);
			in.put("explain", explain);
			if (render == null) return report(ClassifyCommand.class, in);
			in.put("also_writes", new File[] { render }); // checked by the command with its own outputs
			Gallery.Sort order = parseSort(renderSort);
			try {
				Gallery.ImageFormat.of(render.toPath()); // a wrong extension is an error before any work
			}
			catch (IllegalArgumentException e) {
				throw new InputException("--render " + e.getMessage());
			}
			try (CommandRunner r = new CommandRunner()) {
				ClassifyCommand c = r.run(ClassifyCommand.class, in);
				System.out.println(c.getReport());
				if (c.getStructures() == null)
					throw new InputException("--render draws one set of structures; it does not apply to a folder of "
						+ "tables (--roi-column with a folder input)");
				// The gallery is drawn here, not in the command, so that the core stays free of AWT.
				Gallery gallery = Gallery.of(c.getStructures(), c.getPredictions(), c.getClassNames()).sortedBy(order);
				ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
				try {
					gallery.write(render.toPath(), Gallery.DEFAULT_TILE, progress);
				}
				catch (IOException e) {
					throw new InputException(render + ": cannot write the gallery (" + e.getMessage() + ")", e);
				}
				finally {
					progress.finish();
				}
				System.out.println("Gallery written to " + render);
			}
			return 0;
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

	@Command(name = "reconstruct", description = "Write what an autoencoder model makes of structures: one TIFF stack "
		+ "per structure with the input and its reconstruction as two channels, and a CSV of reconstruction errors.")
	static final class Reconstruct implements Callable<Integer> {

		@Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "A dense-ae, conv-ae or "
			+ "sparse-conv-ae model.")
		File model;

		@Mixin
		InputOptions input;

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
		File out;

		@Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "At most N structures (default all).")
		int limit;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = input.inputs();
			in.put("model", model);
			in.put("output", out);
			in.put("limit", limit);
			return report(ReconstructCommand.class, in);
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
