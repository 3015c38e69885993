package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulatedStructure;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.task.Progress;
import io.github.clathrin.testplugin.PointListReader;
import io.github.clathrin.testplugin.SpreadEncoder;

/**
 * An encoder and a localization reader added from the class path alone, as a plug-in jar would add them:
 * their classes are test classes (io.github.clathrin.testplugin) and their META-INF/services files sit in a
 * folder of their own (src/test/resources/plugin-on-class-path) that only the command line run here puts on
 * its class path, so that this test JVM, and the tests that pin the built-in lists, never see them. With it,
 * the command line lists the encoder in its help, trains on a file in the reader's format, writes the model,
 * loads it again and classifies.
 */
class PluginFromClassPathTest {

	@TempDir
	Path tmp;

	@Test
	void anEncoderAndAReaderFromTheClassPathTrainSaveLoadAndClassify() throws Exception {
		// Without the plug-in folder nothing knows them: the registry, not a list, is what the run below adds to.
		assertFalse(Encoders.names().contains(SpreadEncoder.NAME));
		assertFalse(LocalizationReaders.all().stream().anyMatch(r -> r instanceof PointListReader));

		SimulatedDataset data = new ClathrinSimulator(SimulationConfig.defaults().withCounts(40, 24).withSeed(3))
			.simulate(Progress.NONE).write(tmp.resolve("sim"));
		Path points = tmp.resolve("cell.pts"), labels = tmp.resolve("sim").resolve(SimulatedDataset.LABELS_ROI);
		writePointList(data, points);
		Path model = tmp.resolve("model.zip"), results = tmp.resolve("results.csv");

		Run help = clathrin("train", "--help");
		assertEquals(0, help.exit, help.toString());
		assertTrue(help.out.replaceAll("\\s+", " ").contains(SpreadEncoder.NAME), "train --help lists the plug-in's encoder: "
			+ help);
		// ... with its description and its option's default, which only its provider knows
		assertTrue(help.out.contains("spread of the points along x, y, z") && help.out.contains("scale=1"),
			"train --help describes the plug-in's encoder and its options: " + help);

		Run train = clathrin("train", "--input", points.toString(), "--roi-column", "cluster", "--labels",
			labels.toString(), "--encoder", SpreadEncoder.NAME, "--encoder-options", SpreadEncoder.NAME + ".scale=2", "--model", model.toString());
		assertEquals(0, train.exit, train.toString());
		assertTrue(train.out.contains("Trained " + SpreadEncoder.NAME + " + svm on 24 labelled of 40 structures"),
			train.toString());

		Run classify = clathrin("classify", "--model", model.toString(), "--input", points.toString(), "--roi-column",
			"cluster", "--output", results.toString());
		assertEquals(0, classify.exit, classify.toString());
		assertTrue(classify.out.contains("Classified 40 structures"), classify.toString());
		List<String> rows = Files.readAllLines(results);
		assertEquals(41, rows.size(), "one row per structure: " + rows);
		for (String row : rows.subList(1, rows.size())) assertEquals("ok", row.split(",", -1)[6], row);

		// A folder of structures reads the plug-in's extension too: one structure per .pts file.
		Path folder = tmp.resolve("structures");
		writePointFiles(data, folder);
		Run classifyFolder = clathrin("classify", "--model", model.toString(), "--input", folder.toString(), "--output",
			tmp.resolve("folder.csv").toString());
		assertEquals(0, classifyFolder.exit, classifyFolder.toString());
		assertTrue(classifyFolder.out.contains("Classified 40 structures"), classifyFolder.toString());

		// A folder of whole-cell tables (one file per cell, --roi-column) reads the plug-in's tables too.
		Path cells = tmp.resolve("cells");
		Files.createDirectories(cells);
		Files.copy(points, cells.resolve("cell 1.pts"));
		Run classifyCells = clathrin("classify", "--model", model.toString(), "--input", cells.toString(), "--roi-column",
			"cluster", "--output", tmp.resolve("cell results").toString());
		assertEquals(0, classifyCells.exit, classifyCells.toString());
		assertEquals(41, Files.readAllLines(tmp.resolve("cell results").resolve("cell 1-results.csv")).size(),
			classifyCells.toString());

		// The model names the plug-in's encoder: without the plug-in it is refused with its name, not misread.
		Run without = clathrin(false, "classify", "--model", model.toString(), "--input", points.toString(),
			"--roi-column", "cluster", "--output", tmp.resolve("again.csv").toString());
		assertTrue(without.exit != 0 && without.err.contains(SpreadEncoder.NAME), without.toString());
	}

	/** The simulated structures as one file in the plug-in's format, the group being the structure's roi. */
	private static void writePointList(SimulatedDataset data, Path file) throws IOException {
		StringBuilder sb = new StringBuilder(PointListReader.MAGIC).append('\n');
		for (SimulatedStructure s : data.structures()) {
			double[] p = s.localizations().points();
			for (int i = 0; i < p.length; i += 3)
				sb.append(String.format(Locale.ROOT, "%d %.3f %.3f %.3f%n", s.roi(), p[i], p[i + 1], p[i + 2]));
		}
		Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
	}

	/** The simulated structures as one file each in the plug-in's format. */
	private static void writePointFiles(SimulatedDataset data, Path folder) throws IOException {
		Files.createDirectories(folder);
		for (SimulatedStructure s : data.structures()) {
			StringBuilder sb = new StringBuilder(PointListReader.MAGIC).append('\n');
			double[] p = s.localizations().points();
			for (int i = 0; i < p.length; i += 3)
				sb.append(String.format(Locale.ROOT, "0 %.3f %.3f %.3f%n", p[i], p[i + 1], p[i + 2]));
			Files.writeString(folder.resolve("r" + s.roi() + ".pts"), sb.toString(), StandardCharsets.US_ASCII);
		}
	}

	private record Run(int exit, String out, String err) {
		@Override
		public String toString() {
			return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
		}
	}

	private Run clathrin(String... args) throws Exception {
		return clathrin(true, args);
	}

	/** The command line in a JVM of its own, with the plug-in folder on its class path when asked. */
	private Run clathrin(boolean withPlugin, String... args) throws Exception {
		String classPath = System.getProperty("java.class.path");
		if (withPlugin) classPath += File.pathSeparator
			+ Path.of(PluginFromClassPathTest.class.getResource("/plugin-on-class-path").toURI());
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Djava.awt.headless=true", "-cp", classPath, Main.class.getName()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(tmp, "out", ".txt"), err = Files.createTempFile(tmp, "err", ".txt");
		Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!p.waitFor(5, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("clathrin " + String.join(" ", args) + " did not finish in 5 minutes");
		}
		return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
	}
}
