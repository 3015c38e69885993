package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import io.github.clathrin.cli.Main;

/**
 * Evaluate in real ImageJ 1.x: the official-split mode of a benchmark .npz is a recordable macro call, with the
 * command's names ({@code dataset}, {@code json}) and with the keys of earlier versions ({@code input} plus
 * {@code official_split}, {@code output}); its confusion matrix is the one the command line draws.
 */
class EvaluatePluginTest {

	@Test
	@SuppressWarnings("unchecked")
	void aBenchmarkFileIsScoredOnItsOfficialSplitFromAMacro(@TempDir Path work) throws Exception {
		Map<String, Object> m = officialSplitFromAMacro(work, "input", "output", " official_split");
		assertTrue(((Number) ((Map<String, Object>) m.get("accuracy")).get("pca")).doubleValue() > 0.9, m.toString());

		// The same evaluation on the command line: its confusion PNG has the very pixels Fiji's confusion
		// image has (one row, so Fiji's image is that row's image alone); one renderer draws both.
		Path npz = work.resolve("geometries.npz"), plots = work.resolve("plots");
		assertEquals(0, Main.run("evaluate", "--dataset", npz.toString(), "--encoders", "pca", "--grid", "20",
			"--class-names", "cube,diamond,sphere", "--confusion", plots.toString()));
		BufferedImage fiji = ImageIO.read(work.resolve("split-confusion.png").toFile()),
			cli = ImageIO.read(plots.resolve("confusion-pca.png").toFile());
		assertEquals(cli.getWidth() + " x " + cli.getHeight(), fiji.getWidth() + " x " + fiji.getHeight());
		int differing = 0;
		for (int y = 0; y < cli.getHeight(); y++)
			for (int x = 0; x < cli.getWidth(); x++)
				if ((cli.getRGB(x, y) & 0xFFFFFF) != (fiji.getRGB(x, y) & 0xFFFFFF)) differing++;
		assertEquals(0, differing, "pixels that differ between Fiji's and the command line's confusion matrix");
		// The per-class plot Fiji wrote names the classes on its axis (EvaluationFiguresTest checks the drawing).
		assertTrue(Files.size(work.resolve("split-per-class.png")) > 1000);
	}

	@Test
	void theDatasetAndJsonKeysAreTheCommandsNames(@TempDir Path work) throws Exception {
		officialSplitFromAMacro(work, "dataset", "json", "");
	}

	/**
	 * Simulates the Geometries benchmark into {@code work} and scores its official split with pca in real ImageJ
	 * from a macro that names the .npz by {@code datasetKey} and the JSON report by {@code jsonKey} ({@code extra}
	 * ends the options); checks that the macro ran on and the report's split and class names, and returns it.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> officialSplitFromAMacro(Path work, String datasetKey, String jsonKey,
		String extra) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij"));
		assertEquals(0, Main.run("simulate", "--kind", "geometries", "--out", work.toString()));
		Path npz = work.resolve("geometries.npz"), json = work.resolve("split.json"), macro = work.resolve("split.ijm");
		Files.writeString(macro, "run(\"Evaluate...\", \"" + datasetKey + "=[" + npz + "] encoders=pca grid=20 "
			+ jsonKey + "=[" + json + "]" + extra + " class_names=cube,diamond,sphere\");\nprint(\"split: done\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("split: done"), r.output());
		Map<String, Object> m = new Gson().fromJson(Files.readString(json), Map.class);
		assertEquals(Map.of("train", 300.0, "test", 300.0), m.get("split"));
		assertEquals(List.of("cube", "diamond", "sphere"), m.get("classNames"));
		return m;
	}
}
