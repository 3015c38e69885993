package io.github.clathrin.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.TiffEncoder;
import ij.measure.Calibration;
import ij.plugin.LutLoader;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import io.github.clathrin.render.CellRendering;
import io.github.clathrin.render.ImageGrid;
import io.github.clathrin.render.Rendering;
import io.github.clathrin.render.RenderingWriter;
import io.github.clathrin.render.ZColours;
import io.github.clathrin.task.AtomicFiles;

/**
 * A {@link CellRendering} as people look at it: an ImageJ image calibrated in nm (RGB coloured by z with
 * the z colour bar as an overlay, a 32-bit density image with the Fire LUT, or a 32-bit z-stack), a TIFF of
 * it that ImageJ opens with the same calibration, or a PNG with a scale bar and the z colour bar below the
 * image. Found by the core's {@link RenderingWriter#find()}.
 */
public final class RenderingImages implements RenderingWriter {

	/** Round scale bar lengths in nm; the longest that fits a fifth of the width is used. */
	private static final double[] SCALE_BARS = { 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000 };

	/** The z colour bar's size in screen pixels, and the band below a PNG that holds it and the scale bar. */
	public static final int BAR_WIDTH = 200, BAR_HEIGHT = 10, BAND_HEIGHT = 46;

	/** PNGs are at least this wide (small fields are enlarged), so that the band's labels fit. */
	static final int MIN_PNG_WIDTH = 420;

	private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

	/** For ServiceLoader. */
	public RenderingImages() {}

	@Override
	public void write(Path file, String title, CellRendering rendering) throws IOException {
		if (Format.of(file) == Format.PNG) {
			BufferedImage img = picture(rendering);
			AtomicFiles.write(file, out -> {
				if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
			});
			return;
		}
		ImagePlus imp = imagePlus(title, rendering);
		FileInfo fi = imp.getFileInfo();
		fi.description = new FileSaver(imp).getDescriptionString();
		fi.info = (String) imp.getProperty("Info");
		if (imp.getOverlay() != null) fi.overlay = FileSaver.getOverlay(imp);
		AtomicFiles.write(file, out -> new TiffEncoder(fi).write(out));
	}

	/**
	 * The rendering as an ImageJ image calibrated in nm: x, y of a pixel are the sample's (origin included), and
	 * a z-stack's slices are z in nm. Coloured by z it is RGB with the z colour bar as an overlay (the pixels stay
	 * the data's); by density a 32-bit image with the Fire LUT, saturated as the colouring by z is.
	 */
	public static ImagePlus imagePlus(String title, CellRendering r) {
		ImageGrid g = r.grid();
		int w = g.width(), h = g.height();
		ImagePlus imp;
		if (r.isStack()) {
			ImageStack stack = new ImageStack(w, h);
			for (int s = 0; s < r.slices().size(); s++)
				stack.addSlice(String.format(Locale.ROOT, "z %.0f to %.0f nm", r.zMin() + s * r.sliceThicknessNm(),
					r.zMin() + (s + 1) * r.sliceThicknessNm()), new FloatProcessor(w, h, r.slices().get(s).pixels()));
			imp = new ImagePlus(title, stack);
			imp.setDimensions(1, r.slices().size(), 1);
			imp.getProcessor().setColorModel(LutLoader.getLut("fire"));
			imp.setDisplayRange(0, ZColours.saturation(r.slices().get(r.slices().size() / 2).pixels()));
		}
		else if (r.colouredByZ()) {
			imp = new ImagePlus(title, new ColorProcessor(w, h, r.rgb().clone()));
			if (w >= BAR_WIDTH + 40 && h >= 60) {
				Overlay overlay = new Overlay();
				BufferedImage bar = colourBar(r.zMin(), r.zMax());
				ImageRoi roi = new ImageRoi(w - bar.getWidth() - 8, h - bar.getHeight() - 8, bar);
				roi.setName("z colour bar");
				overlay.add(roi);
				imp.setOverlay(overlay);
			}
		}
		else {
			FloatProcessor fp = new FloatProcessor(w, h, r.density().pixels());
			fp.setColorModel(LutLoader.getLut("fire"));
			imp = new ImagePlus(title, fp);
			imp.setDisplayRange(0, ZColours.saturation(r.density().pixels()));
		}
		Calibration cal = imp.getCalibration();
		cal.setUnit("nm");
		cal.pixelWidth = cal.pixelHeight = g.pixelNm();
		cal.xOrigin = -g.originX() / g.pixelNm();
		cal.yOrigin = -g.originY() / g.pixelNm();
		if (r.isStack()) {
			cal.pixelDepth = r.sliceThicknessNm();
			cal.zOrigin = -r.zMin() / r.sliceThicknessNm() - 0.5; // slice centres at their z
		}
		imp.setProperty("Info", info(r));
		return imp;
	}

	/** What the image's pixels and colours mean, kept with the image (Image > Show Info). */
	static String info(CellRendering r) {
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Clathrin Classifier rendering: %,d of %,d "
			+ "localizations, %s nm pixels%n", r.drawn(), r.total(), r.grid().pixelNm()));
		sb.append(r.sigma().isEmpty() ? "histogram" : "Gaussian, " + r.sigma()).append('\n');
		if (r.colouredByZ()) sb.append(String.format(Locale.ROOT, "colour: mean z, blue %.1f nm to red %.1f nm%n", r.zMin(),
			r.zMax()));
		else if (!Double.isNaN(r.zMin())) sb.append(String.format(Locale.ROOT, "z range %.1f to %.1f nm%n", r.zMin(), r.zMax()));
		return sb.toString();
	}

	/** The z colour bar: the hue LUT from blue (lowest z) to red, its ends labelled in nm, on black. */
	public static BufferedImage colourBar(double zMin, double zMax) {
		BufferedImage img = new BufferedImage(BAR_WIDTH + 16, BAR_HEIGHT + 24, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		drawColourBar(g, 8, 4, zMin, zMax);
		g.dispose();
		return img;
	}

	private static void drawColourBar(Graphics2D g, int x, int y, double zMin, double zMax) {
		for (int i = 0; i < BAR_WIDTH; i++) {
			g.setColor(new Color(ZColours.colour(i / (BAR_WIDTH - 1.0))));
			g.fillRect(x + i, y, 1, BAR_HEIGHT);
		}
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(FONT);
		g.setColor(Color.WHITE);
		FontMetrics fm = g.getFontMetrics();
		int base = y + BAR_HEIGHT + fm.getAscent() + 2;
		g.drawString(String.format(Locale.ROOT, "z %.0f nm", zMin), x, base);
		String high = String.format(Locale.ROOT, "%.0f nm", zMax);
		g.drawString(high, x + BAR_WIDTH - fm.stringWidth(high), base);
	}

	/**
	 * The PNG's picture: the image (coloured by z, or the density with a hot LUT), enlarged to at least
	 * {@link #MIN_PNG_WIDTH} pixels for small fields, above a black band with an nm scale bar and, coloured by
	 * z, the z colour bar.
	 */
	public static BufferedImage picture(CellRendering r) {
		if (r.isStack()) throw new IllegalArgumentException("a z-stack is written as TIFF");
		ImageGrid grid = r.grid();
		int w = grid.width(), h = grid.height();
		int zoom = Math.max(1, (int) Math.ceil((double) MIN_PNG_WIDTH / w));
		int[] rgb = r.colouredByZ() ? r.rgb() : hot(r.density());
		BufferedImage data = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		data.setRGB(0, 0, w, h, rgb, 0, w);
		BufferedImage img = new BufferedImage(w * zoom, h * zoom + BAND_HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.drawImage(data, 0, 0, w * zoom, h * zoom, null);
		g.setColor(Color.BLACK);
		g.fillRect(0, h * zoom, w * zoom, BAND_HEIGHT);
		// Scale bar: the longest round length that fits a fifth of the width.
		double nmPerScreenPixel = grid.pixelNm() / zoom, bar = SCALE_BARS[0];
		for (double b : SCALE_BARS)
			if (b / nmPerScreenPixel <= w * zoom / 5.0) bar = b;
		int barPixels = (int) Math.round(bar / nmPerScreenPixel), top = h * zoom + 8;
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(1));
		g.fillRect(10, top, barPixels, 4);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(FONT);
		g.drawString(bar >= 1000 ? String.format(Locale.ROOT, "%.0f \u00b5m", bar / 1000) : String.format(Locale.ROOT,
			"%.0f nm", bar), 10, top + 4 + g.getFontMetrics().getAscent() + 2);
		if (r.colouredByZ()) drawColourBar(g, w * zoom - BAR_WIDTH - 10, top, r.zMin(), r.zMax());
		g.dispose();
		return img;
	}

	/** Density through a black-red-yellow-white LUT, saturated as {@link ZColours#saturation} says. */
	static int[] hot(Rendering density) {
		float[] d = density.pixels();
		double saturation = ZColours.saturation(d);
		int[] rgb = new int[d.length];
		for (int i = 0; i < d.length; i++) {
			double v = Math.min(1, d[i] / saturation);
			if (!(v > 0)) continue;
			int red = channel(3 * v), green = channel(3 * v - 1), blue = channel(3 * v - 2);
			rgb[i] = red << 16 | green << 8 | blue;
		}
		return rgb;
	}

	private static int channel(double v) {
		return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
	}
}
