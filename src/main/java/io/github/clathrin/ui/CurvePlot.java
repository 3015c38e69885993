package io.github.clathrin.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.gui.Plot;

import io.github.clathrin.task.AtomicFiles;

/**
 * Line plots of curves (one coloured line with markers per series, a legend, a title) and grouped bar
 * plots (per-class accuracies) as images and PNG files, drawn with ImageJ's {@link Plot} so that they look
 * like the other plots of the plugin; it draws into images only, so it works headless, on servers and in
 * tests.
 */
public final class CurvePlot {

	/**
	 * Colours that series take in turn: Okabe-Ito, which stays distinguishable with the common forms of
	 * colour blindness, strong colours first; yellow is left out because it vanishes on white.
	 */
	private static final Color[] SERIES = { Legend.BLUE, Legend.ORANGE, Legend.BLUISH_GREEN, Legend.REDDISH_PURPLE,
		Legend.SKY_BLUE, Legend.VERMILLION };

	/** Plot frame in pixels before the high-resolution scaling. */
	private static final int FRAME_WIDTH = 560, FRAME_HEIGHT = 340;

	/** Everything (lines, fonts, markers) is drawn this many times larger, so the PNG reads well in a report. */
	private static final float SCALE = 2;

	/** Height of the title band above the plot, before scaling. */
	private static final int TITLE = 28;

	/**
	 * One curve.
	 *
	 * @param name shown in the legend
	 * @param x positions along the x axis
	 * @param y values; NaN leaves a gap in the line
	 */
	public record Series(String name, double[] x, double[] y) {
		public Series {
			if (name == null) throw new IllegalArgumentException("A series needs a name for the legend");
			if (x == null || y == null) throw new IllegalArgumentException("Series " + name + " has no values");
			if (x.length != y.length)
				throw new IllegalArgumentException("Series " + name + " has " + x.length + " x values but " + y.length
					+ " y values");
			for (double v : x)
				if (!Double.isFinite(v)) throw new IllegalArgumentException("Series " + name + " has the x value " + v);
			x = x.clone();
			y = y.clone();
		}

		@Override
		public double[] x() {
			return x.clone();
		}

		@Override
		public double[] y() {
			return y.clone();
		}
	}

	private CurvePlot() {}

	/** The colour of the i-th series (0-based) in every plot of the plugin; the palette repeats after six. */
	public static Color seriesColour(int i) {
		return SERIES[Math.floorMod(i, SERIES.length)];
	}

	/**
	 * The plot as an RGB image: x axis from 0 (or the lowest x, if negative), y axis tight around the data
	 * with a margin, capped at 0 and just above 1 when the values are fractions such as accuracies, so
	 * that differences of a few percent stay visible and the axis never promises values that cannot occur.
	 */
	public static ImagePlus image(String title, String xLabel, String yLabel, List<Series> series) {
		if (series == null || series.isEmpty()) throw new IllegalArgumentException("Nothing to plot: no series");
		Plot plot = new Plot(title, xLabel, yLabel);
		plot.setFrameSize(FRAME_WIDTH, FRAME_HEIGHT);
		plot.setFont(Font.PLAIN, 13);
		plot.setAxisLabelFont(Font.BOLD, 13);
		double[] limits = limits(series);
		plot.setLimits(limits[0], limits[1], limits[2], limits[3]);
		for (int i = 0; i < series.size(); i++) {
			Series s = series.get(i);
			Color c = seriesColour(i);
			plot.setColor(c, c); // filled markers
			plot.setLineWidth(2);
			plot.add("connected circle", s.x(), s.y());
		}
		return render(title, plot, series.stream().map(CurvePlot::legendName).toList(), false);
	}

	/**
	 * Grouped bars in the look of {@link #image}: one group per category, named on the x axis, and one bar
	 * per series in each group, in the series' colour, with the series named in the legend. The y axis goes
	 * from 0 to just above 1: the values are fractions such as accuracies; NaN draws no bar.
	 *
	 * @param categories the groups' names, left to right
	 * @param series one value per category each, in category order
	 */
	public static ImagePlus bars(String title, String yLabel, List<String> categories, List<Series> series) {
		return bars(title, yLabel, categories, series, 1.05);
	}

	/** As {@link #bars(String, String, List, List)} with the y axis from 0 to {@code yMax}, for counts. */
	public static ImagePlus bars(String title, String yLabel, List<String> categories, List<Series> series,
		double yMax)
	{
		return render(title, barPlot(title, yLabel, categories, series, yMax), series.stream()
			.map(CurvePlot::legendName).toList(), true);
	}

	/** The ImageJ plot behind {@link #bars}, before scaling and the title and legend are added. */
	static Plot barPlot(String title, String yLabel, List<String> categories, List<Series> series) {
		return barPlot(title, yLabel, categories, series, 1.05);
	}

	private static Plot barPlot(String title, String yLabel, List<String> categories, List<Series> series,
		double yMax)
	{
		if (series == null || series.isEmpty()) throw new IllegalArgumentException("Nothing to plot: no series");
		int k = categories.size();
		for (Series s : series)
			if (s.y().length != k)
				throw new IllegalArgumentException("Series " + s.name() + " has " + s.y().length + " values for " + k
					+ " categories");
		// ImageJ names the ticks 0, 1, 2... after the x label when it is a list in braces.
		Plot plot = new Plot(title, categoryAxis(categories), yLabel);
		plot.setFrameSize(FRAME_WIDTH, FRAME_HEIGHT);
		plot.setFont(Font.PLAIN, 13);
		plot.setAxisLabelFont(Font.BOLD, 13);
		plot.setLimits(-0.5, k - 0.5, 0, yMax);
		plot.setXMinorTicks(false);
		double width = 0.8 / series.size();
		for (int r = 0; r < series.size(); r++) {
			Color c = seriesColour(r);
			plot.setColor(c, c);
			// A series' bars as one filled outline (one dataset, one legend entry); "filled" fills down to zero.
			double[] v = series.get(r).y(), xs = new double[4 * k], ys = new double[4 * k];
			for (int i = 0; i < k; i++) {
				double left = i - 0.4 + r * width, right = left + width * 0.9, h = Double.isNaN(v[i]) ? 0 : v[i];
				xs[4 * i] = left;
				xs[4 * i + 1] = left;
				xs[4 * i + 2] = right;
				xs[4 * i + 3] = right;
				ys[4 * i + 1] = h;
				ys[4 * i + 2] = h;
			}
			plot.add("filled", xs, ys);
		}
		return plot;
	}

	/**
	 * The x label that makes ImageJ write these names at ticks 0, 1, 2...: "{cube,diamond,sphere}". A comma
	 * or brace inside a name would end it early, so it is shown as a semicolon or parenthesis.
	 */
	static String categoryAxis(List<String> categories) {
		return categories.stream().map(c -> c.replace(',', ';').replace('{', '(').replace('}', ')'))
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private static ImagePlus render(String title, Plot plot, List<String> legend, boolean bars) {
		plot.getProcessor(); // makeHighResolution sizes itself from a drawn plot: without this it returns 1 x 1
		ImagePlus scaled = plot.makeHighResolution(title, SCALE, true, false);
		return compose(title, scaled, plot.getDrawingFrame(), legend, bars);
	}

	/**
	 * Writes {@link #image} as a PNG, atomically: a reader never sees half a file. The folder must exist;
	 * a mistyped folder is reported rather than created.
	 */
	public static void write(Path png, String title, String xLabel, String yLabel, List<Series> series)
		throws IOException {
		Path folder = png.toAbsolutePath().getParent();
		if (folder == null || !Files.isDirectory(folder))
			throw new IOException("Cannot write the plot " + png.getFileName() + ": the folder " + folder
				+ " does not exist");
		ImagePlus image = image(title, xLabel, yLabel, series);
		AtomicFiles.write(png, out -> {
			if (!ImageIO.write(image.getBufferedImage(), "png", out))
				throw new IOException("This Java has no PNG writer");
		});
	}

	/** xMin, xMax, yMin, yMax. */
	static double[] limits(List<Series> series) {
		double xMin = 0, xMax = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (Series s : series) {
			double[] x = s.x(), y = s.y();
			for (int i = 0; i < x.length; i++) {
				xMin = Math.min(xMin, x[i]);
				xMax = Math.max(xMax, x[i]);
				if (!Double.isFinite(y[i])) continue;
				lo = Math.min(lo, y[i]);
				hi = Math.max(hi, y[i]);
			}
		}
		if (lo > hi) { // no finite value at all: an empty unit frame
			lo = 0;
			hi = 1;
		}
		// The axis starts at 0 (the tick is labelled), with a little room either side so that the markers
		// of the first and last points are not cut in half by the frame.
		if (xMax == xMin) xMax = xMin + 1;
		double room = 0.025 * (xMax - xMin);
		xMin -= room;
		xMax += room;
		boolean nonNegative = lo >= 0, fractions = hi <= 1;
		// Flat curves get a band around them a tenth of their size (or 1 at 0), so they do not sit on an edge.
		double least = 0.1 * Math.max(Math.abs(hi), Math.abs(lo));
		if (!(least > 0)) least = 1;
		if (hi - lo < least) {
			double mid = (hi + lo) / 2;
			lo = mid - least / 2;
			hi = mid + least / 2;
		}
		double span = hi - lo, step = Math.pow(10, Math.floor(Math.log10(span))) / 2;
		double yMin = Math.floor((lo - 0.1 * span) / step) * step, yMax = hi + 0.1 * span;
		if (nonNegative) yMin = Math.max(0, yMin);
		// Room for a marker at 1 but not for a tick label above it: 2.5 % of the range stays below any tick step.
		if (fractions) yMax = Math.min(1 + 0.025 * (1 - yMin), yMax);
		return new double[] { xMin, xMax, yMin, yMax };
	}

	/**
	 * The plot with its title above it (ImageJ plots carry their title only as the window name) and the
	 * legend to its right: inside the frame, as ImageJ puts it, it hides points whenever the curves fill
	 * every corner, which curves across a wide range do.
	 */
	private static ImagePlus compose(String title, ImagePlus plot, Rectangle frame, List<String> legend, boolean bars) {
		int band = scaled(TITLE), gap = scaled(14), line = scaled(26), rowHeight = scaled(22);
		Font legendFont = new Font(Font.SANS_SERIF, Font.PLAIN, scaled(13));
		BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		Graphics2D pg = probe.createGraphics();
		FontMetrics lm = pg.getFontMetrics(legendFont);
		int textWidth = 0;
		for (String name : legend)
			textWidth = Math.max(textWidth, lm.stringWidth(name));
		pg.dispose();
		int legendWidth = gap + line + scaled(8) + textWidth + gap;
		// A little white below, where ImageJ sets the x label close to the edge.
		int width = plot.getWidth() + legendWidth, height = band + plot.getHeight() + scaled(6);
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(plot.getBufferedImage(), 0, band, null);
			if (title != null && !title.isBlank()) drawTitle(g, title, width, band);
			g.setFont(legendFont);
			int x = plot.getWidth() + gap, y = band + scaled(frame.y) + rowHeight / 2;
			for (int i = 0; i < legend.size(); i++, y += rowHeight) {
				Color c = seriesColour(i);
				g.setColor(c);
				if (bars) {
					int h = scaled(6);
					g.fillRect(x + line / 4, y - h, line / 2, 2 * h);
				}
				else {
					g.setStroke(new BasicStroke(2 * SCALE));
					g.drawLine(x, y, x + line, y);
					int r = scaled(3.5f);
					g.fillOval(x + line / 2 - r, y - r, 2 * r, 2 * r);
				}
				g.setColor(Color.BLACK);
				g.drawString(legend.get(i), x + line + scaled(8), y + (lm.getAscent() - lm.getDescent()) / 2);
			}
		}
		finally {
			g.dispose();
		}
		return new ImagePlus(title == null ? "Plot" : title, out);
	}

	/** Centred and bold; a title too long for the image is set smaller, and cut short only if it still does not fit. */
	private static void drawTitle(Graphics2D g, String title, int width, int band) {
		int margin = scaled(8), available = width - 2 * margin;
		float size = 15 * SCALE;
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(size));
		while (g.getFontMetrics(font).stringWidth(title) > available && size > 10 * SCALE) {
			size -= 1;
			font = font.deriveFont(size);
		}
		FontMetrics fm = g.getFontMetrics(font);
		String text = title;
		while (fm.stringWidth(text) > available && text.length() > 1)
			text = text.substring(0, text.length() - 2) + "\u2026";
		g.setFont(font);
		g.setColor(Color.BLACK);
		g.drawString(text, (width - fm.stringWidth(text)) / 2, band - scaled(6));
	}

	private static String legendName(Series s) {
		return s.name().replace('\n', ' ');
	}

	private static int scaled(float pixels) {
		return Math.round(pixels * SCALE);
	}

	/** One series per entry, all over the same x values (e.g. accuracy per row name at each unlabelled count). */
	public static List<Series> overSteps(int[] steps, java.util.Map<String, double[]> values) {
		double[] x = java.util.Arrays.stream(steps).asDoubleStream().toArray();
		List<Series> out = new java.util.ArrayList<>();
		values.forEach((name, y) -> out.add(new Series(name, x, y)));
		return out;
	}
}
