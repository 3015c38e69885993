package io.github.clathrin.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.task.AtomicFiles;

/**
 * The plot of a batch of cells: structures per class in each cell (grouped bars) above the distribution of the
 * fitted closing angles of each class over all cells (10-degree bins), drawn with {@link CurvePlot}.
 */
public final class CellSummaryPlot {

	/** Width of a closing-angle bin, in degrees. */
	static final int BIN = 10;

	private CellSummaryPlot() {}

	/** The counts per class per cell. */
	public static ImagePlus counts(List<CellSummary> cells) {
		List<String> classes = cells.get(0).classNames();
		List<CurvePlot.Series> series = new ArrayList<>();
		double most = 1;
		for (int c = 0; c < classes.size(); c++) {
			double[] x = new double[cells.size()], y = new double[cells.size()];
			for (int i = 0; i < cells.size(); i++) {
				x[i] = i;
				y[i] = cells.get(i).counts()[c];
				most = Math.max(most, y[i]);
			}
			series.add(new CurvePlot.Series(classes.get(c), x, y));
		}
		return CurvePlot.bars("Structures per class in each cell", "structures", cells.stream().map(CellSummary::cell)
			.toList(), series, Math.ceil(most * 1.1));
	}

	/** How many structures of each class (over all cells) have a closing angle in each bin from 0 to 180 degrees. */
	public static ImagePlus angles(List<CellSummary> cells) {
		List<String> classes = cells.get(0).classNames();
		int bins = 180 / BIN;
		List<CurvePlot.Series> series = new ArrayList<>();
		for (int c = 0; c < classes.size(); c++) {
			double[] x = new double[bins], y = new double[bins];
			for (int b = 0; b < bins; b++) x[b] = b * BIN + BIN / 2.0;
			for (CellSummary cell : cells)
				for (double a : cell.angles().get(c)) y[Math.max(0, Math.min(bins - 1, (int) (a / BIN)))]++;
			series.add(new CurvePlot.Series(classes.get(c), x, y));
		}
		return CurvePlot.image("Closing angle of the fitted caps, per class", "closing angle (deg)", "structures",
			series);
	}

	/** Both plots, one above the other, as one PNG written atomically. */
	public static void write(Path png, List<CellSummary> cells) throws IOException {
		AtomicFiles.write(png, png(cells));
	}

	/** Both plots, one above the other, as the content of a PNG file. */
	public static AtomicFiles.Content png(List<CellSummary> cells) {
		if (cells.isEmpty()) throw new IllegalArgumentException("no cells to plot");
		BufferedImage top = counts(cells).getBufferedImage(), bottom = angles(cells).getBufferedImage();
		BufferedImage out = new BufferedImage(Math.max(top.getWidth(), bottom.getWidth()), top.getHeight()
			+ bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, out.getWidth(), out.getHeight());
			g.drawImage(top, 0, 0, null);
			g.drawImage(bottom, 0, top.getHeight(), null);
		}
		finally {
			g.dispose();
		}
		return o -> {
			if (!ImageIO.write(out, "png", o)) throw new IOException("This Java has no PNG writer");
		};
	}
}
