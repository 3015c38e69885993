package io.github.clathrin.commands;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.Parameter;

/**
 * A command that reads structures: a folder with one localization file (or 3D TIFF stack) per
 * structure, one table with an ROI column, or a NumPy file of ready volumes, plus an optional labels
 * file and what the files do not say about units.
 */
public abstract class StructureCommand extends ReadingCommand {

	@Parameter(label = "Input (folder, table, .npz or .npy)", persist = false,
		description = "A folder with one localization file or 3D TIFF stack per structure, one table (with an ROI "
			+ "column), or ready volumes in a NumPy .npz (X or X_train/X_test, labels y...) or .npy file of shape "
			+ "(N, z, y, x).")
	protected File input;

	@Parameter(label = "More inputs", required = false, persist = false,
		description = "Further inputs of the same kind, read after the first; keys get their file name as prefix.")
	protected File[] more_inputs;

	@Parameter(label = "Labels file", required = false, persist = false,
		description = "Labels CSV: first column the structure key, a 'label' column (yes/no or class names).")
	protected File labels;

	@Parameter(label = "Class from", required = false, persist = false,
		description = "'file': each input's structures take the name of the input's folder as their class "
			+ "(instead of a labels file)")
	protected String class_from;

	@Parameter(label = "ROI column", required = false, persist = false,
		description = "Column naming the structure of each localization when the input is one table (e.g. frame).")
	protected String roi_column;

	/** What this command reads (inputs, labels file), for refusing outputs that would replace them. */
	protected OutputCheck reads() {
		return new OutputCheck().reads(input, "input").reads(more_inputs, "input").reads(labels, "labels file");
	}

	protected StructureInput.Loaded loadStructures() {
		given(input, "input", "input");
		List<File> inputs = new ArrayList<>();
		inputs.add(input);
		if (more_inputs != null) inputs.addAll(List.of(more_inputs));
		return StructureInput.load(inputs, labels, orNull(roi_column), readOptions(),
			StructureInput.ClassFrom.parse(class_from), progress());
	}
}
