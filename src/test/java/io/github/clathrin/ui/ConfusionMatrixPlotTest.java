package io.github.clathrin.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;

import io.github.clathrin.classifier.Evaluation;

/** Confusion matrices render headless, colour cells by the row fraction and reach disk as whole PNGs. */
class ConfusionMatrixPlotTest {

	@TempDir
	Path tmp;

	/** 10 cubes (9 right), 10 diamonds (all right), 5 spheres (all called diamonds). */
	private static Evaluation example() {
		int[] truth = new int[25], predicted = new int[25];
		for (int i = 0; i < 25; i++) {
			truth[i] = i < 10 ? 0 : i < 20 ? 1 : 2;
			predicted[i] = i == 0 ? 1 : i < 20 ? truth[i] : 1;
		}
		double[][] p = new double[25][3];
		for (int i = 0; i < 25; i++) p[i][predicted[i]] = 1;
		return new Evaluation(List.of("cube", "diamond", "night_stand"), truth, predicted, p, new int[25]);
	}

	private static double brightness(BufferedImage img, int x, int y) {
		int rgb = img.getRGB(x, y);
		return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3.0;
	}

	private static int count(BufferedImage img, int r, int g, int b) {
		int n = 0, rgb = r << 16 | g << 8 | b;
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++)
				if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
		return n;
	}

	@Test
	void rendersHeadlessWithRowNormalisedColours() throws IOException {
		ImagePlus image = ConfusionMatrixPlot.image("pca \u2014 official split: 20 train, 25 test", example());
		BufferedImage img = image.getBufferedImage();
		assertTrue(img.getWidth() > 300 && img.getWidth() < 1200, "width " + img.getWidth());
		assertTrue(img.getHeight() > 300 && img.getHeight() < 1200, "height " + img.getHeight());
		// Two rows are 100% in one cell (diamond, night_stand -> diamond): the full colour of the ramp; the
		// cube row's 90% cell is nearly as dark; the five empty cells stay the ramp's white-blue.
		int full = count(img, 8, 48, 107), empty = count(img, 247, 251, 255), cell = 84 * 84;
		assertTrue(full > cell && full < 2 * cell, "two 100% cells, less their text: " + full + " pixels");
		assertTrue(empty > 4 * cell && empty < 5 * cell, "five empty cells, less their '0': " + empty + " pixels");
		assertEquals(255, brightness(img, 2, 2), 0.1, "white background");
		Path png = tmp.resolve("out").resolve("confusion-pca.png");
		ConfusionMatrixPlot.write(png, "pca", example());
		BufferedImage back = ImageIO.read(png.toFile());
		assertTrue(back.getWidth() > 300);
		try (var files = Files.list(png.getParent())) {
			assertEquals(1, files.count(), "no temporary file left");
		}
		// Kept for people to look at, like the other screenshots.
		Path shots = Path.of("target", "screenshots");
		Files.createDirectories(shots);
		ConfusionMatrixPlot.write(shots.resolve("confusion-matrix.png"), "pca \u2014 official split: 20 train, 25 test",
			example());
	}

	@Test
	void rowNamesBecomeSafeFileNames() {
		assertEquals("lab+logistic", ConfusionMatrixPlot.fileName("lab+logistic"));
		assertEquals("pca+spread", ConfusionMatrixPlot.fileName("pca+spread"));
		assertEquals("a_b_c", ConfusionMatrixPlot.fileName("a/b c"));
		assertEquals("_..", ConfusionMatrixPlot.fileName(".."));
	}
}
