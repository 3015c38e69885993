package io.github.clathrin.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureGeometry;

/**
 * Where each structure is drawn on a cell's rendering and in which colour: its xy bounding box in nm, its
 * predicted class and whether that prediction can be trusted. Headless, so that the command line's overlay
 * PNG ({@code ui}) and Fiji's ROIs ({@code fiji}) draw the same outlines in the same colours.
 */
public final class StructureOutlines {

	/**
	 * One structure's outline.
	 *
	 * @param key structure key (the ROI's name)
	 * @param x0 smallest x of its localizations, nm
	 * @param y0 smallest y, nm
	 * @param x1 largest x, nm
	 * @param y1 largest y, nm
	 * @param predicted its predicted class, or null when it got none (see the results' status)
	 * @param probability the probability of that class, NaN without one
	 * @param trusted false when the structure got no class or lies outside the model's training range
	 */
	public record Outline(String key, double x0, double y0, double x1, double y1, String predicted, double probability,
		boolean trusted)
	{
		/** The pixels of {@code grid} that hold the box's localizations, first and last included. */
		public PixelBox on(ImageGrid grid) {
			int c0 = (int) Math.floor(grid.column(x0)), r0 = (int) Math.floor(grid.row(y0));
			int c1 = (int) Math.floor(grid.column(x1)), r1 = (int) Math.floor(grid.row(y1));
			// A point on the far edge of the last pixel's range is still drawn in it (Renderer leaves it out).
			c1 = Math.min(c1, grid.width() - 1);
			r1 = Math.min(r1, grid.height() - 1);
			return new PixelBox(c0, r0, Math.max(1, c1 - c0 + 1), Math.max(1, r1 - r0 + 1));
		}

		/** The name of its ROI: the key and, with a class, the class and its probability. */
		public String label() {
			if (predicted == null) return key;
			return String.format(Locale.ROOT, "%s %s %.2f", key, predicted, probability);
		}
	}

	/**
	 * A rectangle of pixels: its top-left pixel (column x, row y) and its size; it may reach past the image
	 * when the box does.
	 */
	public record PixelBox(int x, int y, int width, int height) {

		/** Whether pixel (column, row) lies in the rectangle. */
		public boolean contains(int column, int row) {
			return column >= x && row >= y && column < x + width && row < y + height;
		}
	}

	/** Okabe-Ito RGB colours, as {@code ui.Legend} gives them: "yes" orange, "no" sky blue, then the others. */
	static final int ORANGE = 0xE69F00, SKY_BLUE = 0x56B4E9;

	private static final int[] OTHERS = { 0x009E73, 0xF0E442, 0xCC79A7, 0xD55E00, 0x0072B2 };

	/** RGB of structures without a class. */
	public static final int UNKNOWN = 0x999999;

	private StructureOutlines() {}

	/** One outline per structure with points, in order; predictions are matched by position. */
	public static List<Outline> of(List<Structure> structures, List<Classification.Prediction> predictions) {
		if (structures.size() != predictions.size())
			throw new IllegalArgumentException(structures.size() + " structures for " + predictions.size() + " predictions");
		List<Outline> out = new ArrayList<>(structures.size());
		for (int i = 0; i < structures.size(); i++) {
			Structure s = structures.get(i);
			Classification.Prediction p = predictions.get(i);
			if (!s.key().equals(p.key()))
				throw new IllegalArgumentException("structure " + s.key() + " has the prediction of " + p.key());
			StructureGeometry g = StructureGeometry.of(s);
			if (g.localizations() == 0) continue;
			out.add(new Outline(s.key(), g.min()[0], g.min()[1], g.max()[0], g.max()[1], p.hasClass() ? p.predicted()
				: null, p.probability(), p.hasClass() && !p.isOutsideTraining()));
		}
		return out;
	}

	/**
	 * One outline per DBSCAN cluster, kept or not, for showing what segmentation found: its class is the
	 * verdict's words ({@link Segmenter.Verdict#words()}: "kept", "too few"...), its probability NaN, trusted when
	 * kept; keyed by the structure key, or {@code cluster-<id>} for a rejected cluster.
	 */
	public static List<Outline> ofClusters(List<Segmenter.Cluster> clusters) {
		List<Outline> out = new ArrayList<>(clusters.size());
		for (Segmenter.Cluster c : clusters)
			out.add(new Outline(c.key() != null ? c.key() : "cluster-" + c.id(), c.min()[0], c.min()[1], c.max()[0],
				c.max()[1], c.verdict().words(), Double.NaN, c.verdict() == Segmenter.Verdict.KEPT));
		return out;
	}

	/** The RGB colour of a segmentation verdict: kept bluish green, too few grey, too many vermillion, too wide purple. */
	public static int colour(Segmenter.Verdict verdict) {
		return switch (verdict) {
			case KEPT -> 0x009E73;
			case TOO_FEW -> UNKNOWN;
			case TOO_MANY -> 0xD55E00;
			case TOO_WIDE -> 0xCC79A7;
		};
	}

	/**
	 * The RGB colour of every class, in the model's order, the same as {@code ui.Legend}'s so that a class looks
	 * the same on an overlay, an ROI and a gallery tile.
	 */
	public static Map<String, Integer> colours(List<String> classNames) {
		Map<String, Integer> colours = new LinkedHashMap<>();
		int next = 0;
		for (String name : classNames) {
			Integer c = switch (name.toLowerCase(Locale.ROOT)) {
				case "yes" -> ORANGE;
				case "no" -> SKY_BLUE;
				default -> null;
			};
			colours.put(name, c != null ? c : OTHERS[next++ % OTHERS.length]);
		}
		return colours;
	}

	/** The RGB colour of a class among the model's classes; {@link #UNKNOWN} for null or a class not among them. */
	public static int colour(String className, List<String> classNames) {
		if (className == null) return UNKNOWN;
		return colours(classNames).getOrDefault(className, UNKNOWN);
	}
}
