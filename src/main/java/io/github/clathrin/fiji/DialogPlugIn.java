package io.github.clathrin.fiji;

import ij.gui.GenericDialog;

import java.util.function.Consumer;

/**
 * A plugin that asks for its inputs in one dialog: it names its title and fields (the static
 * {@code addFields} that ParametersConsistencyTest holds to the command), and reads the answers in
 * {@link #answered}; showing the dialog, again after a mistake, is done here once for all of them.
 */
abstract class DialogPlugIn extends ClathrinPlugIn {

	private final String title;
	private final Consumer<DialogFields> fields;

	DialogPlugIn(String title, Consumer<DialogFields> fields) {
		this.title = title;
		this.fields = fields;
	}

	@Override
	final void runOnce(String arg) {
		GenericDialog gd = new GenericDialog(title);
		fields.accept(DialogFields.on(gd));
		if (show(gd)) answered(gd);
	}

	/** Reads the fields of the shown dialog in the order they were added, and runs the step. */
	abstract void answered(GenericDialog gd);
}
