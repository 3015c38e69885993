package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.clathrin.structures.Structure;
import io.github.clathrin.voxels.Sample;

/**
 * What a model was trained on, compactly: the smallest and largest localization count and extent per axis
 * of its training structures, and the voxel value range of its ready volumes. Kept in the model file's
 * training summary, so that classify can mark a structure unlike anything the model has seen (a wrong pixel
 * size, a model trained on simulated coats applied to microtubule fragments) instead of giving it a class
 * that looks as trustworthy as any other.
 *
 * <p>Extents are measured on the points the voxelizer sees (after the model's pose), max minus min per
 * axis. A structure is outside when its count or an extent is more than {@link #TOLERANCE} times the
 * training maximum or less than the training minimum divided by it (counts and lengths are scales, so the
 * margin is a ratio), or when its voxel values leave the training value range widened by half its width
 * on each side.
 *
 * @param localizations min and max localization count of point-cloud training structures, null if none
 * @param extent per axis (x, y, z) min and max extent in nm of point-cloud training structures, null if none
 * @param values min and max voxel value of ready-volume training structures, null if none
 * @param structures how many training structures were measured
 */
public record TrainingRange(double[] localizations, double[][] extent, double[] values, int structures) {

	/** The key of the range in the model's training summary (and the manifest's {@code training} section). */
	public static final String KEY = "range";

	/** How far beyond the training minimum and maximum (as a factor) a count or extent is still inside. */
	public static final double TOLERANCE = 1.5;

	private static final String[] AXES = { "x", "y", "z" };

	/** The range of the given training structures and their samples (same order). */
	public static TrainingRange measure(List<Structure> structures, List<Sample> samples) {
		double[] count = null, values = null;
		double[][] extent = null;
		for (int i = 0; i < structures.size(); i++) {
			Structure s = structures.get(i);
			if (s.hasVolume()) {
				double[] v = valueRange(s);
				values = values == null ? v : new double[] { Math.min(values[0], v[0]), Math.max(values[1], v[1]) };
				continue;
			}
			double n = s.size();
			count = count == null ? new double[] { n, n } : new double[] { Math.min(count[0], n), Math.max(count[1], n) };
			double[] e = extents(points(s, samples.get(i)));
			if (extent == null) extent = new double[][] { { e[0], e[0] }, { e[1], e[1] }, { e[2], e[2] } };
			for (int d = 0; d < 3; d++) {
				extent[d][0] = Math.min(extent[d][0], e[d]);
				extent[d][1] = Math.max(extent[d][1], e[d]);
			}
		}
		return new TrainingRange(count, extent, values, structures.size());
	}

	/** The range recorded in a model, or null for a model file written before ranges were recorded. */
	public static TrainingRange of(Model model) {
		return model.training().range();
	}

	/**
	 * Why a structure (usable, see {@link StructureStatus}) lies outside this range, reasons joined by "; ",
	 * or the empty string when it is inside.
	 */
	public String outside(Structure s, Sample sample) {
		List<String> why = new ArrayList<>();
		if (s.hasVolume()) {
			if (values == null) return "a ready volume, but the model was trained on localizations";
			double[] v = valueRange(s);
			double margin = 0.5 * (values[1] - values[0]);
			if (v[1] > values[1] + margin) why.add("values up to " + num(v[1]) + " > training max " + num(values[1]));
			if (v[0] < values[0] - margin) why.add("values down to " + num(v[0]) + " < training min " + num(values[0]));
			return String.join("; ", why);
		}
		if (localizations == null) return "localizations, but the model was trained on ready volumes";
		int n = s.size();
		if (n > localizations[1] * TOLERANCE)
			why.add(n + " localizations > training max " + num(localizations[1]));
		if (n < localizations[0] / TOLERANCE)
			why.add(n + " localizations < training min " + num(localizations[0]));
		double[] e = extents(points(s, sample));
		for (int d = 0; d < 3; d++) {
			if (e[d] > extent[d][1] * TOLERANCE)
				why.add("extent " + AXES[d] + " " + num(e[d]) + " nm > training max " + num(extent[d][1]) + " nm");
			if (e[d] < extent[d][0] / TOLERANCE)
				why.add("extent " + AXES[d] + " " + num(e[d]) + " nm < training min " + num(extent[d][0]) + " nm");
		}
		return String.join("; ", why);
	}

	/** The JSON shape kept in the model file (docs/formats.md). */
	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("structures", structures);
		m.put("tolerance", TOLERANCE);
		if (localizations != null) m.put("localizations", List.of(localizations[0], localizations[1]));
		if (extent != null) {
			Map<String, Object> e = new LinkedHashMap<>();
			for (int d = 0; d < 3; d++) e.put(AXES[d], List.of(extent[d][0], extent[d][1]));
			m.put("extentNm", e);
		}
		if (values != null) m.put("volumeValues", List.of(values[0], values[1]));
		return m;
	}

	/** The range from {@link #toMap()}'s shape, or null when absent or unreadable (then nothing is checked). */
	static TrainingRange fromMap(Object o) {
		if (o instanceof TrainingRange r) return r;
		if (!(o instanceof Map<?, ?> m)) return null;
		try {
			double[] count = pair(m.get("localizations")), values = pair(m.get("volumeValues"));
			double[][] extent = null;
			if (m.get("extentNm") instanceof Map<?, ?> e) {
				extent = new double[3][];
				for (int d = 0; d < 3; d++) {
					extent[d] = pair(e.get(AXES[d]));
					if (extent[d] == null) return null;
				}
			}
			if (count == null != (extent == null) || count == null && values == null) return null;
			return new TrainingRange(count, extent, values, ((Number) m.get("structures")).intValue());
		}
		catch (ClassCastException | NullPointerException e) {
			return null;
		}
	}

	private static double[] pair(Object o) {
		if (!(o instanceof List<?> l) || l.size() != 2) return null;
		return new double[] { ((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue() };
	}

	private static double[] points(Structure s, Sample sample) {
		return sample != null && sample.points() != null ? sample.points() : s.points();
	}

	/** Max minus min per axis. */
	static double[] extents(double[] p) {
		double[] e = new double[3];
		for (int d = 0; d < 3 && p.length > 0; d++) {
			double lo = p[d], hi = p[d];
			for (int i = d; i < p.length; i += 3) {
				lo = Math.min(lo, p[i]);
				hi = Math.max(hi, p[i]);
			}
			e[d] = hi - lo;
		}
		return e;
	}

	private static double[] valueRange(Structure s) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (float v : s.volume().data()) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return new double[] { lo, hi };
	}

	/** Whole numbers for counts and nm, up to three significant decimals for voxel values. */
	private static String num(double v) {
		if (Math.abs(v) >= 10 || v == Math.rint(v)) return String.format(Locale.ROOT, "%.0f", v);
		return String.format(Locale.ROOT, "%.3g", v);
	}
}
