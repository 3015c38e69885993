package io.github.clathrin.fiji;

import java.util.Map;

import ij.gui.GenericDialog;

import io.github.clathrin.segment.SegmentConfig;

/**
 * The DBSCAN and size-filter fields that Find Structures, Classify (segment) and Batch Classify Cells show,
 * with the same macro keys (eps, min_points, min_size, max_size, max_extent) and defaults everywhere, and
 * remembered between uses.
 */
record SegmentFields(double eps, double minPoints, double minSize, double maxSize, double maxExtent) {

	/** Adds the five numeric fields, in this order. */
	static void add(DialogFields gd) {
		gd.addNumericField("Eps (nm)", ClathrinPlugIn.remembered("eps", SegmentConfig.DEFAULT_EPS), 1);
		gd.addNumericField("Min_points", ClathrinPlugIn.remembered("min_points", SegmentConfig.DEFAULT_MIN_POINTS), 0);
		gd.addNumericField("Min_size (localizations)", ClathrinPlugIn.remembered("min_size",
			SegmentConfig.DEFAULT_MIN_SIZE), 0);
		gd.addNumericField("Max_size (localizations)", ClathrinPlugIn.remembered("max_size",
			SegmentConfig.DEFAULT_MAX_SIZE), 0);
		gd.addNumericField("Max_extent (nm per axis)", ClathrinPlugIn.remembered("max_extent",
			SegmentConfig.DEFAULT_MAX_EXTENT), 1);
	}

	/**
	 * Reads the fields back. GenericDialog reads each kind of field in the order added, so call this after
	 * reading the numbers added before {@link #add} and before reading any later number.
	 */
	static SegmentFields read(GenericDialog gd) {
		return new SegmentFields(gd.getNextNumber(), gd.getNextNumber(), gd.getNextNumber(), gd.getNextNumber(),
			gd.getNextNumber());
	}

	void remember() {
		ClathrinPlugIn.remember("eps", eps);
		ClathrinPlugIn.remember("min_points", minPoints);
		ClathrinPlugIn.remember("min_size", minSize);
		ClathrinPlugIn.remember("max_size", maxSize);
		ClathrinPlugIn.remember("max_extent", maxExtent);
	}

	/** Puts the command inputs (eps, min_points, min_size, max_size, max_extent) into {@code inputs}; returns it. */
	Map<String, Object> addTo(Map<String, Object> inputs) {
		inputs.put("eps", eps);
		inputs.put("min_points", (int) minPoints);
		inputs.put("min_size", (int) minSize);
		inputs.put("max_size", (int) maxSize);
		inputs.put("max_extent", maxExtent);
		return inputs;
	}
}
