package io.github.clathrin.fiji;

import ij.gui.GenericDialog;

import java.io.File;

import io.github.clathrin.commands.ClassifyCommand;
import io.github.clathrin.ui.Gallery;

/**
 * Plugins &gt; Clathrin &gt; Classify: applies a model to a folder of per-structure files, one table
 * with an ROI column, or (with an ROI column) a folder of such tables; shows "Clathrin Results", and with
 * {@code render=[gallery.png]} also writes the gallery image, without a window (for macros and batch).
 */
public class ClassifyPlugin extends ClathrinPlugIn {

	@Override
	public void run(String arg) {
		GenericDialog gd = new GenericDialog("Classify Clathrin Structures");
		gd.addFileField("Model (.zip)", remembered("model", ""));
		gd.addDirectoryField("Input", remembered("input", ""));
		gd.addMessage("A folder of per-structure files, one table with an ROI column,\n"
			+ "or a folder of tables with an ROI column (one results file per table).");
		StructureFields.add(gd, "Labels (optional)");
		gd.addFileField("Output (results .csv, or folder)", remembered("classify_output", ""));
		// Not remembered, so that a later Classify does not silently overwrite an old gallery.
		gd.addFileField("Render (optional gallery .png/.tif)", "");
		gd.addCheckbox("Skip_existing results (folder of tables)", remembered("skip_existing", false));
		gd.showDialog();
		if (gd.wasCanceled()) return;
		String model = gd.getNextString(), input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String output = gd.getNextString(), render = gd.getNextString();
		boolean skip = gd.getNextBoolean();
		if (!numbersValid(gd)) return;
		File renderFile = file(render);
		if (renderFile != null && !ShowStructuresPlugin.galleryPathValid(renderFile)) return;
		remember("model", model);
		remember("input", input);
		fields.remember();
		remember("classify_output", output);
		remember("skip_existing", skip);

		ClassifyCommand done = run(ClassifyCommand.class, fields.addTo(inputs("model", file(model), "input",
			file(input), "output", file(output), "skip_existing", skip)));
		if (done == null) return;
		showReport(done.getReport());
		if (done.getPredictions() != null) ResultsTables.predictions(done.getPredictions()).show(ResultsTables.RESULTS);
		if (renderFile == null) return;
		// Drawn here, not in the command, so that the core stays free of AWT (as the CLI's --render).
		if (done.getStructures() == null) fail("render draws one set of structures; it does not apply to a folder "
			+ "of tables (input folder with an ROI column)");
		else ShowStructuresPlugin.writeGallery(
			Gallery.of(done.getStructures(), done.getPredictions(), done.getClassNames()).sortedBy(Gallery.Sort.CLASS),
			renderFile);
	}
}
