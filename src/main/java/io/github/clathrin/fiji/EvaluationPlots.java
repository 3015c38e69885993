package io.github.clathrin.fiji;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.ui.CurvePlot;

/** Draws what Evaluate shows besides its table: confusion-matrix heat maps and per-class accuracies. */
final class EvaluationPlots {

	private static final int CELL = 56, MARGIN = 90, TOP = 48, GAP = 30, TITLE = 28;

	// Colour-blind-safe sequential ramp (viridis, 5 stops), from 0 to 1 of a row.
	private static final int[][] VIRIDIS = { { 68, 1, 84 }, { 59, 82, 139 }, { 33, 145, 140 }, { 94, 201, 98 },
		{ 253, 231, 37 } };

	private EvaluationPlots() {}

	/**
	 * One heat map per evaluated row, side by side: true class down, predicted class across, each cell
	 * coloured by the fraction of its true class and labelled with its count.
	 */
	static ImagePlus confusion(EvaluationReport report) {
		List<String> names = report.classNames();
		int n = names.size(), panel = MARGIN + n * CELL, rows = report.rows().size();
		int width = GAP + rows * (panel + GAP), height = TITLE + TOP + n * CELL + 40;
		ColorProcessor ip = new ColorProcessor(width, height);
		ip.setColor(Color.WHITE);
		ip.fill();
		ip.setAntialiasedText(true);
		for (int r = 0; r < rows; r++) {
			EvaluationReport.Row row = report.rows().get(r);
			int[][] m = row.evaluation().confusion();
			int x0 = GAP + r * (panel + GAP), y0 = TITLE + TOP;
			ip.setColor(Color.BLACK);
			ip.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
			ip.drawString(String.format(java.util.Locale.ROOT, "%s (accuracy %.3f)", row.name(),
				row.evaluation().accuracy()), x0, TITLE - 6);
			ip.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			ip.drawString("predicted \u2192", x0 + MARGIN, TITLE + 16);
			ip.drawString("true \u2193", x0, TITLE + 16);
			for (int c = 0; c < n; c++) {
				ip.drawString(shorten(names.get(c)), x0 + MARGIN + c * CELL + 4, y0 - 8);
				ip.drawString(shorten(names.get(c)), x0 + 4, y0 + c * CELL + CELL / 2 + 6);
			}
			for (int t = 0; t < n; t++) {
				int total = 0;
				for (int p = 0; p < n; p++) total += m[t][p];
				for (int p = 0; p < n; p++) {
					double f = total == 0 ? 0 : (double) m[t][p] / total;
					Color col = ramp(f);
					ip.setColor(col);
					ip.fillRect(x0 + MARGIN + p * CELL, y0 + t * CELL, CELL - 2, CELL - 2);
					ip.setColor(f > 0.6 ? Color.BLACK : Color.WHITE);
					ip.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
					String s = Integer.toString(m[t][p]);
					ip.drawString(s, x0 + MARGIN + p * CELL + (CELL - ip.getStringWidth(s)) / 2,
						y0 + t * CELL + CELL / 2 + 8);
				}
			}
		}
		ip.setColor(Color.DARK_GRAY);
		ip.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		ip.drawString("colour: fraction of the true class (row); number: structures; " + report.folds()
			+ "-fold cross-validation", GAP, height - 12);
		return new ImagePlus("Clathrin Confusion", ip);
	}

	/** Accuracy on each class as grouped bars, one colour per evaluated row, overall accuracy in the legend. */
	static Plot perClass(EvaluationReport report) {
		List<String> names = report.classNames();
		StringBuilder classes = new StringBuilder("class (");
		for (int i = 0; i < names.size(); i++) classes.append(i + 1).append(" = ").append(names.get(i))
			.append(i + 1 < names.size() ? ", " : ")");
		Plot plot = new Plot("Clathrin Per-Class Accuracy", classes.toString(), "accuracy on the class");
		plot.setLimits(0.5, names.size() + 0.5, 0, 1.05);
		int rows = report.rows().size();
		double width = 0.8 / rows;
		StringBuilder legend = new StringBuilder();
		for (int r = 0; r < rows; r++) {
			EvaluationReport.Row row = report.rows().get(r);
			Evaluation e = row.evaluation();
			Color c = CurvePlot.seriesColour(r); // the same colour per row as in the curve plots
			plot.setColor(c, c);
			// All bars of a row as one filled outline (one dataset, so one legend entry); "filled" fills to zero.
			double[] acc = e.perClassAccuracy(), xs = new double[4 * acc.length], ys = new double[4 * acc.length];
			for (int i = 0; i < acc.length; i++) {
				double left = i + 1 - 0.4 + r * width, right = left + width * 0.9, h = Double.isNaN(acc[i]) ? 0 : acc[i];
				xs[4 * i] = left;
				xs[4 * i + 1] = left;
				xs[4 * i + 2] = right;
				xs[4 * i + 3] = right;
				ys[4 * i + 1] = h;
				ys[4 * i + 2] = h;
			}
			plot.add("filled", xs, ys);
			legend.append(String.format(java.util.Locale.ROOT, "%s (%.3f)\n", row.name(), e.accuracy()));
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(legend.toString().trim(), "bottom-right");
		plot.setXMinorTicks(false);
		return plot;
	}

	private static Color ramp(double f) {
		double pos = Math.max(0, Math.min(1, f)) * (VIRIDIS.length - 1);
		int i = Math.min((int) pos, VIRIDIS.length - 2);
		double t = pos - i;
		int[] a = VIRIDIS[i], b = VIRIDIS[i + 1];
		return new Color((int) Math.round(a[0] + t * (b[0] - a[0])), (int) Math.round(a[1] + t * (b[1] - a[1])),
			(int) Math.round(a[2] + t * (b[2] - a[2])));
	}

	private static String shorten(String s) {
		return s.length() <= 8 ? s : s.substring(0, 7) + "\u2026";
	}
}
