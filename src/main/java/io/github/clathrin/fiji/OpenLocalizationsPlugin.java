package io.github.clathrin.fiji;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.text.TextWindow;

import java.awt.GraphicsEnvironment;
import java.io.File;

import io.github.clathrin.commands.OpenCommand;

/**
 * Plugins &gt; Clathrin &gt; Open Localizations...: describes a localization file (format, columns,
 * units, ranges) and optionally shows its structures as a voxel hyperstack calibrated in nm, or a whole cell
 * rendered as Render Localizations... shows it. Reading, voxelizing and rendering are {@link OpenCommand}'s;
 * only the text window, the hyperstack or image and the log's warnings are made here.
 */
public class OpenLocalizationsPlugin extends DialogPlugIn {

	public OpenLocalizationsPlugin() {
		super("Open Localizations", OpenLocalizationsPlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addFileField("Input (localization file)", remembered("open_input", ""));
		gd.addNumericField("Pixel_size (nm; 0 = from file)", remembered("pixel_size", 0), 2);
		gd.addChoice("Units", UNITS, remembered("units", UNITS[0]));
		gd.addCheckbox("Show_volumes (voxelized, 30\u00b3 in a 400 x 400 x 1400 nm box; a whole cell is rendered)",
			remembered("show_volumes", false));
		gd.addStringField("ROI_column (one structure per value; empty = one)", remembered("roi_column", ""), 12);
	}

	@Override
	void answered(GenericDialog gd) {
		String input = gd.getNextString();
		double pixel = gd.getNextNumber();
		String units = gd.getNextChoice();
		boolean volumes = gd.getNextBoolean();
		String roi = gd.getNextString();
		if (!numbersValid(gd)) return;
		remember("open_input", input);
		remember("pixel_size", pixel);
		remember("units", units);
		remember("show_volumes", volumes);
		remember("roi_column", roi);

		OpenCommand done = run(OpenCommand.class, inputs("input", file(input), "pixel_size", positiveOrNull(pixel),
			"units", unitsOrNull(units), "show_volumes", volumes, "roi_column", roi));
		if (done == null) return;
		File f = file(input);
		boolean window = !unattended() && !GraphicsEnvironment.isHeadless();
		if (window) new TextWindow("Clathrin Info - " + f.getName(), "Localization file", done.getReport(), 640, 420);
		else showReport(done.getReport()); // warnings included
		if (!volumes) return;
		if (done.getRendering() != null) {
			// A whole cell: its voxels in one 400 nm box would be a few lit pixels.
			if (window) IJ.log(TITLE + ": " + f.getName() + " is wider than one structure box: shown rendered (Render "
				+ "Localizations... has the options)");
			RenderPlugin.show(f.getName(), done.getRendering());
			return;
		}
		if (window) for (String w : done.getWarnings()) IJ.log(TITLE + ": warning: " + w);
		VolumeStacks.of(f.getName() + " (voxels)", done.getVolumeKeys(), done.getVolumes(), done.getVoxels()).show();
	}
}
