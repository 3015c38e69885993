package io.github.clathrin.ui;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import io.github.clathrin.pipeline.EvaluationReport;

/**
 * The figures of an evaluation, drawn the same for Fiji's windows and the command line's PNG files: one
 * confusion matrix per row ({@link ConfusionMatrixPlot}) and the per-class accuracies as grouped bars
 * ({@link CurvePlot#bars}) with the class names on their axis.
 */
public final class EvaluationFigures {

	/** White between the confusion matrices of several rows in one image. */
	static final int GAP = 16;

	private EvaluationFigures() {}

	/** The title of a row's confusion matrix: the row and how it was scored. */
	public static String confusionTitle(EvaluationReport report, EvaluationReport.Row row) {
		return row.name() + " \u2014 " + report.protocol();
	}

	/** Where the command line writes a row's confusion matrix in {@code dir}: "confusion-lab+logistic.png". */
	public static Path confusionFile(Path dir, EvaluationReport.Row row) {
		return dir.resolve("confusion-" + ConfusionMatrixPlot.fileName(row.name()) + ".png");
	}

	/** A row's confusion matrix, exactly as {@link #confusionFile} holds it. */
	public static ImagePlus confusion(EvaluationReport report, EvaluationReport.Row row) {
		return ConfusionMatrixPlot.image(confusionTitle(report, row), row.evaluation());
	}

	/**
	 * Every row's confusion matrix in one image, in a grid of about as many columns as lines, top-left
	 * aligned with {@link #GAP} white between them: each is pixel for pixel the image of {@link #confusion}
	 * (one row gives that image itself).
	 */
	public static ImagePlus confusion(EvaluationReport report) {
		List<ImageProcessor> tiles = new ArrayList<>();
		for (EvaluationReport.Row row : report.rows()) tiles.add(confusion(report, row).getProcessor());
		if (tiles.isEmpty()) throw new IllegalArgumentException("Nothing to draw: the evaluation has no rows");
		int columns = (int) Math.ceil(Math.sqrt(tiles.size())), lines = (tiles.size() + columns - 1) / columns;
		int[] widths = new int[columns], heights = new int[lines];
		for (int i = 0; i < tiles.size(); i++) {
			widths[i % columns] = Math.max(widths[i % columns], tiles.get(i).getWidth());
			heights[i / columns] = Math.max(heights[i / columns], tiles.get(i).getHeight());
		}
		int width = IntStream.of(widths).sum() + GAP * (columns - 1), height = IntStream.of(heights).sum()
			+ GAP * (lines - 1);
		ColorProcessor ip = new ColorProcessor(width, height);
		ip.setColor(Color.WHITE);
		ip.fill();
		for (int i = 0; i < tiles.size(); i++) {
			int x = GAP * (i % columns), y = GAP * (i / columns);
			for (int c = 0; c < i % columns; c++) x += widths[c];
			for (int l = 0; l < i / columns; l++) y += heights[l];
			ip.insert(tiles.get(i), x, y);
		}
		return new ImagePlus("Clathrin Confusion", ip);
	}

	/** Accuracy on each class, one bar per row in the row's colour, the classes named on the x axis. */
	public static ImagePlus perClass(EvaluationReport report) {
		double[] x = IntStream.range(0, report.classNames().size()).asDoubleStream().toArray();
		List<CurvePlot.Series> series = new ArrayList<>();
		for (EvaluationReport.Row row : report.rows())
			series.add(new CurvePlot.Series(String.format(Locale.ROOT, "%s (%.3f)", row.name(),
				row.evaluation().accuracy()), x, row.evaluation().perClassAccuracy()));
		ImagePlus image = CurvePlot.bars("Accuracy on each class \u2014 " + report.protocol(), "accuracy on the class",
			report.classNames(), series);
		image.setTitle("Clathrin Per-Class Accuracy");
		return image;
	}
}
