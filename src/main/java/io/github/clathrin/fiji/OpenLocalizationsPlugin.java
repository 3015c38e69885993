package io.github.clathrin.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.text.TextWindow;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.List;

import io.github.clathrin.commands.InfoCommand;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Plugins &gt; Clathrin &gt; Open Localizations...: describes a localization file (format, columns,
 * units, ranges) and optionally shows its structures as a voxel hyperstack calibrated in nm.
 */
public class OpenLocalizationsPlugin extends ClathrinPlugIn {

	/** More frames than this would cost hundreds of MB for a quick look. */
	static final int MAX_SHOWN = 1000;

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addFileField("Input (localization file)", remembered("open_input", ""));
		gd.addNumericField("Pixel_size (nm; 0 = from file)", remembered("pixel_size", 0), 2);
		gd.addChoice("Units", UNITS, remembered("units", UNITS[0]));
		gd.addCheckbox("Show_volumes (voxelized, 30\u00b3 in a 400 x 400 x 1400 nm box)", remembered("show_volumes", false));
		gd.addStringField("ROI_column (one structure per value; empty = one)", remembered("roi_column", ""), 12);
	}

	@Override
	void runOnce(String arg) {
		GenericDialog gd = new GenericDialog("Open Localizations");
		addFields(DialogFields.on(gd));
		if (!show(gd)) return;
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

		InfoCommand done = run(InfoCommand.class, inputs("input", file(input), "pixel_size", positiveOrNull(pixel),
			"units", unitsOrNull(units)));
		if (done == null) return;
		File f = file(input);
		if (unattended() || GraphicsEnvironment.isHeadless()) showReport(done.getReport());
		else new TextWindow("Clathrin Info - " + f.getName(), "Localization file", done.getReport(), 640, 420);
		if (!volumes) return;
		StructureSet set;
		try {
			set = StructureLoader.fromPath(f.toPath(), roi, path -> done.getTable());
		}
		catch (IOException | InputException e) {
			fail(e.getMessage());
			return;
		}
		List<Structure> shown = set.structures();
		if (shown.size() > MAX_SHOWN) {
			IJ.log(TITLE + ": showing the first " + MAX_SHOWN + " of " + shown.size() + " structures");
			shown = shown.subList(0, MAX_SHOWN);
		}
		ImagePlus imp = VolumeStacks.of(f.getName() + " (voxels)", shown, VoxelConfig.DEFAULT);
		imp.show();
	}
}
