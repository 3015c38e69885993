package io.github.clathrin.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;

import io.github.clathrin.ui.CurvePlot.Series;

/** Curve plots render headless, carry their series colours, and reach disk whole or not at all. */
class CurvePlotTest {

	private static final double[] X = { 0, 100, 200, 400, 800, 1600 };

	private static final List<Series> THREE = List.of(
		new Series("PCA + SVM", X, new double[] { 0.71, 0.74, 0.78, 0.81, 0.83, 0.85 }),
		new Series("soft k-means + SVM", X, new double[] { 0.62, 0.66, 0.70, 0.74, 0.77, 0.79 }),
		new Series("label spreading", X, new double[] { 0.55, 0.60, 0.68, 0.75, 0.82, Double.NaN }));

	private static int count(BufferedImage img, Color colour) {
		int n = 0, rgb = colour.getRGB() & 0xFFFFFF;
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++)
				if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
		return n;
	}

	@Test
	void writesAReadablePngWithTheSeriesColours(@TempDir Path dir) throws IOException {
		assertTrue(GraphicsEnvironment.isHeadless(), "tests run with java.awt.headless=true");
		Path png = dir.resolve("accuracy.png");
		CurvePlot.write(png, "Accuracy against unlabelled structures used", "unlabelled structures used", "accuracy",
			THREE);
		BufferedImage img = ImageIO.read(png.toFile());
		assertTrue(img.getWidth() >= 1000 && img.getWidth() <= 2400, "width " + img.getWidth());
		assertTrue(img.getHeight() >= 600 && img.getHeight() <= 1400, "height " + img.getHeight());
		for (int i = 0; i < 3; i++)
			assertTrue(count(img, CurvePlot.seriesColour(i)) > 500, "series " + i + " is drawn in its colour");
		assertEquals(0, count(img, CurvePlot.seriesColour(3)), "no fourth series, so not its colour either");
		assertEquals(0xFFFFFF, img.getRGB(2, 2) & 0xFFFFFF, "white background");
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(png), files.toList(), "nothing but the plot left behind");
		}
	}

	@Test
	void theImageIsTheSameAsTheFile(@TempDir Path dir) throws IOException {
		ImagePlus imp = CurvePlot.image("t", "x", "y", THREE);
		Path png = dir.resolve("t.png");
		CurvePlot.write(png, "t", "x", "y", THREE);
		BufferedImage read = ImageIO.read(png.toFile()), drawn = imp.getBufferedImage();
		assertEquals(drawn.getWidth(), read.getWidth());
		assertEquals(drawn.getHeight(), read.getHeight());
		assertEquals(drawn.getRGB(drawn.getWidth() / 3, drawn.getHeight() / 2) & 0xFFFFFF,
			read.getRGB(drawn.getWidth() / 3, drawn.getHeight() / 2) & 0xFFFFFF);
	}

	@Test
	void aMissingFolderIsReportedAndLeavesNothing(@TempDir Path dir) throws IOException {
		Path png = dir.resolve("no such folder").resolve("plot.png");
		IOException e = assertThrows(IOException.class, () -> CurvePlot.write(png, "t", "x", "y", THREE));
		assertTrue(e.getMessage().contains("no such folder") && e.getMessage().contains("does not exist"), e.getMessage());
		assertFalse(Files.exists(png.getParent()), "the mistyped folder is not created");
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.count(), "no temporary file");
		}
	}

	@Test
	void replacingAPlotLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
		Path png = dir.resolve("plot.png");
		Files.writeString(png, "old");
		CurvePlot.write(png, "t", "x", "y", THREE);
		assertTrue(ImageIO.read(png.toFile()) != null, "the old content was replaced by a PNG");
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count());
		}
	}

	@Test
	void axesFitAccuracies() {
		double[] limits = CurvePlot.limits(THREE);
		assertEquals(0, limits[0], 0.05 * 1600, "x starts at 0 (a little room for the first marker)");
		assertTrue(limits[0] < 0 && limits[1] > 1600, "markers at both ends stay inside the frame");
		assertEquals(0.5, limits[2], 1e-9, "y starts at a round value below the lowest accuracy");
		assertTrue(limits[3] > 0.85 && limits[3] <= 1.0125 + 1e-12, "y ends just above the highest: " + limits[3]);
		double[] perfect = CurvePlot.limits(List.of(new Series("all right", X, new double[] { 1, 1, 1, 1, 1, 1 })));
		assertTrue(perfect[2] < 1 && perfect[3] > 1 && perfect[3] <= 1.01, "a flat curve at 1 is inside the frame");
		double[] counts = CurvePlot.limits(List.of(new Series("counts", X, new double[] { 10, 20, 30, 40, 50, 60 })));
		double[] zeros = CurvePlot.limits(List.of(new Series("nothing", X, new double[6])));
		assertTrue(zeros[2] == 0 && zeros[3] >= 0.5, "a flat curve at 0 gets a readable range: " + zeros[3]);
		assertTrue(counts[2] >= 0 && counts[2] < 10 && counts[3] > 60, "other quantities get their own range");
	}

	@Test
	void seriesAreCheckedAndCopied() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new Series("short", new double[] { 0, 1 }, new double[] { 0.5 }));
		assertEquals("Series short has 2 x values but 1 y values", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> CurvePlot.image("t", "x", "y", List.of()));
		double[] y = { 0.5, 0.6 };
		Series s = new Series("s", new double[] { 0, 1 }, y);
		y[0] = 9;
		assertArrayEquals(new double[] { 0.5, 0.6 }, s.y(), 0);
	}

	@Test
	void theEvaluationPlotsKeepTheirColours() {
		// The per-class bars (EvaluationFigures) take these six too; their order is what users have seen so far.
		Color[] before = { new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
			new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0) };
		for (int i = 0; i < 8; i++)
			assertEquals(before[i % 6], CurvePlot.seriesColour(i));
	}
}
