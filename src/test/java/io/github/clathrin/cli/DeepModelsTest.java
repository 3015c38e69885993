package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.Opener;

import io.github.clathrin.Simulation;
import io.github.clathrin.commands.TrainCommand;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

/**
 * The deep encoders through the command line, as a user runs them: every one trains into a model file
 * that classifies identically in a new JVM; autoencoder models reconstruct; a cancelled training run
 * stops within a second and writes nothing. Small networks and one or two epochs keep this quick.
 */
class DeepModelsTest {

	/** Tiny networks: the behaviour under test does not depend on their size. */
	private static final String[] SMALL = { "--epochs", "2", "-E", "batch=8" };

	@TempDir
	static Path data;

	@TempDir
	Path tmp;

	private static Path structures, labels;

	@BeforeAll
	static void simulate() throws IOException {
		Simulation.Folder simulated = Simulation.write(data, 40, 24, 3);
		structures = simulated.structures();
		labels = simulated.labels();
	}

	private static String[] args(String[] head, String... tail) {
		List<String> all = new ArrayList<>(List.of(head));
		all.addAll(List.of(tail));
		return all.toArray(String[]::new);
	}

	private Path train(String encoder, String... extra) {
		Path model = tmp.resolve(encoder + ".zip");
		List<String> a = new ArrayList<>(List.of("train", "--input", structures.toString(), "--labels", labels.toString(),
			"--encoder", encoder, "--out", model.toString()));
		a.addAll(List.of(SMALL));
		a.addAll(List.of(extra));
		MainTest.Result r = MainTest.cli(a.toArray(String[]::new));
		assertEquals(0, r.exit(), r.out() + r.err());
		return model;
	}

	@Test
	void everyDeepModelClassifiesIdenticallyInANewJvm() throws Exception {
		for (String encoder : List.of("dense-ae", "conv-ae", "sparse-conv-ae", "cnn")) {
			Path model = train(encoder, switch (encoder) {
			case "cnn" -> new String[] { "-E", "filters=2,4", "-E", "hidden=16,8" };
			case "dense-ae" -> new String[] { "-E", "hidden=32,16", "-E", "latent=8" };
			default -> new String[] { "-E", "filters=2,4", "-E", "latent=8" };
			});
			Map<String, Object> manifest = ModelFile.manifest(model);
			String json = ModelFile.toJson(manifest);
			assertTrue(json.contains("\"history\""), "training history in the manifest: " + json);
			assertTrue(json.contains(encoder.equals("cnn") ? "\"argmax\"" : "\"svm\""), json);

			Path here = tmp.resolve(encoder + "-here.csv"), there = tmp.resolve(encoder + "-there.csv");
			MainTest.Result r = MainTest.cli("classify", "--model", model.toString(), "--input", structures.toString(),
				"--out", here.toString());
			assertEquals(0, r.exit(), r.out() + r.err());
			runInNewJvm("classify", "--model", model.toString(), "--input", structures.toString(), "--out",
				there.toString());
			assertEquals(41, Files.readAllLines(here).size(), "header + 40 structures");
			assertArrayEquals(Files.readAllBytes(here), Files.readAllBytes(there), encoder);
		}
	}

	@Test
	void evaluateComparesEveryDeepEncoderWithPca() throws IOException {
		Path json = tmp.resolve("eval.json");
		MainTest.Result r = MainTest.cli("evaluate", "--input", structures.toString(), "--labels", labels.toString(),
			"--encoders", "pca,dense-ae,conv-ae,sparse-conv-ae,cnn", "--folds", "2", "--epochs", "1", "-E", "batch=8",
			"-E", "filters=2,4", "-E", "latent=8", "-E", "dense-ae.hidden=32,16", "-E", "cnn.hidden=16,8", "--json",
			json.toString());
		assertEquals(0, r.exit(), r.out() + r.err());
		for (String row : List.of("pca", "dense-ae", "conv-ae", "sparse-conv-ae", "cnn"))
			assertTrue(r.out().lines().anyMatch(l -> l.startsWith(row + " ")), row + " row missing:\n" + r.out());
		assertTrue(r.out().contains("reconstruction error"), r.out());
		String written = Files.readString(json);
		for (String key : List.of("\"dense-ae\"", "\"conv-ae\"", "\"sparse-conv-ae\"", "\"cnn\"", "\"reconstructionError\""))
			assertTrue(written.contains(key), key + " in " + written);
		assertTrue(r.err().contains("samples/s"), "training progress on stderr: " + r.err());
	}

	@Test
	void autoencoderModelsReconstructAndOthersAreRefused() throws IOException {
		Path model = train("conv-ae", "-E", "filters=2,4", "-E", "latent=8");
		Path out = tmp.resolve("recon");
		MainTest.Result r = MainTest.cli("reconstruct", "--model", model.toString(), "--input", structures.toString(),
			"--out", out.toString(), "--limit", "5");
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().contains("mean squared error per voxel"), r.out());
		List<String> csv = Files.readAllLines(out.resolve("reconstruction-errors.csv"));
		assertEquals(6, csv.size(), "header + 5 structures");
		String first = csv.get(1).split(",")[1];
		ImagePlus stack = new Opener().openImage(out.resolve(first).toString());
		assertNotNull(stack, first);
		assertEquals(2, stack.getNChannels(), "input and reconstruction");
		assertEquals(30, stack.getNSlices());
		double mse = Double.parseDouble(csv.get(1).split(",")[2]);
		assertTrue(mse > 0 && mse < 0.25, "a reconstruction, not noise: " + mse);

		Path pca = tmp.resolve("pca.zip");
		assertEquals(0, MainTest.cli("train", "--input", structures.toString(), "--labels", labels.toString(),
			"--encoder", "pca", "--out", pca.toString()).exit());
		MainTest.Result refused = MainTest.cli("reconstruct", "--model", pca.toString(), "--input",
			structures.toString(), "--out", tmp.resolve("no").toString());
		assertEquals(2, refused.exit());
		assertTrue(refused.err().contains("does not reconstruct"), refused.err());
	}

	@Test
	void cancellingDeepTrainingStopsWithinASecondAndWritesNoModel() throws Exception {
		Path dir = Files.createDirectories(tmp.resolve("cancel"));
		Path out = dir.resolve("conv.zip");
		AtomicLong cancelledAt = new AtomicLong();
		Progress cancelDuringTraining = new Progress() {
			@Override
			public void report(String stage, long done, long total) {
				if (stage.startsWith("Training conv-ae") && done >= 1) cancelledAt.compareAndSet(0, System.nanoTime());
			}

			@Override
			public boolean isCancelled() {
				return cancelledAt.get() != 0;
			}
		};
		Map<String, Object> in = new java.util.HashMap<>(Map.of("input", structures.toFile(), "labels", labels.toFile(),
			"encoder", "conv-ae", "model", out.toFile(), "epochs", 50, "listener", cancelDuringTraining));
		org.scijava.Context context = new org.scijava.Context(org.scijava.command.CommandService.class);
		try {
			TrainCommand c = (TrainCommand) context.service(org.scijava.command.CommandService.class)
				.run(TrainCommand.class, false, in).get().getCommand();
			long stopped = System.nanoTime();
			assertInstanceOf(CancelledException.class, c.getFailure());
			assertTrue(cancelledAt.get() != 0, "training started");
			double seconds = (stopped - cancelledAt.get()) / 1e9;
			assertTrue(seconds < 1.0, "stopped " + seconds + " s after the cancel");
		}
		finally {
			context.dispose();
		}
		assertFalse(Files.exists(out), "no model file after cancelling");
		try (Stream<Path> left = Files.list(dir)) {
			assertEquals(List.of(), left.toList(), "no temporary files left behind");
		}
	}

	private static void runInNewJvm(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes());
		boolean finished = p.waitFor(5, TimeUnit.MINUTES); // a guard against a hung child, not a timing assertion
		assertTrue(finished, "the new JVM did not finish");
		assertEquals(0, p.exitValue(), output);
	}
}
