package io.github.clathrin.fiji;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.clathrin.commands.ClassifyCommand;
import io.github.clathrin.commands.ClassifyTables;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.render.Rendering;
import io.github.clathrin.render.StructureOutlines;
import io.github.clathrin.ui.CellSummaryPlot;
import io.github.clathrin.ui.Gallery;

/**
 * Plugins &gt; Clathrin &gt; Classify: applies a model to a folder of per-structure files, one table
 * with an ROI column, (with an ROI column) a folder of such tables, or with {@code segment} a whole-cell
 * table whose structures it finds first; shows "Clathrin Results", a whole cell also as its rendering with
 * the structures outlined in their class's colour (ROIs linked to the results rows and the 3D view) and its
 * summary, and with {@code render=[gallery.png]} also writes the gallery image, without a window (for macros
 * and batch).
 */
public class ClassifyPlugin extends DialogPlugIn {

	public ClassifyPlugin() {
		super("Classify Clathrin Structures", ClassifyPlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addFileField("Model (.zip)", remembered("model", ""));
		gd.addDirectoryField("Input", remembered("input", ""));
		gd.addMessage("A folder of per-structure files, one table with an ROI column,\n"
			+ "or a folder of tables with an ROI column (one results file per table).");
		StructureFields.add(gd, "Labels (optional)");
		gd.addFileField("Output (results .csv, or folder)", remembered("classify_output", ""));
		// Not remembered, so that a later Classify does not silently overwrite an old gallery.
		gd.addFileField("Render (optional gallery .png/.tif)", "");
		gd.addCheckbox("Skip_existing results (folder of tables)", remembered("skip_existing", false));
		// Off unless asked for, each time (like the command's persist = false): it adds a fit per structure.
		gd.addCheckbox("Explain with a spherical cap fit (radius, closing angle, rmse)", false);
		gd.addMessage("A whole cell: the input is one table; structures are found first, as Find Structures does.");
		gd.addCheckbox("Segment the whole-cell table (DBSCAN)", false);
		SegmentFields.add(gd);
		gd.addNumericField("Area_pixel (nm, for structures per um^2)", remembered("area_pixel",
			CellSummary.DEFAULT_AREA_PIXEL), 0);
	}

	@Override
	void answered(GenericDialog gd) {
		String model = gd.getNextString(), input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String output = gd.getNextString(), render = gd.getNextString();
		boolean skip = gd.getNextBoolean(), explain = gd.getNextBoolean(), segment = gd.getNextBoolean();
		SegmentFields segmentFields = SegmentFields.read(gd);
		double areaPixel = gd.getNextNumber();
		if (!numbersValid(gd)) return;
		File renderFile = file(render);
		if (renderFile != null && !ShowStructuresPlugin.galleryPathValid(renderFile)) return;
		File outputFile = file(output);
		// A folder output (a folder of tables) holds one results file per table; skip_existing governs those.
		if (outputFile != null && !outputFile.isDirectory() && !mayReplace(outputFile)) return;
		if (renderFile != null && !mayReplaceGallery(renderFile)) return; // also the pages of an earlier gallery
		remember("model", model);
		remember("input", input);
		fields.remember();
		remember("classify_output", output);
		remember("skip_existing", skip);
		segmentFields.remember();
		remember("area_pixel", areaPixel);

		// A folder of tables also gets the summary plot, as on the command line.
		File inputFile = file(input);
		File plot = inputFile != null && inputFile.isDirectory() && file(fields.roiColumn()) != null && outputFile != null
			? new File(outputFile, ClassifyTables.SUMMARY_PLOT) : null;
		List<File> writes = new ArrayList<>();
		if (renderFile != null) writes.add(renderFile);
		if (plot != null) writes.add(plot);
		ClassifyCommand done = run(ClassifyCommand.class, segmentFields.addTo(fields.addTo(inputs("model", file(model),
			"input", inputFile, "output", outputFile, "skip_existing", skip, "explain", explain, "segment", segment,
			"area_pixel", areaPixel, "also_writes", writes.isEmpty() ? null : writes.toArray(File[]::new)))));
		if (done == null) return;
		showReport(done.getReport());
		if (done.getPredictions() != null) {
			ResultsTable rt = ResultsTables.predictions(done.getPredictions(), done.getStructures() == null ? null
				: done.getStructures().structures(), done.getCaps());
			rt.show(ResultsTables.RESULTS);
		}
		if (done.getSegmentation() != null) showCell(done);
		if (done.getBatch() != null && !done.getBatch().summaries().isEmpty()) showCells(done.getBatch().summaries(),
			plot);
		if (renderFile == null) return;
		// Drawn here, not in the command, so that the core stays free of AWT (as the CLI's --render).
		if (done.getStructures() == null) fail("render draws one set of structures; it does not apply to a folder "
			+ "of tables (input folder with an ROI column)");
		else ShowStructuresPlugin.writeGallery(
			Gallery.of(done.getStructures(), done.getPredictions(), done.getClassNames()).sortedBy(Gallery.Sort.CLASS),
			renderFile);
	}

	/**
	 * A classified cell: its rendering with every structure outlined in its predicted class's colour, named
	 * "key class probability", dashed when its answer cannot be trusted (no class, or outside the model's
	 * training range); ROIs, results rows and 3D views linked; and the cell's summary table.
	 */
	private static void showCell(ClassifyCommand done) {
		Rendering cell = CellImage.render(done.getSegmentation().table());
		List<StructureOutlines.Outline> outlines = StructureOutlines.of(done.getStructures().structures(),
			done.getPredictions());
		List<Roi> rois = CellImage.classified(outlines, done.getClassNames(), cell.grid());
		ImagePlus imp = CellImage.image(done.getSegmentation().table().source().getFileName() + " classified", cell);
		CellImage.show(imp, rois, true);
		CellLinks.link(imp, rois, outlines.stream().map(StructureOutlines.Outline::key).toList(), ResultsTables.RESULTS,
			CellLinks.viewerOf(Gallery.of(done.getStructures(), done.getPredictions(), done.getClassNames())));
		if (done.getSummary() != null) ResultsTables.summary(List.of(done.getSummary())).show(ResultsTables.SUMMARY);
	}

	/**
	 * A folder of cells: one summary row per cell, the structures per class in each cell and the closing angles
	 * per class as ImageJ plots (windows, or the macro's images in batch mode), and both in one PNG in the output
	 * folder, as {@code classify} writes it.
	 */
	static void showCells(List<CellSummary> cells, File plot) {
		ResultsTables.summary(cells).show(ResultsTables.SUMMARY);
		CellSummaryPlot.counts(cells).show();
		CellSummaryPlot.angles(cells).show();
		if (plot == null) return;
		try {
			CellSummaryPlot.write(plot.toPath(), cells);
			ShowStructuresPlugin.say("summary plot written to " + plot);
		}
		catch (IOException e) {
			fail(plot + ": cannot write the summary plot (" + e.getMessage() + ")");
		}
	}
}
