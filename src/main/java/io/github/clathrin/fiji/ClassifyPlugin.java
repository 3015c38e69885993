package io.github.clathrin.fiji;

import ij.gui.GenericDialog;
import ij.measure.ResultsTable;

import java.io.File;
import java.util.List;

import io.github.clathrin.commands.ClassifyCommand;
import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.ui.Gallery;

/**
 * Plugins &gt; Clathrin &gt; Classify: applies a model to a folder of per-structure files, one table
 * with an ROI column, or (with an ROI column) a folder of such tables; shows "Clathrin Results", and with
 * {@code render=[gallery.png]} also writes the gallery image, without a window (for macros and batch).
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
	}

	@Override
	void answered(GenericDialog gd) {
		String model = gd.getNextString(), input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String output = gd.getNextString(), render = gd.getNextString();
		boolean skip = gd.getNextBoolean(), explain = gd.getNextBoolean();
		if (!numbersValid(gd)) return;
		File renderFile = file(render);
		if (renderFile != null && !ShowStructuresPlugin.galleryPathValid(renderFile)) return;
		File outputFile = file(output);
		// A folder output (a folder of tables) holds one results file per table; skip_existing governs those.
		if (outputFile != null && !outputFile.isDirectory() && !mayReplace(outputFile)) return;
		if (!mayReplace(renderFile)) return;
		remember("model", model);
		remember("input", input);
		fields.remember();
		remember("classify_output", output);
		remember("skip_existing", skip);

		ClassifyCommand done = run(ClassifyCommand.class, fields.addTo(inputs("model", file(model), "input",
			file(input), "output", file(output), "skip_existing", skip, "explain", explain,
			"also_writes", renderFile == null ? null : new File[] { renderFile })));
		if (done == null) return;
		showReport(done.getReport());
		if (done.getPredictions() != null) {
			ResultsTable rt = ResultsTables.predictions(done.getPredictions());
			if (done.getCaps() != null) addCaps(rt, done.getCaps());
			rt.show(ResultsTables.RESULTS);
		}
		if (renderFile == null) return;
		// Drawn here, not in the command, so that the core stays free of AWT (as the CLI's --render).
		if (done.getStructures() == null) fail("render draws one set of structures; it does not apply to a folder "
			+ "of tables (input folder with an ROI column)");
		else ShowStructuresPlugin.writeGallery(
			Gallery.of(done.getStructures(), done.getPredictions(), done.getClassNames()).sortedBy(Gallery.Sort.CLASS),
			renderFile);
	}

	/** The explain columns, next to each prediction; empty cells where no cap was fitted. */
	static void addCaps(ResultsTable rt, List<CapFit.Result> caps) {
		for (int row = 0; row < caps.size(); row++) {
			double[] v = Classification.explainValues(caps.get(row));
			for (int c = 0; c < v.length; c++) {
				String column = Classification.EXPLAIN_COLUMNS.get(c);
				if (Double.isNaN(v[c])) rt.setValue(column, row, ""); // a blank cell, as in the CSV, not "NaN"
				else rt.setValue(column, row, v[c]);
			}
		}
	}
}
