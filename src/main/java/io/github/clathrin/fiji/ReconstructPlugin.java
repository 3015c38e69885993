package io.github.clathrin.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;

import io.github.clathrin.commands.ReconstructCommand;

/**
 * Plugins &gt; Clathrin &gt; Reconstruct...: writes what an autoencoder model makes of structures (a
 * two-channel TIFF stack per structure: input, reconstruction) and opens the first one, so a user can
 * see that a good reconstruction is not the same as a good classification.
 */
public class ReconstructPlugin extends DialogPlugIn {

	public ReconstructPlugin() {
		super("Reconstruct Clathrin Structures", ReconstructPlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addFileField("Model (autoencoder .zip)", remembered("model", ""));
		gd.addDirectoryField("Input", remembered("input", ""));
		StructureFields.add(gd, "Labels (optional)");
		gd.addDirectoryField("Output folder", remembered("reconstruct_output", ""));
		gd.addNumericField("Limit (structures; 0 = all)", remembered("limit", 0), 0);
	}

	@Override
	void answered(GenericDialog gd) {
		String model = gd.getNextString(), input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String output = gd.getNextString();
		double limit = gd.getNextNumber();
		if (!numbersValid(gd) || !mayReplaceEarlierResult(file(output), ReconstructCommand.ERRORS_CSV)) return;
		remember("model", model);
		remember("input", input);
		fields.remember();
		remember("reconstruct_output", output);
		remember("limit", (int) limit);

		ReconstructCommand done = run(ReconstructCommand.class, fields.addTo(inputs("model", file(model), "input",
			file(input), "output", file(output), "limit", (int) limit)));
		if (done == null) return;
		showReport(done.getReport());
		File[] stacks = new File(output).listFiles((dir, name) -> name.endsWith(".tif"));
		if (stacks == null || stacks.length == 0 || GraphicsEnvironment.isHeadless()) return;
		java.util.Arrays.sort(stacks);
		ImagePlus first = IJ.openImage(stacks[0].getPath());
		if (first != null) first.show();
	}
}
