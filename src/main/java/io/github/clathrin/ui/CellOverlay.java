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
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.github.clathrin.render.ImageGrid;
import io.github.clathrin.render.Rendering;
import io.github.clathrin.render.StructureOutlines;
import io.github.clathrin.task.AtomicFiles;

/**
 * A cell's rendering with each structure's outline on it, coloured by its predicted class, as a picture of
 * exactly the rendering's size (pixel for pixel, so it lies over the calibrated image): a solid box for a
 * prediction that can be trusted, a dashed one for a structure outside the training range, a dashed grey one
 * for a structure without a class; a legend in the lower left corner.
 */
public final class CellOverlay {

	/** The dash of an untrusted outline: 3 pixels drawn, 3 left out. */
	private static final float[] DASH = { 3, 3 };

	/** The brightest grey of the cell under the outlines: dimmer than white, so the class colours stand out. */
	private static final int GREY_TOP = 180;

	/** The black rim drawn under an outline, one pixel either side of it. */
	private static final BasicStroke RIM = new BasicStroke(3);

	private CellOverlay() {}

	/**
	 * The rendering in grey (square-root scaled up to its 99.5th percentile, at most {@link #GREY_TOP}) with the
	 * outlines, each on a black rim, and the legend.
	 */
	public static BufferedImage draw(Rendering rendering, List<StructureOutlines.Outline> outlines,
		List<String> classNames)
	{
		ImageGrid grid = rendering.grid();
		int w = grid.width(), h = grid.height();
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		float top = rendering.displayMax();
		int[] rgb = new int[w * h];
		for (int i = 0; i < rgb.length; i++) {
			float v = rendering.pixels()[i];
			int g = v <= 0 ? 0 : (int) Math.round(GREY_TOP * Math.sqrt(Math.min(1, v / top)));
			rgb[i] = (g << 16) | (g << 8) | g;
		}
		image.setRGB(0, 0, w, h, rgb, 0, w);
		Graphics2D g = image.createGraphics();
		try {
			// No antialiasing on the boxes: each pixel of an outline is exactly its class's colour.
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
			// A black rim on both sides keeps a one-pixel outline (and a dashed one's gaps) visible on the cell;
			// all rims first, so that no rim covers another structure's outline.
			g.setColor(Color.BLACK);
			g.setStroke(RIM);
			for (StructureOutlines.Outline o : outlines) {
				StructureOutlines.PixelBox b = o.on(grid);
				g.drawRect(b.x(), b.y(), b.width() - 1, b.height() - 1);
			}
			for (StructureOutlines.Outline o : outlines) {
				StructureOutlines.PixelBox b = o.on(grid);
				g.setColor(new Color(StructureOutlines.colour(o.predicted(), classNames)));
				g.setStroke(o.trusted() ? new BasicStroke(1) : new BasicStroke(1, BasicStroke.CAP_BUTT,
					BasicStroke.JOIN_MITER, 10, DASH, 0));
				g.drawRect(b.x(), b.y(), b.width() - 1, b.height() - 1);
			}
			paintLegend(g, classNames, w, h);
		}
		finally {
			g.dispose();
		}
		return image;
	}

	/** Where {@link #draw} puts the legend on an image of this size (lower left corner). */
	public static Rectangle legendBounds(List<String> classNames, int width, int height) {
		int rows = classNames.size() + 2, lineHeight = 13;
		int textWidth = 6 * Math.max(18, classNames.stream().mapToInt(String::length).max().orElse(0) + 2);
		int lw = Math.min(width, 22 + textWidth), lh = Math.min(height, 6 + rows * lineHeight);
		return new Rectangle(0, height - lh, lw, lh);
	}

	private static void paintLegend(Graphics2D g, List<String> classNames, int width, int height) {
		Rectangle r = legendBounds(classNames, width, height);
		g.setColor(new Color(0, 0, 0, 190));
		g.fillRect(r.x, r.y, r.width, r.height);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
		FontMetrics fm = g.getFontMetrics();
		int y = r.y + 4;
		for (int i = 0; i < classNames.size() + 2; i++, y += 13) {
			boolean untrusted = i >= classNames.size();
			String name = i < classNames.size() ? classNames.get(i) : i == classNames.size() ? "untrusted (dashed)"
				: "no class";
			g.setColor(new Color(i == classNames.size() + 1 ? StructureOutlines.UNKNOWN : i < classNames.size()
				? StructureOutlines.colour(name, classNames) : 0xFFFFFF));
			g.setStroke(untrusted ? new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, DASH, 0)
				: new BasicStroke(1));
			g.drawRect(r.x + 5, y + 1, 10, 9);
			g.setColor(Color.WHITE);
			g.drawString(name, r.x + 20, y + 5 + (fm.getAscent() - fm.getDescent()) / 2);
		}
	}

	/** {@link #draw} written as a PNG, atomically. */
	public static void write(Path png, Rendering rendering, List<StructureOutlines.Outline> outlines,
		List<String> classNames) throws IOException
	{
		BufferedImage image = draw(rendering, outlines, classNames);
		AtomicFiles.write(png, out -> {
			if (!ImageIO.write(image, "png", out)) throw new IOException("This Java has no PNG writer");
		});
	}
}
