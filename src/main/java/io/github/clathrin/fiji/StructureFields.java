package io.github.clathrin.fiji;

import java.util.Map;

import ij.gui.GenericDialog;

import io.github.clathrin.voxels.VoxelConfig;

/**
 * The dialog fields every plugin that reads structures shows after its input: labels file, ROI
 * column, pixel size and units, with the same macro keys everywhere (labels, roi_column, pixel_size,
 * units) and remembered between uses.
 */
record StructureFields(String labels, String roiColumn, double pixelSize, String units) {

	/**
	 * The choices of the Pose field that the learning dialogs (Train, Evaluate) show beside grid and box,
	 * macro key "pose": none, principal-axes, z-axes, as on the command line.
	 */
	static final String[] POSES = java.util.Arrays.stream(VoxelConfig.Pose.values()).map(VoxelConfig.Pose::label)
		.toArray(String[]::new);

	/** Adds the fields; {@code labelsLabel} starts with "Labels" so the macro key stays "labels". */
	static void add(DialogFields gd, String labelsLabel) {
		gd.addFileField(labelsLabel, ClathrinPlugIn.remembered("labels", ""));
		gd.addStringField("ROI_column", ClathrinPlugIn.remembered("roi_column", ""), 12);
		gd.addNumericField("Pixel_size (nm; 0 = from file)", ClathrinPlugIn.remembered("pixel_size", 0), 2);
		gd.addChoice("Units", ClathrinPlugIn.UNITS, ClathrinPlugIn.remembered("units", ClathrinPlugIn.UNITS[0]));
	}

	/**
	 * Reads the fields back. GenericDialog reads each kind of field in the order added, so call this
	 * after reading the strings added before {@link #add} and before reading any later field.
	 */
	static StructureFields read(GenericDialog gd) {
		String labels = gd.getNextString(), roi = gd.getNextString();
		double pixel = gd.getNextNumber();
		return new StructureFields(labels, roi, pixel, gd.getNextChoice());
	}

	void remember() {
		ClathrinPlugIn.remember("labels", labels);
		ClathrinPlugIn.remember("roi_column", roiColumn);
		ClathrinPlugIn.remember("pixel_size", pixelSize);
		ClathrinPlugIn.remember("units", units);
	}

	/** Puts the command inputs (labels, roi_column, pixel_size, units) into {@code inputs} and returns it. */
	Map<String, Object> addTo(Map<String, Object> inputs) {
		inputs.put("labels", ClathrinPlugIn.file(labels));
		inputs.put("roi_column", roiColumn);
		inputs.put("pixel_size", ClathrinPlugIn.positiveOrNull(pixelSize));
		inputs.put("units", ClathrinPlugIn.unitsOrNull(units));
		return inputs;
	}
}
