package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures of real windows under Xvfb, kept in target/screenshots/ for a person to look at (the good
 * ones go to docs/images/): the Train dialog, and the Evaluate plots a macro saves beside its JSON.
 */
class ScreenshotsTest {

	static final Path SHOTS = Path.of("target", "screenshots");

	@Test
	void trainDialog(@TempDir Path tmp) throws Exception {
		Path png = SHOTS.resolve("train-dialog.png").toAbsolutePath();
		RealImageJ.Result r = RealImageJ.run(RealImageJ.pluginsHome(tmp), DialogScreenshot.class.getName(),
			png.toString());
		assertEquals(0, r.exitCode(), r.output());
		BufferedImage img = ImageIO.read(png.toFile());
		assertTrue(img.getWidth() > 200 && img.getHeight() > 200, img.getWidth() + "x" + img.getHeight());
	}

	@Test
	void evaluatePlotsAreSavedBesideTheJson(@TempDir Path tmp) throws Exception {
		Path data = Path.of("test-data", "simulated").toAbsolutePath(), json = tmp.resolve("evaluation.json");
		Path macro = tmp.resolve("evaluate.ijm");
		Files.writeString(macro, "run(\"Evaluate...\", \"input=[" + data.resolve("structures") + "] labels=["
			+ data.resolve("labels.csv") + "] encoders=pca,lab folds=2 seed=1 output=[" + json + "]\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(RealImageJ.pluginsHome(tmp.resolve("ij")), macro, "");
		assertTrue(Files.exists(json), r.output());
		Files.createDirectories(SHOTS);
		for (String name : new String[] { "evaluation-confusion.png", "evaluation-per-class.png" }) {
			Path png = tmp.resolve(name);
			assertTrue(Files.exists(png), name + "\n" + r.output());
			assertTrue(ImageIO.read(png.toFile()).getWidth() > 100, name);
			Files.copy(png, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
