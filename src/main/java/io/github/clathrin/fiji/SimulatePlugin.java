package io.github.clathrin.fiji;

import ij.gui.GenericDialog;

import io.github.clathrin.commands.SimulateCommand;
import io.github.clathrin.datasets.GeometriesSimulator;
import io.github.clathrin.datasets.SimulatedDataset;

/**
 * Plugins &gt; Clathrin &gt; Simulate Demo Data...: writes simulated, partly labelled structures, or the
 * Geometries volumes with a train/test split.
 */
public class SimulatePlugin extends DialogPlugIn {

	public SimulatePlugin() {
		super("Simulate Clathrin Demo Data", SimulatePlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addChoice("Kind", new String[] { SimulateCommand.CLATHRIN, SimulateCommand.GEOMETRIES },
			remembered("simulate_kind", SimulateCommand.CLATHRIN));
		gd.addDirectoryField("Output (folder)", remembered("simulate_output", ""));
		gd.addNumericField("Structures", remembered("structures", 899), 0);
		gd.addNumericField("Labelled", remembered("labelled", 280), 0);
		gd.addNumericField("Seed", remembered("seed", 1), 0);
		gd.addMessage("Geometries: 300 training + 300 test 20^3 volumes (cube, diamond, sphere) in geometries.npz;\n"
			+ "Structures and Labelled apply to clathrin only.");
	}

	@Override
	void answered(GenericDialog gd) {
		String kind = gd.getNextChoice();
		String output = gd.getNextString();
		double structures = gd.getNextNumber(), labelled = gd.getNextNumber(), seed = gd.getNextNumber();
		String written = SimulateCommand.GEOMETRIES.equals(kind) ? GeometriesSimulator.FILE : SimulatedDataset.LABELS;
		if (!numbersValid(gd) || !mayReplaceEarlierResult(file(output), written)) return;
		remember("simulate_kind", kind);
		remember("simulate_output", output);
		remember("structures", (int) structures);
		remember("labelled", (int) labelled);
		remember("seed", (long) seed);
		SimulateCommand done = run(SimulateCommand.class, inputs("kind", kind, "output", file(output), "structures",
			(int) structures, "labelled", (int) labelled, "seed", (long) seed));
		if (done != null) showReport(done.getReport());
	}
}
