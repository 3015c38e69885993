package io.github.clathrin.fiji;

import ij.gui.GenericDialog;

import io.github.clathrin.commands.SegmentCommand;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.SegmentFiles;

/**
 * Plugins &gt; Clathrin &gt; Find Structures...: cuts a whole-cell localization table into candidate
 * structures with DBSCAN and size filters, writing a folder that Train, Classify and Label Structures
 * read as it is; the dialog is macro-recordable like every other entry.
 */
public class FindStructuresPlugin extends DialogPlugIn {

	public FindStructuresPlugin() {
		super("Find Clathrin Structures", FindStructuresPlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addFileField("Input (whole-cell table)", remembered("segment_input", ""));
		gd.addDirectoryField("Output folder", remembered("segment_output", ""));
		gd.addNumericField("Eps (nm)", remembered("eps", SegmentConfig.DEFAULT_EPS), 1);
		gd.addNumericField("Min_points", remembered("min_points", SegmentConfig.DEFAULT_MIN_POINTS), 0);
		gd.addNumericField("Min_size (localizations)", remembered("min_size", SegmentConfig.DEFAULT_MIN_SIZE), 0);
		gd.addNumericField("Max_size (localizations)", remembered("max_size", SegmentConfig.DEFAULT_MAX_SIZE), 0);
		gd.addNumericField("Max_extent (nm per axis)", remembered("max_extent", SegmentConfig.DEFAULT_MAX_EXTENT), 1);
		gd.addCheckbox("One_table with an roi column", remembered("one_table", false));
		gd.addNumericField("Pixel_size (nm; 0 = from file)", remembered("pixel_size", 0), 2);
		gd.addChoice("Units", UNITS, remembered("units", UNITS[0]));
	}

	@Override
	void answered(GenericDialog gd) {
		String input = gd.getNextString(), output = gd.getNextString();
		double eps = gd.getNextNumber(), minPoints = gd.getNextNumber(), minSize = gd.getNextNumber(),
			maxSize = gd.getNextNumber(), maxExtent = gd.getNextNumber();
		boolean oneTable = gd.getNextBoolean();
		double pixelSize = gd.getNextNumber();
		String units = gd.getNextChoice();
		if (!numbersValid(gd) || !mayReplaceEarlierResult(file(output), SegmentFiles.SUMMARY)) return;
		remember("segment_input", input);
		remember("segment_output", output);
		remember("eps", eps);
		remember("min_points", minPoints);
		remember("min_size", minSize);
		remember("max_size", maxSize);
		remember("max_extent", maxExtent);
		remember("one_table", oneTable);
		remember("pixel_size", pixelSize);
		remember("units", units);

		SegmentCommand done = run(SegmentCommand.class, inputs("input", file(input), "output", file(output), "eps", eps,
			"min_points", (int) minPoints, "min_size", (int) minSize, "max_size", (int) maxSize, "max_extent", maxExtent,
			"one_table", oneTable, "pixel_size", positiveOrNull(pixelSize), "units", unitsOrNull(units)));
		if (done != null) showReport(done.getReport());
	}
}
