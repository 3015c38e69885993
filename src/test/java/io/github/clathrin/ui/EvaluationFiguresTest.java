package io.github.clathrin.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;

import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.pipeline.EvaluationReport;

/**
 * Fiji's evaluation figures and the command line's PNGs are one drawing: the confusion image Fiji shows is
 * made of the very images the command line writes, and the per-class bars name the classes on their axis.
 */
class EvaluationFiguresTest {

	private static final List<String> NAMES = List.of("cube", "diamond", "night_stand");

	/** 10 cubes, 10 diamonds, 5 night stands; the first {@code wrong} structures are called the next class. */
	private static Evaluation evaluation(List<String> names, int wrong) {
		int[] truth = new int[25], predicted = new int[25];
		double[][] p = new double[25][3];
		for (int i = 0; i < 25; i++) {
			truth[i] = i < 10 ? 0 : i < 20 ? 1 : 2;
			predicted[i] = i < wrong ? (truth[i] + 1) % 3 : truth[i];
			p[i][predicted[i]] = 1;
		}
		return new Evaluation(names, truth, predicted, p, new int[25]);
	}

	private static EvaluationReport report(List<String> names, String... rows) {
		List<EvaluationReport.Row> r = new ArrayList<>();
		for (int i = 0; i < rows.length; i++) r.add(new EvaluationReport.Row(rows[i], evaluation(names, 2 + 3 * i), 1));
		return new EvaluationReport(r, names, 25, 25, 5);
	}

	private static int[] pixels(BufferedImage img, int x0, int y0, int w, int h) {
		return img.getRGB(x0, y0, w, h, null, 0, w);
	}

	private static int[] pixels(ImagePlus image) {
		BufferedImage img = image.getBufferedImage();
		return pixels(img, 0, 0, img.getWidth(), img.getHeight());
	}

	@Test
	void theConfusionImageIsMadeOfTheImagesTheCommandLineWrites() throws Exception {
		EvaluationReport three = report(NAMES, "pca", "lab", "lab+logistic");
		BufferedImage all = EvaluationFigures.confusion(three).getBufferedImage();
		// Two columns: pca and lab side by side, lab+logistic under pca.
		int x = 0, y = 0, lineHeight = 0;
		for (int i = 0; i < 3; i++) {
			EvaluationReport.Row row = three.rows().get(i);
			ImagePlus one = EvaluationFigures.confusion(three, row);
			assertEquals(EvaluationFigures.confusionTitle(three, row), one.getTitle());
			assertEquals(row.name() + " \u2014 5-fold cross-validation", one.getTitle());
			if (i == 2) {
				x = 0;
				y = lineHeight + EvaluationFigures.GAP;
			}
			assertArrayEquals(pixels(one), pixels(all, x, y, one.getWidth(), one.getHeight()), row.name());
			x += one.getWidth() + EvaluationFigures.GAP;
			lineHeight = Math.max(lineHeight, one.getHeight());
		}
		// What the command line writes for a row (ConfusionMatrixPlot.write at confusionFile) is that image too.
		Path dir = Files.createTempDirectory("confusion");
		EvaluationReport.Row lab = three.rows().get(1);
		Path png = EvaluationFigures.confusionFile(dir, lab);
		assertEquals("confusion-lab.png", png.getFileName().toString());
		ConfusionMatrixPlot.write(png, EvaluationFigures.confusionTitle(three, lab), lab.evaluation());
		BufferedImage written = javax.imageio.ImageIO.read(png.toFile());
		assertArrayEquals(pixels(EvaluationFigures.confusion(three, lab)), pixels(written, 0, 0, written.getWidth(),
			written.getHeight()));
		// One row: the image is that row's image, nothing around it.
		EvaluationReport one = report(NAMES, "pca");
		assertArrayEquals(pixels(EvaluationFigures.confusion(one, one.rows().get(0))),
			pixels(EvaluationFigures.confusion(one)));
	}

	@Test
	void thePerClassAxisNamesTheClasses() throws Exception {
		List<CurvePlot.Series> series = List.of(new CurvePlot.Series("pca", new double[] { 0, 1, 2 },
			new double[] { 0.9, 0.5, 1 }));
		assertEquals("{cube,diamond,night_stand}", CurvePlot.barPlot("t", "accuracy", NAMES, series).getLabel('x'));
		assertEquals("{a;b,(c)}", CurvePlot.categoryAxis(List.of("a,b", "{c}")), "a name cannot break the list");

		// The names are drawn, and only under the plot frame: other names change nothing else.
		BufferedImage named = CurvePlot.bars("t", "accuracy", NAMES, series).getBufferedImage();
		BufferedImage renamed = CurvePlot.bars("t", "accuracy", List.of("sphere", "cylinder", "pyramid"), series)
			.getBufferedImage();
		BufferedImage same = CurvePlot.bars("t", "accuracy", NAMES, series).getBufferedImage();
		assertArrayEquals(pixels(named, 0, 0, named.getWidth(), named.getHeight()),
			pixels(same, 0, 0, same.getWidth(), same.getHeight()), "deterministic");
		assertEquals(named.getWidth(), renamed.getWidth());
		int firstDifferent = -1;
		for (int yy = 0; yy < named.getHeight() && firstDifferent < 0; yy++)
			for (int xx = 0; xx < named.getWidth(); xx++)
				if (named.getRGB(xx, yy) != renamed.getRGB(xx, yy)) {
					firstDifferent = yy;
					break;
				}
		assertTrue(firstDifferent > named.getHeight() * 3 / 4, "names differ only in the axis band at the bottom, "
			+ "first different line " + firstDifferent + " of " + named.getHeight());

		EvaluationReport two = report(NAMES, "pca", "lab");
		ImagePlus perClass = EvaluationFigures.perClass(two);
		assertEquals("Clathrin Per-Class Accuracy", perClass.getTitle());
		assertNotEquals(0, perClass.getWidth());
		for (int i = 0; i < 2; i++) {
			int colour = CurvePlot.seriesColour(i).getRGB();
			BufferedImage img = perClass.getBufferedImage();
			int n = 0;
			for (int yy = 0; yy < img.getHeight(); yy++)
				for (int xx = 0; xx < img.getWidth(); xx++)
					if (img.getRGB(xx, yy) == colour) n++;
			assertTrue(n > 1000, "row " + i + " has bars in its colour: " + n + " pixels");
		}
		assertFalse(CurvePlot.barPlot("t", "y", NAMES, series).getLabel('x').contains("="), "no '1 = cube' key");
		// Kept for people to look at, like the other screenshots.
		Path shots = Path.of("target", "screenshots");
		Files.createDirectories(shots);
		javax.imageio.ImageIO.write(perClass.getBufferedImage(), "png", shots.resolve("per-class.png").toFile());
		javax.imageio.ImageIO.write(EvaluationFigures.confusion(report(NAMES, "pca", "lab", "lab+logistic"))
			.getBufferedImage(), "png", shots.resolve("confusion-all-rows.png").toFile());
	}
}
