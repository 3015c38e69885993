package io.github.clathrin.fiji;

import ij.IJ;
import ij.gui.GenericDialog;

import java.awt.GraphicsEnvironment;

import javax.swing.SwingUtilities;

import io.github.clathrin.commands.CommandParameters;
import io.github.clathrin.commands.LabelCommand;
import io.github.clathrin.pipeline.LabellingSession;
import io.github.clathrin.ui.LabellingWindow;

/**
 * Plugins &gt; Clathrin &gt; Label Structures...: runs {@link LabelCommand} (structures, optionally a model for
 * the first predictions, and the labels file, which is created if absent and resumed if it exists) and opens
 * the {@link LabellingWindow} on its session. The dialog is recordable; the window itself is interactive.
 */
public class LabelStructuresPlugin extends DialogPlugIn {

	public LabelStructuresPlugin() {
		super("Label Clathrin Structures", LabelStructuresPlugin::addFields);
	}

	/** The command's choices for the order, so that the dialog cannot offer another. */
	static final String[] ORDERS = CommandParameters.find(LabelCommand.class, "order").orElseThrow().choices()
		.toArray(String[]::new);

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addDirectoryField("Input", remembered("input", ""));
		StructureFields.add(gd, "Labels (.csv; read and written, created if absent)");
		gd.addFileField("Model (.zip, optional: first predictions)", remembered("label_model", ""));
		gd.addStringField("Classes (comma-separated; empty = yes,no or the labels file's)",
			remembered("classes", ""), 16);
		gd.addChoice("Order", ORDERS, remembered("order", (String) CommandParameters.defaultOf(LabelCommand.class,
			"order")));
	}

	@Override
	void answered(GenericDialog gd) {
		String input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String model = gd.getNextString(), classes = gd.getNextString(), order = gd.getNextChoice();
		if (!numbersValid(gd)) return;
		remember("input", input);
		fields.remember();
		remember("label_model", model);
		remember("classes", classes);
		remember("order", order);

		if (GraphicsEnvironment.isHeadless()) {
			fail("Label Structures needs a display: it opens an interactive window");
			return;
		}
		LabelCommand done = run(LabelCommand.class, fields.addTo(inputs("input", file(input), "model", file(model),
			"classes", classes, "order", order)));
		if (done == null) return;
		showReport(done.getReport());
		LabellingSession session = done.getSession();
		IJ.showStatus(TITLE + ": " + session);
		SwingUtilities.invokeLater(() -> new LabellingWindow(session).setVisible(true));
	}
}
