package io.github.clathrin.commands;

import io.github.clathrin.Cancelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import io.github.clathrin.SharedData;
import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.pipeline.LabellingSession;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Runs every command the way Fiji and the CLI do, through a real SciJava {@link CommandService}, on a
 * small simulated data set: outputs, files written, input errors and cancellation.
 */
class CommandsTest {

	private static final int STRUCTURES = 80, LABELLED = 40;

	@TempDir
	static Path data;

	@TempDir
	Path tmp;

	private static Context context;
	private static Path structures, labels, model;

	@BeforeAll
	static void simulateAndTrain() throws Exception {
		context = new Context(CommandService.class);
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(STRUCTURES, LABELLED).withSeed(7)).simulate(
			Progress.NONE).write(data);
		structures = data.resolve(SimulatedDataset.STRUCTURES_DIR);
		labels = data.resolve(SimulatedDataset.LABELS);
		model = data.resolve("model.zip");
		run(TrainCommand.class, inputs("input", structures.toFile(), "labels", labels.toFile(), "encoder", "pca",
			"model", model.toFile(), "seed", 1L));
	}

	@AfterAll
	static void dispose() {
		if (context != null) context.dispose();
	}

	private static Map<String, Object> inputs(Object... keyValues) {
		Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
		return m;
	}

	private static CommandModule run(Class<? extends Command> type, Map<String, Object> inputs) throws Exception {
		return context.service(CommandService.class).run(type, false, inputs).get();
	}

	/**
	 * A failed command does not throw out of run() (SciJava would log a stack trace at the user): it
	 * keeps the exception for its caller and cancels itself with the message.
	 */
	@Test
	void aFailedCommandKeepsItsFailureAndIsCancelled() throws Exception {
		CommandModule m = run(InfoCommand.class, inputs("input", tmp.resolve("missing.csv").toFile()));
		ClathrinCommand c = (ClathrinCommand) m.getCommand();
		assertInstanceOf(InputException.class, c.getFailure());
		assertTrue(c.isCanceled());
		assertContains(c.getCancelReason(), "missing.csv");
	}

	private static <T extends Throwable> T failure(Class<T> expected, Class<? extends Command> type,
		Map<String, Object> inputs)
	{
		RuntimeException failure;
		try {
			failure = ((ClathrinCommand) run(type, inputs).getCommand()).getFailure();
		}
		catch (Exception e) {
			throw new AssertionError(type.getSimpleName() + " threw instead of keeping its failure", e);
		}
		assertNotNull(failure, type.getSimpleName() + " should have failed");
		return assertInstanceOf(expected, failure);
	}

	private static InputException inputError(Class<? extends Command> type, Map<String, Object> inputs) {
		return failure(InputException.class, type, inputs);
	}

	private static void assertContains(String text, String... parts) {
		for (String p : parts) assertTrue(text.contains(p), () -> "'" + p + "' not in: " + text);
	}

	@Test
	void infoDescribesARealThunderStormFile() throws Exception {
		File file = SharedData.file("formats/thunderstorm/ThunderSTORM_TS3D.csv").toFile();
		CommandModule m = run(InfoCommand.class, inputs("input", file));
		String report = (String) m.getOutput("report");
		assertContains(report, "ThunderSTORM_TS3D.csv", "11,195", "3D", "x range", "z range");
		assertEquals(11195, ((InfoCommand) m.getCommand()).getTable().rowCount());
	}

	@Test
	void simulateWritesStructuresLabelsAndTruth() throws Exception {
		Path out = tmp.resolve("sim");
		CommandModule m = run(SimulateCommand.class, inputs("output", out.toFile(), "structures", 12, "labelled", 5,
			"seed", 3L));
		assertContains((String) m.getOutput("report"), "Simulated 12 structures (5 labelled");
		try (Stream<Path> files = Files.list(out.resolve(SimulatedDataset.STRUCTURES_DIR))) {
			assertEquals(12, files.count());
		}
		List<String> labelLines = Files.readAllLines(out.resolve(SimulatedDataset.LABELS));
		assertEquals(13, labelLines.size(), "header + one line per structure");
		long labelled = labelLines.stream().skip(1).filter(l -> !l.endsWith(",")).count();
		assertEquals(5, labelled, labelLines.toString());
		assertEquals(13, Files.readAllLines(out.resolve(SimulatedDataset.TRUTH)).size());
		assertTrue(Files.isRegularFile(out.resolve(SimulatedDataset.ALL)));
	}

	@Test
	void trainWritesAModelAndReportsTheLabelledCount() throws Exception {
		Path out = tmp.resolve("m.zip");
		CommandModule m = run(TrainCommand.class, inputs("input", structures.toFile(), "labels", labels.toFile(),
			"encoder", "lab", "model", out.toFile(), "seed", 2L));
		assertTrue(Files.size(out) > 0);
		String report = (String) m.getOutput("report");
		assertContains(report, "Trained lab + svm on " + LABELLED + " labelled of " + STRUCTURES + " structures",
			"Model written to");
		Model trained = (Model) m.getOutput("trained");
		assertEquals(List.of("no", "yes"), trained.classNames());
	}

	@Test
	void classifyPredictsEveryStructureAndWritesTheCsv() throws Exception {
		Path out = tmp.resolve("results.csv");
		CommandModule m = run(ClassifyCommand.class, inputs("model", model.toFile(), "input", structures.toFile(),
			"labels", labels.toFile(), "output", out.toFile()));
		@SuppressWarnings("unchecked")
		List<Classification.Prediction> predictions = (List<Classification.Prediction>) m.getOutput("predictions");
		assertEquals(STRUCTURES, predictions.size());
		assertEquals(LABELLED, predictions.stream().filter(p -> p.knownLabel() != null).count());
		for (Classification.Prediction p : predictions) {
			assertTrue(p.predicted().equals("yes") || p.predicted().equals("no"), p.predicted());
			assertEquals(1.0, p.probabilities()[0] + p.probabilities()[1], 1e-9);
		}
		List<String> lines = Files.readAllLines(out);
		assertEquals(STRUCTURES + 1, lines.size());
		assertEquals("structure,prediction,probability,label,p_no,p_yes,status,outside_training"
			+ ",localizations,centroid_x_nm,centroid_y_nm,centroid_z_nm,extent_x_nm,extent_y_nm,extent_z_nm", lines.get(0));
		assertContains((String) m.getOutput("report"), "Classified " + STRUCTURES + " structures",
			"Agreement with the " + LABELLED + " known labels");
	}

	@Test
	void evaluateGivesTheFourStudyRowsAndWritesJson() throws Exception {
		Path json = tmp.resolve("eval.json");
		CommandModule m = run(EvaluateCommand.class, inputs("input", structures.toFile(), "labels", labels.toFile(),
			"encoders", "pca,kmeans,lab", "folds", 3, "seed", 1L, "json", json.toFile()));
		EvaluationReport result = (EvaluationReport) m.getOutput("result");
		assertEquals(List.of("pca", "kmeans", "lab", "lab+logistic"),
			result.rows().stream().map(EvaluationReport.Row::name).toList());
		assertEquals(LABELLED, result.labelled());
		assertEquals(STRUCTURES, result.structures());
		for (EvaluationReport.Row r : result.rows()) {
			double a = r.evaluation().accuracy();
			assertTrue(a >= 0 && a <= 1, r.name() + ": " + a);
		}
		String report = (String) m.getOutput("report");
		assertContains(report, "3-fold cross-validation on " + LABELLED + " labelled of " + STRUCTURES, "lab+logistic",
			"JSON written to");
		assertContains(Files.readString(json), "\"accuracy\"", "\"lab+logistic\"", "\"seconds\"");
	}

	@Test
	void unknownEncoderIsRejectedByTrainAndEvaluate() {
		InputException train = inputError(TrainCommand.class, inputs("input", structures.toFile(), "labels",
			labels.toFile(), "encoder", "vae", "model", tmp.resolve("m.zip").toFile()));
		assertContains(train.getMessage(), "unknown encoder 'vae'", "pca");
		assertFalse(Files.exists(tmp.resolve("m.zip")));
		InputException eval = inputError(EvaluateCommand.class, inputs("input", structures.toFile(), "labels",
			labels.toFile(), "encoders", "pca,vae"));
		assertContains(eval.getMessage(), "unknown encoder 'vae'");
	}

	@Test
	void oneFoldIsRejected() {
		InputException e = inputError(EvaluateCommand.class, inputs("input", structures.toFile(), "labels",
			labels.toFile(), "encoders", "pca", "folds", 1));
		assertContains(e.getMessage(), "folds must be between 2 and 50, got 1");
	}

	@Test
	void missingInputFileIsNamed() {
		File missing = tmp.resolve("nowhere.csv").toFile();
		InputException info = inputError(InfoCommand.class, inputs("input", missing));
		assertContains(info.getMessage(), "nowhere.csv", "not found");
		InputException classify = inputError(ClassifyCommand.class, inputs("model", tmp.resolve("none.zip").toFile(),
			"input", structures.toFile(), "output", tmp.resolve("r.csv").toFile()));
		assertContains(classify.getMessage(), "none.zip", "not found");
		InputException train = inputError(TrainCommand.class, inputs("input", structures.toFile(), "labels", missing,
			"model", tmp.resolve("m.zip").toFile()));
		assertContains(train.getMessage(), "nowhere.csv", "labels file not found");
	}

	@Test
	void moreLabelledThanStructuresIsRejected() {
		InputException e = inputError(SimulateCommand.class, inputs("output", tmp.resolve("sim").toFile(),
			"structures", 10, "labelled", 11));
		assertContains(e.getMessage(), "labelled", "got 11");
		assertFalse(Files.exists(tmp.resolve("sim")), "nothing written for rejected input");
	}

	@Test
	void unknownUnitsAreRejected() {
		File file = SharedData.file("formats/thunderstorm/ThunderSTORM_TS3D.csv").toFile();
		InputException e = inputError(InfoCommand.class, inputs("input", file, "units", "parsec"));
		assertContains(e.getMessage(), "unknown units 'parsec'", "nm");
	}

	@Test
	void cancellingLateInTrainingStillWritesNoModel() throws IOException {
		// Cancel only once the SVM grid search has started: loading, voxelizing and encoding are done.
		List<String> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
		Progress cancelInGridSearch = new Progress() {

			@Override
			public void report(String stage, long done, long total) {
				stages.add(stage);
			}

			@Override
			public boolean isCancelled() {
				return stages.stream().anyMatch(s -> s.startsWith("SVM grid search"));
			}
		};
		Path out = tmp.resolve("late.zip");
		failure(CancelledException.class, TrainCommand.class, inputs("input", structures.toFile(), "labels",
			labels.toFile(), "encoder", "pca", "model", out.toFile(), "listener", cancelInGridSearch));
		assertTrue(stages.stream().anyMatch(s -> s.startsWith("Encoding")), stages.toString());
		assertFalse(stages.stream().anyMatch(s -> s.startsWith("SVM final fit")), "stopped before the final fit: "
			+ stages);
		assertFalse(Files.exists(out), "no model file after cancelling");
	}

	@Test
	void cancellingTrainingStopsWithoutWritingAModel() throws IOException {
		Cancelling cancelAfterFirstReport = Cancelling.after(1);
		Path dir = tmp.resolve("out");
		Files.createDirectories(dir);
		Path out = dir.resolve("cancelled.zip");
		failure(CancelledException.class, TrainCommand.class, inputs("input", structures.toFile(), "labels",
			labels.toFile(), "encoder", "pca", "model", out.toFile(), "listener", cancelAfterFirstReport));
		assertTrue(cancelAfterFirstReport.reports() >= 1, "the listener was used");
		assertFalse(Files.exists(out), "no model file after cancelling");
		try (Stream<Path> left = Files.list(dir)) {
			assertEquals(List.of(), left.toList(), "no temporary files left behind");
		}
	}

	/** Label Structures' command: the structures and the labels file as a session, without a window. */
	@Test
	void labelOpensASessionOnTheStructuresWithTheModelsPredictions(@TempDir Path work) throws Exception {
		Path labelsFile = work.resolve("my-labels.csv");
		CommandModule m = run(LabelCommand.class, inputs("input", structures.toFile(), "labels", labelsFile.toFile(),
			"model", model.toFile(), "order", "file"));
		LabellingSession session = (LabellingSession) m.getOutput("session");
		assertNotNull(session, () -> String.valueOf(((ClathrinCommand) m.getCommand()).getFailure()));
		assertEquals(STRUCTURES, session.structures().size());
		assertEquals(List.of("yes", "no"), session.classNames());
		assertEquals(LabellingSession.Order.FILE, session.order());
		assertEquals(session.structures().keys().get(0), session.next().orElseThrow().key());
		for (String key : session.structures().keys()) assertTrue(session.prediction(key).isPresent(), key);
		assertFalse(Files.exists(labelsFile), "created at the first label, not before");
		assertContains((String) m.getOutput("report"), String.valueOf(STRUCTURES), "my-labels.csv");
	}

	@Test
	void labelTakesItsClassesAndOrderAsTheDialogGivesThem(@TempDir Path work) throws Exception {
		CommandModule m = run(LabelCommand.class, inputs("input", structures.toFile(), "labels", work.resolve("l.csv")
			.toFile(), "classes", " pit, vesicle,pit,,plaque "));
		LabellingSession session = ((LabelCommand) m.getCommand()).getSession();
		assertEquals(List.of("pit", "vesicle", "plaque"), session.classNames());
		assertEquals(LabellingSession.Order.UNCERTAIN, session.order()); // the default
		for (String key : session.structures().keys()) assertTrue(session.prediction(key).isEmpty(), key);
	}

	@Test
	void labelRefusesInOneLineWhatItCannotWorkWith(@TempDir Path work) {
		File labelsFile = work.resolve("l.csv").toFile();
		assertContains(inputError(LabelCommand.class, inputs("input", structures.toFile())).getMessage(),
			"labels file");
		assertContains(inputError(LabelCommand.class, inputs("input", work.resolve("none").toFile(), "labels",
			labelsFile)).getMessage(), "none");
		assertContains(inputError(LabelCommand.class, inputs("input", structures.toFile(), "labels", labelsFile,
			"model", work.resolve("gone.zip").toFile())).getMessage(), "gone.zip");
		assertContains(inputError(LabelCommand.class, inputs("input", structures.toFile(), "labels", labelsFile,
			"order", "sideways")).getMessage(), "sideways", "uncertain, random or file");
		assertContains(inputError(LabelCommand.class, inputs("input", structures.toFile(), "labels", labelsFile,
			"class_from", "file")).getMessage(), "class_from", "l.csv");
	}

	/** Open Localizations' command: the file's report and, when asked, its structures as volumes to show. */
	@Test
	void openGivesTheVolumesOfATablesStructures() throws Exception {
		File table = Path.of("test-data", "simulated", "all-structures.csv").toFile();
		CommandModule plain = run(OpenCommand.class, inputs("input", table));
		assertEquals(List.of(), ((OpenCommand) plain.getCommand()).getVolumes());
		CommandModule m = run(OpenCommand.class, inputs("input", table, "roi_column", "roi", "show_volumes", true));
		OpenCommand open = (OpenCommand) m.getCommand();
		// The volumes add to the file's report only warnings about localizations outside a structure's box.
		String report = (String) m.getOutput("report"), described = (String) plain.getOutput("report");
		assertTrue(report.startsWith(described), report);
		for (String line : report.substring(described.length()).strip().split("\n"))
			assertTrue(line.isEmpty() || line.startsWith("warning: ") && line.contains("outside"), line);
		assertEquals(16, open.getVolumes().size());
		assertEquals(16, open.getVolumeKeys().size());
		assertEquals(io.github.clathrin.voxels.VoxelConfig.DEFAULT, open.getVoxels());
		assertEquals(30, open.getVolumes().get(0).nz());
		for (io.github.clathrin.voxels.Volume v : open.getVolumes()) {
			double total = 0;
			for (float f : v.data()) total += f;
			assertTrue(total > 0, "every structure has localizations in its box");
		}
		assertContains(inputError(OpenCommand.class, inputs("input", table, "roi_column", "no_such_column",
			"show_volumes", true)).getMessage(), "no_such_column");
	}
}
