package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ND4J (hundreds of MB of natives, seconds to start) is loaded only by the deep encoders: a whole
 * train + evaluate with PCA, k-means and the hand-made features, in a fresh JVM that logs every class it
 * loads, never loads an ND4J or Deeplearning4j class.
 */
class LazyNd4jTest {

	@TempDir
	Path tmp;

	@Test
	void shallowEncodersNeverLoadNd4j() throws Exception {
		String data = "test-data/simulated/";
		List<String> loaded = classesLoadedBy("evaluate", "--input", data + "structures", "--labels", data + "labels.csv",
			"--encoders", "pca,kmeans,lab", "--folds", "2");
		assertTrue(loaded.stream().anyMatch(l -> l.contains("io.github.clathrin.encoders.PcaEncoder")),
			"the class log works");
		List<String> deep = loaded.stream().filter(l -> l.contains("org.nd4j") || l.contains("org.deeplearning4j")
			|| l.contains("io.github.clathrin.deep")).toList();
		assertEquals(List.of(), deep);

		List<String> training = classesLoadedBy("train", "--input", data + "structures", "--labels",
			data + "labels.csv", "--encoder", "pca", "--out", tmp.resolve("m.zip").toString());
		assertEquals(List.of(), training.stream().filter(l -> l.contains("org.nd4j")).toList());
	}

	private List<String> classesLoadedBy(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xlog:class+load=info", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
			Main.class.getName()));
		command.addAll(List.of(args));
		Path log = tmp.resolve("classes-" + args[0] + ".log");
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean finished = p.waitFor(5, TimeUnit.MINUTES); // a guard against a hung child, not a timing assertion
		if (!finished) p.destroyForcibly();
		assertTrue(finished, "the JVM did not finish");
		List<String> lines = Files.readAllLines(log);
		assertEquals(0, p.exitValue(), () -> String.join("\n", lines.stream().filter(l -> !l.startsWith("[")).toList()));
		return lines;
	}
}
