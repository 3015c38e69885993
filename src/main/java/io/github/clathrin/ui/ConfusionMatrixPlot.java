package io.github.clathrin.ui;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.task.AtomicFiles;

/**
 * Draws one confusion matrix (true class down, predicted class across, each cell coloured by the
 * fraction of its true class and labelled with its count, per-class accuracy beside each row) into an
 * image; it draws into a {@link ColorProcessor} only, so it works headless.
 */
public final class ConfusionMatrixPlot {

	private static final int PAD = 24, GAP = 10;
	private static final Color INK = new Color(33, 33, 33), MUTED = new Color(110, 110, 110),
		GRID = new Color(225, 225, 225);
	// A white-to-blue sequential ramp: a zero cell stays white, so the eye goes to where the counts are.
	private static final int[][] RAMP = { { 247, 251, 255 }, { 198, 219, 239 }, { 107, 174, 214 }, { 33, 113, 181 },
		{ 8, 48, 107 } };

	private ConfusionMatrixPlot() {}

	/** The confusion matrix of {@code evaluation} as an RGB image with {@code title} above it. */
	public static ImagePlus image(String title, Evaluation evaluation) {
		List<String> names = evaluation.classNames();
		int k = names.size();
		int[][] m = evaluation.confusion();
		int[] totals = evaluation.classCounts();
		double[] recall = evaluation.perClassAccuracy();
		int cell = k <= 4 ? 84 : k <= 8 ? 68 : k <= 12 ? 56 : 40;
		Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 20), textFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15),
			countFont = new Font(Font.SANS_SERIF, Font.BOLD, cell >= 56 ? 17 : 13),
			fractionFont = new Font(Font.SANS_SERIF, Font.PLAIN, cell >= 56 ? 12 : 10),
			axisFont = new Font(Font.SANS_SERIF, Font.BOLD, 15);

		// Measure the labels first, so that long class names (night_stand) get the room they need.
		ColorProcessor probe = new ColorProcessor(1, 1);
		probe.setFont(textFont);
		int nameWidth = 0;
		for (String n : names) nameWidth = Math.max(nameWidth, probe.getStringWidth(n));
		int textHeight = probe.getFontMetrics().getHeight();
		String recallHeader = "accuracy (n)";
		int recallWidth = Math.max(probe.getStringWidth(recallHeader), probe.getStringWidth("0.000 (00000)")) + GAP;
		String footer = "colour: fraction of the true class (row); number: structures";
		int footerWidth = probe.getStringWidth(footer);
		probe.setFont(titleFont);
		int titleWidth = probe.getStringWidth(title);
		int titleHeight = probe.getFontMetrics().getHeight();

		int axisBand = textHeight + GAP; // "true class", rotated, left of the row names
		int gridX = PAD + axisBand + nameWidth + GAP;
		int gridY = PAD + titleHeight + textHeight + GAP + textHeight + GAP + nameWidth + GAP;
		int width = Math.max(gridX + k * cell + GAP + recallWidth, Math.max(PAD + titleWidth, gridX + footerWidth)) + PAD;
		int height = gridY + k * cell + GAP + textHeight + PAD;

		ColorProcessor ip = new ColorProcessor(width, height);
		ip.setColor(Color.WHITE);
		ip.fill();
		ip.setAntialiasedText(true);

		ip.setColor(INK);
		ip.setFont(titleFont);
		int y = PAD + titleHeight - 4;
		ip.drawString(title, PAD, y);
		ip.setFont(textFont);
		y += textHeight + 2;
		ip.drawString(String.format(Locale.ROOT, "accuracy %.3f (%d of %d correct)", evaluation.accuracy(),
			correct(m), evaluation.n()), PAD, y);

		// Axis titles: "predicted class" over the columns, "true class" up the rows.
		ip.setFont(axisFont);
		String predicted = "predicted class";
		int axisY = PAD + titleHeight + textHeight + GAP + textHeight;
		ip.drawString(predicted, gridX + (k * cell - ip.getStringWidth(predicted)) / 2, axisY);
		ip.insert(rotatedLabel("true class", axisFont, INK, k * cell), PAD, gridY);

		// Column names, rotated so that long names fit above narrow cells; row names right-aligned.
		for (int c = 0; c < k; c++) {
			ImageProcessor label = rotatedLabel(names.get(c), textFont, INK, 0);
			ip.insert(label, gridX + c * cell + (cell - label.getWidth()) / 2, gridY - GAP - label.getHeight());
		}
		ip.setFont(textFont);
		ip.setColor(INK);
		for (int r = 0; r < k; r++) {
			String n = names.get(r);
			ip.drawString(n, gridX - GAP - ip.getStringWidth(n), gridY + r * cell + (cell + textHeight) / 2 - 3);
		}

		for (int r = 0; r < k; r++) {
			for (int c = 0; c < k; c++) {
				double f = totals[r] == 0 ? 0 : (double) m[r][c] / totals[r];
				int x0 = gridX + c * cell, y0 = gridY + r * cell;
				ip.setColor(ramp(f));
				ip.setRoi(x0, y0, cell, cell);
				ip.fill();
				ip.resetRoi();
				ip.setColor(GRID);
				ip.drawRect(x0, y0, cell + 1, cell + 1);
				Color ink = f > 0.45 ? Color.WHITE : INK;
				ip.setColor(ink);
				ip.setFont(countFont);
				String count = Integer.toString(m[r][c]);
				int countHeight = ip.getFontMetrics().getAscent();
				boolean showFraction = cell >= 56 && m[r][c] > 0;
				int base = y0 + (cell + countHeight) / 2 - (showFraction ? 7 : 1);
				ip.drawString(count, x0 + (cell - ip.getStringWidth(count)) / 2, base);
				if (showFraction) {
					ip.setFont(fractionFont);
					ip.setColor(f > 0.45 ? new Color(220, 232, 245) : MUTED);
					String pct = percent(f);
					ip.drawString(pct, x0 + (cell - ip.getStringWidth(pct)) / 2, base + 17);
				}
			}
		}
		ip.setColor(INK);
		ip.drawRect(gridX, gridY, k * cell + 1, k * cell + 1);

		// Per-class accuracy (recall) and class size beside each row.
		ip.setFont(textFont);
		ip.setColor(MUTED);
		int rx = gridX + k * cell + GAP + 4;
		ip.drawString(recallHeader, rx, gridY - GAP);
		ip.setColor(INK);
		for (int r = 0; r < k; r++) {
			String s = Double.isNaN(recall[r]) ? "\u2013 (0)"
				: String.format(Locale.ROOT, "%.3f (%d)", recall[r], totals[r]);
			ip.drawString(s, rx, gridY + r * cell + (cell + textHeight) / 2 - 3);
		}

		ip.setColor(MUTED);
		ip.drawString(footer, gridX, gridY + k * cell + GAP
			+ textHeight - 2);
		return new ImagePlus(title, ip);
	}

	/** Writes the image as a PNG, atomically; the folder is created if needed. */
	public static void write(Path png, String title, Evaluation evaluation) throws IOException {
		ImagePlus image = image(title, evaluation);
		Path folder = png.toAbsolutePath().getParent();
		if (folder != null) Files.createDirectories(folder);
		AtomicFiles.write(png, out -> {
			if (!ImageIO.write(image.getBufferedImage(), "png", out)) throw new IOException("This Java has no PNG writer");
		});
	}

	/** A row name as a safe part of a file name: "lab+logistic" stays, "a/b c" becomes "a_b_c". */
	public static String fileName(String row) {
		String s = row.replaceAll("[^A-Za-z0-9._+-]", "_");
		return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
	}

	private static int correct(int[][] m) {
		int c = 0;
		for (int i = 0; i < m.length; i++) c += m[i][i];
		return c;
	}

	private static String percent(double f) {
		double p = 100 * f;
		return p >= 99.95 || p < 0.05 || p >= 10 ? String.format(Locale.ROOT, "%.0f%%", p)
			: String.format(Locale.ROOT, "%.1f%%", p);
	}

	/** Text turned 90 degrees anticlockwise (reading upwards), centred along {@code length} if that is longer. */
	private static ImageProcessor rotatedLabel(String text, Font font, Color colour, int length) {
		ColorProcessor probe = new ColorProcessor(1, 1);
		probe.setFont(font);
		int w = Math.max(probe.getStringWidth(text) + 4, length), h = probe.getFontMetrics().getHeight() + 2;
		ColorProcessor p = new ColorProcessor(w, h);
		p.setColor(Color.WHITE);
		p.fill();
		p.setAntialiasedText(true);
		p.setFont(font);
		p.setColor(colour);
		p.drawString(text, (w - probe.getStringWidth(text)) / 2, h - probe.getFontMetrics().getDescent() - 1);
		return p.rotateLeft();
	}

	private static Color ramp(double f) {
		double pos = Math.max(0, Math.min(1, f)) * (RAMP.length - 1);
		int i = Math.min((int) pos, RAMP.length - 2);
		double t = pos - i;
		int[] a = RAMP[i], b = RAMP[i + 1];
		return new Color((int) Math.round(a[0] + t * (b[0] - a[0])), (int) Math.round(a[1] + t * (b[1] - a[1])),
			(int) Math.round(a[2] + t * (b[2] - a[2])));
	}
}
