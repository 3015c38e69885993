package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark (a provided dependency, hundreds of classes and seconds to start) is loaded only by the batch's Spark
 * engine: train, classify and {@code batch --engine local}, each in a fresh JVM that logs every class it loads
 * and has Spark on its class path (the tests' class path), never load a class of Spark or Scala, nor the Spark
 * engine; {@code batch --engine spark} does, and writes the same summary.
 */
class LazySparkTest {

	@TempDir
	Path tmp;

	@Test
	void onlyTheSparkEngineLoadsSpark() throws Exception {
		String data = "test-data/simulated/";
		Path model = tmp.resolve("model.zip"), cells = tmp.resolve("cells");
		assertNoSpark(classesLoadedBy("train", "--input", data + "structures", "--labels", data + "labels.csv",
			"--encoder", "pca", "--out", model.toString()));
		assertNoSpark(classesLoadedBy("classify", "--model", model.toString(), "--input", data + "structures", "--out",
			tmp.resolve("results.csv").toString()));
		classesLoadedBy("simulate", "--kind", "cells", "--cells", "3", "--structures", "4", "--out", cells.toString());
		List<String> local = classesLoadedBy("batch", "--model", model.toString(), "--input", cells.toString(), "--out",
			tmp.resolve("local").toString(), "--engine", "local");
		assertTrue(local.stream().anyMatch(l -> l.contains("io.github.clathrin.batch.LocalEngine ")), "the class log works");
		assertNoSpark(local);

		List<String> spark = classesLoadedBy("batch", "--model", model.toString(), "--input", cells.toString(), "--out",
			tmp.resolve("spark").toString(), "--engine", "spark", "--master", "local[1]");
		assertTrue(spark.stream().anyMatch(l -> l.contains("org.apache.spark.SparkContext ")), "Spark ran");
		assertArrayEquals(Files.readAllBytes(tmp.resolve("local").resolve("summary.csv")),
			Files.readAllBytes(tmp.resolve("spark").resolve("summary.csv")));
	}

	private static void assertNoSpark(List<String> loaded) {
		assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" org.apache.spark.") || l.contains(" scala.")
			|| l.contains("io.github.clathrin.batch.spark.SparkEngine ")).limit(5).toList());
	}

	private List<String> classesLoadedBy(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xlog:class+load=info", "-Djava.awt.headless=true"));
		// The options Spark needs on Java 17, as the tests' JVM got them (pom.xml's spark.javaOptions).
		for (String o : ManagementFactory.getRuntimeMXBean().getInputArguments())
			if (o.startsWith("--add-opens") || o.startsWith("-Dio.netty") || o.startsWith("-Djdk.reflect")) command.add(o);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
		command.addAll(List.of(args));
		Path log = tmp.resolve("classes-" + args[0] + "-" + System.nanoTime() + ".log");
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean finished = p.waitFor(5, TimeUnit.MINUTES); // a guard against a hung child, not a timing assertion
		if (!finished) p.destroyForcibly();
		assertTrue(finished, "the JVM did not finish");
		List<String> lines = Files.readAllLines(log);
		assertEquals(0, p.exitValue(), () -> String.join("\n", lines.stream().filter(l -> !l.startsWith("[")).toList()));
		return lines;
	}
}
