package io.github.clathrin.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.clathrin.commands.ClassifyCommand;
import io.github.clathrin.commands.ClathrinCommand;
import io.github.clathrin.commands.EvaluateCommand;
import io.github.clathrin.commands.InfoCommand;
import io.github.clathrin.commands.SimulateCommand;
import io.github.clathrin.commands.TrainCommand;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
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
		Main.Classify.class, BenchCommand.class })
public final class Main implements Callable<Integer> {

	@Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
	boolean debug;

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the command line and returns the exit code (for tests: no System.exit). */
	public static int run(String... args) {
		CommandLine cli = new CommandLine(new Main());
		cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
			boolean debug = parsed.matchedOption("--debug") != null
				|| parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--debug") != null);
			return handle(e, cmd.getErr(), debug);
		});
		return cli.execute(args);
	}

	static int handle(Exception e, PrintWriter err, boolean debug) {
		if (e instanceof CancelledException) {
			err.println("cancelled");
			return 130;
		}
		if (e instanceof InputException || e instanceof IllegalArgumentException) {
			err.println("error: " + e.getMessage());
			if (debug) e.printStackTrace(err);
			return 2;
		}
		err.println("error: " + e + (debug ? "" : " (run with --debug for details)"));
		if (debug) e.printStackTrace(err);
		return 1;
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

		Map<String, Object> addTo(Map<String, Object> m) {
			m.put("pixel_size", pixelSize);
			m.put("units", units);
			m.put("category", category);
			return m;
		}
	}

	/** Input options shared by the commands that read structures. */
	static final class InputOptions {

		@Option(names = "--input", required = true, paramLabel = "PATH",
			description = "A folder with one localization file or 3D TIFF stack per structure, one table "
				+ "(with --roi-column), or ready volumes in a NumPy .npz (X or X_train/X_test, labels y...) "
				+ "or .npy file of shape (N, z, y, x).")
		File input;

		@Option(names = "--labels", paramLabel = "FILE",
			description = "Labels CSV: first column the structure key, a 'label' column (yes/no or class names).")
		File labels;

		@Option(names = "--roi-column", paramLabel = "NAME",
			description = "Column holding the structure (ROI/group) number when the input is one table.")
		String roiColumn;

		@Mixin
		ReadingOptions reading;

		Map<String, Object> inputs() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("input", input);
			m.put("labels", labels);
			m.put("roi_column", roiColumn);
			return reading.addTo(m);
		}
	}

	/** Voxelization and seed options of the commands that learn (train, evaluate). */
	static final class LearningOptions {

		@Option(names = "--grid", defaultValue = "30", paramLabel = "N", description = "Voxels per axis (default 30).")
		int grid;

		@Option(names = "--box", defaultValue = "200,200,700", paramLabel = "X,Y,Z",
			description = "Half-size of the voxel box in nm (default the study's 200,200,700).")
		String box;

		@Option(names = "--centring", defaultValue = "bounding-box", paramLabel = "C",
			description = "Box centre: bounding-box (as the study) or centroid.")
		String centring;

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
			m.put("counts", counts);
			m.put("percentile", percentile);
			m.put("seed", seed);
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

	@Command(name = "simulate", description = "Simulate 3D STORM clathrin structures with labels.")
	static final class Simulate implements Callable<Integer> {

		@Option(names = "--out", required = true, paramLabel = "DIR")
		File out;

		@Option(names = "--structures", defaultValue = "899")
		int structures;

		@Option(names = "--labelled", defaultValue = "280")
		int labelled;

		@Option(names = "--seed", defaultValue = "1")
		long seed;

		@Override
		public Integer call() throws Exception {
			return report(SimulateCommand.class, Map.of("output", out, "structures", structures, "labelled", labelled,
				"seed", seed));
		}
	}

	@Command(name = "evaluate", description = "Cross-validate encoders + SVM on the labelled structures.")
	static final class Evaluate implements Callable<Integer> {

		@Mixin
		InputOptions input;

		@Option(names = "--encoders", defaultValue = "pca,kmeans,lab", split = ",", paramLabel = "LIST",
			description = "Encoders to compare (default pca,kmeans,lab; lab also gets the logistic baseline).")
		List<String> encoders;

		@Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Cross-validation folds.")
		int folds;

		@Mixin
		LearningOptions learning;

		@Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
		File json;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> in = input.inputs();
			in.put("encoders", String.join(",", encoders));
			in.put("folds", folds);
			learning.addTo(in);
			in.put("json", json);
			return report(EvaluateCommand.class, in);
		}
	}

	@Command(name = "train", description = "Train an encoder + SVM model and write the model file.")
	static final class Train implements Callable<Integer> {

		@Mixin
		InputOptions input;

		@Option(names = "--encoder", defaultValue = "pca", paramLabel = "NAME",
			description = "Encoder: pca, kmeans or lab (default pca).")
		String encoder;

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
			return report(TrainCommand.class, in);
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
			if (render == null) return report(ClassifyCommand.class, in);
			Gallery.Sort order = parseSort(renderSort);
			Gallery.ImageFormat.of(render.toPath()); // a wrong extension is an error before any work
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
				throw new IllegalArgumentException("--render-sort must be class, probability, uncertainty or name, got '"
					+ s + "'");
			}
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
