package io.github.clathrin.fiji;

import ij.gui.GenericDialog;

import java.io.File;
import java.util.List;

import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.batch.BatchSummary;
import io.github.clathrin.batch.LocalEngine;
import io.github.clathrin.commands.BatchCommand;
import io.github.clathrin.render.CellSummary;

/**
 * Plugins &gt; Clathrin &gt; Batch Classify Cells...: classifies a screen of whole cells (a folder of tables or a
 * list file) on the local engine, with progress on the status bar and Esc to stop, writing the same files as
 * {@code clathrin batch}, and shows the summary table and plots. Macro-recordable; Spark is for the command line
 * and clusters, never loaded here.
 */
public class BatchPlugin extends DialogPlugIn {

	public BatchPlugin() {
		super("Batch Classify Cells", BatchPlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addFileField("Model (.zip)", remembered("model", ""));
		gd.addDirectoryField("Input (folder of whole-cell tables, or a list file)", remembered("batch_input", ""));
		gd.addDirectoryField("Output folder", remembered("batch_output", ""));
		gd.addNumericField("Threads (0 = all processors)", remembered("threads", 0), 0);
		gd.addCheckbox("Skip_existing results (resume a stopped batch)", remembered("batch_skip_existing", false));
		SegmentFields.add(gd);
		gd.addNumericField("Area_pixel (nm, for structures per um^2)", remembered("area_pixel",
			CellSummary.DEFAULT_AREA_PIXEL), 0);
		gd.addNumericField("Pixel_size (nm; 0 = from file)", remembered("pixel_size", 0), 2);
		gd.addChoice("Units", UNITS, remembered("units", UNITS[0]));
	}

	@Override
	void answered(GenericDialog gd) {
		String model = gd.getNextString(), input = gd.getNextString(), output = gd.getNextString();
		double threads = gd.getNextNumber();
		boolean skip = gd.getNextBoolean();
		SegmentFields segment = SegmentFields.read(gd);
		double areaPixel = gd.getNextNumber(), pixelSize = gd.getNextNumber();
		String units = gd.getNextChoice();
		if (!numbersValid(gd)) return;
		// Results of an earlier batch are replaced only after asking (skip_existing keeps them instead).
		if (!skip && !mayReplaceEarlierResult(file(output), BatchJob.SUMMARY)) return;
		remember("model", model);
		remember("batch_input", input);
		remember("batch_output", output);
		remember("threads", threads);
		remember("batch_skip_existing", skip);
		segment.remember();
		remember("area_pixel", areaPixel);
		remember("pixel_size", pixelSize);
		remember("units", units);

		File out = file(output);
		BatchCommand done = run(BatchCommand.class, segment.addTo(inputs("model", model, "input", input,
			"output", output, "engine", LocalEngine.NAME, "threads", (int) threads, "skip_existing", skip, "area_pixel",
			areaPixel, "pixel_size", positiveOrNull(pixelSize), "units", unitsOrNull(units))));
		if (done == null) return;
		showReport(done.getReport());
		List<CellSummary> cells = BatchSummary.summaries(done.getRun().outcomes());
		if (!cells.isEmpty()) ClassifyPlugin.showCells(cells, new File(out, BatchJob.SUMMARY_PLOT));
	}
}
