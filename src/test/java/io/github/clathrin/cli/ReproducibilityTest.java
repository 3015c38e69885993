package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.Simulation;

/**
 * Same inputs, same bytes: results files of repeated runs, in this JVM and in a fresh one, and model
 * files of repeated trainings with the same seed.
 */
class ReproducibilityTest {

	@TempDir
	static Path data;

	@TempDir
	Path tmp;

	private static Path structures, labels, model;

	@BeforeAll
	static void simulateAndTrain() throws IOException {
		Simulation.Folder simulated = Simulation.write(data, 70, 30, 23);
		structures = simulated.structures();
		labels = simulated.labels();
		model = data.resolve("model.zip");
		train(model, "kmeans", 1);
	}

	private static void train(Path out, String encoder, long seed) {
		MainTest.Result r = MainTest.cli("train", "--input", structures.toString(), "--labels", labels.toString(),
			"--encoder", encoder, "--seed", Long.toString(seed), "--out", out.toString());
		assertEquals(0, r.exit(), r.toString());
	}

	private static String[] classifyArgs(Path out) {
		return new String[] { "classify", "--model", model.toString(), "--input", structures.toString(), "--labels",
			labels.toString(), "--out", out.toString() };
	}

	private static byte[] classifyInProcess(Path out) throws IOException {
		MainTest.Result r = MainTest.cli(classifyArgs(out));
		assertEquals(0, r.exit(), r.toString());
		return Files.readAllBytes(out);
	}

	@Test
	void classifyingTwiceGivesTheSameBytes() throws IOException {
		byte[] first = classifyInProcess(tmp.resolve("first.csv"));
		byte[] second = classifyInProcess(tmp.resolve("second.csv"));
		assertEquals(71, new String(first, StandardCharsets.UTF_8).lines().count(), "header + 70 rows");
		assertArrayEquals(first, second);
	}

	@Test
	void aSeparateJvmGivesTheSameBytes() throws Exception {
		byte[] inProcess = classifyInProcess(tmp.resolve("in-process.csv"));
		Path out = tmp.resolve("separate-jvm.csv");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
		command.addAll(List.of(classifyArgs(out)));
		Path log = tmp.resolve("jvm.log");
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// A guard against a hung child, not a timing assertion.
		boolean finished = p.waitFor(5, TimeUnit.MINUTES);
		if (!finished) p.destroyForcibly();
		assertTrue(finished, "the separate JVM did not finish");
		assertEquals(0, p.exitValue(), () -> "separate JVM failed:\n" + read(log));
		assertArrayEquals(inProcess, Files.readAllBytes(out), () -> "output:\n" + read(log));
	}

	@Test
	void trainingTwiceWithTheSameSeedGivesTheSameModelFile() throws IOException {
		Path a = tmp.resolve("a.zip"), b = tmp.resolve("b.zip");
		train(a, "kmeans", 5);
		train(b, "kmeans", 5);
		assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
		// and the model trained in @BeforeAll, minutes or milliseconds earlier, is byte-identical to a new one
		Path again = tmp.resolve("again.zip");
		train(again, "kmeans", 1);
		assertArrayEquals(Files.readAllBytes(model), Files.readAllBytes(again));
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}
}
