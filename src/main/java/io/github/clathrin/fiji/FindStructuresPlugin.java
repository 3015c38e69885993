package io.github.clathrin.fiji;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.Roi;

import java.io.File;
import java.io.IOException;
import java.util.List;

import io.github.clathrin.commands.SegmentCommand;
import io.github.clathrin.render.Rendering;
import io.github.clathrin.segment.SegmentFiles;
import io.github.clathrin.ui.Gallery;

/**
 * Plugins &gt; Clathrin &gt; Find Structures...: cuts a whole-cell localization table into candidate
 * structures with DBSCAN and size filters, writing a folder that Train, Classify and Label Structures
 * read as it is, and shows the cell's rendering with every candidate outlined (overlay and ROI Manager),
 * coloured by why it was kept or not; {@code roi_zip=[rois.zip]} also saves the outlines as an ROI set.
 * The dialog is macro-recordable like every other entry.
 */
public class FindStructuresPlugin extends DialogPlugIn {

	public FindStructuresPlugin() {
		super("Find Clathrin Structures", FindStructuresPlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addFileField("Input (whole-cell table)", remembered("segment_input", ""));
		gd.addDirectoryField("Output folder", remembered("segment_output", ""));
		SegmentFields.add(gd);
		gd.addCheckbox("One_table with an roi column", remembered("one_table", false));
		gd.addNumericField("Pixel_size (nm; 0 = from file)", remembered("pixel_size", 0), 2);
		gd.addChoice("Units", UNITS, remembered("units", UNITS[0]));
		// Not remembered, so that a later run does not silently replace an old ROI set.
		gd.addFileField("Roi_zip (optional: save the outlines as an ROI set .zip)", "");
	}

	@Override
	void answered(GenericDialog gd) {
		String input = gd.getNextString(), output = gd.getNextString();
		SegmentFields segment = SegmentFields.read(gd);
		boolean oneTable = gd.getNextBoolean();
		double pixelSize = gd.getNextNumber();
		String units = gd.getNextChoice();
		File roiZip = file(gd.getNextString());
		if (!numbersValid(gd)) return;
		if (roiZip != null && !roiZip.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
			mistake("roi_zip: " + roiZip + " is no .zip file (ImageJ's ROI Manager opens ROI sets as .zip)");
			return;
		}
		if (!mayReplaceEarlierResult(file(output), SegmentFiles.SUMMARY) || !mayReplace(roiZip)) return;
		remember("segment_input", input);
		remember("segment_output", output);
		segment.remember();
		remember("one_table", oneTable);
		remember("pixel_size", pixelSize);
		remember("units", units);

		SegmentCommand done = run(SegmentCommand.class, segment.addTo(inputs("input", file(input), "output", file(output),
			"one_table", oneTable, "pixel_size", positiveOrNull(pixelSize), "units", unitsOrNull(units),
			"also_writes", roiZip == null ? null : new File[] { roiZip })));
		if (done == null) return;
		showReport(done.getReport());
		// Drawn here, not in the command, so that the core stays free of ImageJ.
		Rendering cell = CellImage.render(done.getSegmentation().table());
		List<Roi> rois = CellImage.candidates(done.getSegmentation(), cell.grid());
		ImagePlus imp = CellImage.image(new File(input).getName(), cell);
		CellImage.show(imp, rois, false);
		CellLinks.link(imp, rois, done.getSegmentation().clusters().stream().map(c -> c.key()).toList(), null,
			CellLinks.viewerOf(Gallery.of(done.getSegmentation().structures(), null, List.of())));
		if (roiZip == null) return;
		try {
			CellImage.saveRoiZip(rois, roiZip);
			ShowStructuresPlugin.say(rois.size() + " outlines written to " + roiZip);
		}
		catch (IOException e) {
			fail(roiZip + ": cannot write the ROI set (" + e.getMessage() + ")");
		}
	}
}
