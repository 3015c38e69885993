package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.cli.Main;

/**
 * The Fiji menus run the same commands as the CLI, so they refuse the same outputs: a macro whose Train
 * writes the model over the labels file, or whose Classify writes the results over a structure file, stops
 * with the refusal and leaves both files as they were (real ImageJ 1.x, batch mode).
 */
class OutputRefusalMacroTest {

	@Test
	void macrosCannotWriteOverTheLabelsOrAStructure(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij"));
		Path structures = Files.createDirectories(work.resolve("structures"));
		try (var s = Files.list(MacrosTest.SIMULATED.resolve("structures"))) {
			for (Path f : s.toList()) Files.copy(f, structures.resolve(f.getFileName()));
		}
		Path labels = Files.copy(MacrosTest.SIMULATED.resolve("labels.csv"), work.resolve("labels.csv"));
		Path model = work.resolve("model.zip");
		assertEquals(0, Main.run("train", "--input", structures.toString(), "--labels", labels.toString(), "--out",
			model.toString()));
		Path victim = structures.resolve("s0001.csv");
		byte[] labelsBefore = Files.readAllBytes(labels), victimBefore = Files.readAllBytes(victim);

		Path train = work.resolve("train.ijm");
		Files.writeString(train, "run(\"Train...\", \"input=[" + structures + "] labels=[" + labels + "] encoder=pca "
			+ "model=[" + labels + "]\");\nprint(\"train: still running\");\n");
		RealImageJ.Result t = RealImageJ.batchMacro(home, train, "");
		assertTrue(t.output().contains("refusing to overwrite") && t.output().contains("labels file"), t.output());
		assertFalse(t.output().contains("still running"), "the macro stops: " + t.output());
		assertArrayEquals(labelsBefore, Files.readAllBytes(labels));

		Path classify = work.resolve("classify.ijm");
		Files.writeString(classify, "run(\"Classify\", \"model=[" + model + "] input=[" + structures + "] output=["
			+ victim + "]\");\nprint(\"classify: still running\");\n");
		RealImageJ.Result c = RealImageJ.batchMacro(home, classify, "");
		assertTrue(c.output().contains("refusing to overwrite") && c.output().contains("s0001.csv"), c.output());
		assertFalse(c.output().contains("still running"), "the macro stops: " + c.output());
		assertArrayEquals(victimBefore, Files.readAllBytes(victim));
	
		// Files the plugins draw themselves (Classify's render, Show Structures' gallery) are checked by the command
		// before anything runs, as the CLI's --render is: a new .tif among the structures would be read as one.
		Path one = Files.createDirectories(work.resolve("one"));
		Files.copy(MacrosTest.SIMULATED.resolve("structures").resolve("s0002.csv"), one.resolve("s0002.csv"));
		Path gallery = one.resolve("gallery.tif");
		String[] steps = { "run(\"Classify\", \"model=[" + model + "] input=[" + one + "] output=[" + work.resolve("r.csv")
			+ "] render=[" + gallery + "]\");", "run(\"Show Structures in 3D...\", \"input=[" + one + "] model=[" + model
				+ "] gallery=[" + gallery + "]\");" };
		for (String step : steps) {
			Path drawn = work.resolve("drawn.ijm");
			Files.writeString(drawn, step + "\nprint(\"drawn: still running\");\n");
			RealImageJ.Result d = RealImageJ.batchMacro(home, drawn, "");
			assertTrue(d.output().contains("refusing to write it there") && d.output().contains("gallery.tif"), d.output());
			assertFalse(d.output().contains("still running"), "the macro stops: " + d.output());
			assertFalse(Files.exists(gallery), step);
			assertFalse(Files.exists(work.resolve("r.csv")), "nothing ran: " + step);
		}
	}
}
