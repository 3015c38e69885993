package io.github.clathrin.fiji;

import ij.gui.GenericDialog;

import java.util.HashMap;
import java.util.Map;

import io.github.clathrin.commands.CommandParameters;
import io.github.clathrin.commands.TrainCommand;
import io.github.clathrin.encoders.Encoders;

/** Plugins &gt; Clathrin &gt; Train...: trains an encoder + SVM model and writes the model file. */
public class TrainPlugin extends DialogPlugIn {

	public TrainPlugin() {
		super("Train Clathrin Model", TrainPlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addDirectoryField("Input", remembered("input", ""));
		gd.addMessage("A folder with one localization file per structure, or one table with an ROI column.");
		StructureFields.add(gd, "Labels");
		gd.addChoice("Encoder", Encoders.names().toArray(String[]::new), remembered("encoder", (String) CommandParameters.defaultOf(TrainCommand.class, "encoder")));
		gd.addNumericField("Grid (voxels per axis; 0 = 30, or the size of ready volumes)", remembered("grid", 0), 0);
		gd.addStringField("Box half-size x,y,z (nm)", remembered("box", "200,200,700"), 12);
		gd.addChoice("Pose", StructureFields.POSES, remembered("pose", StructureFields.POSES[0]));
		gd.addNumericField("Seed", remembered("seed", 1), 0);
		gd.addFileField("Model (output .zip)", remembered("model", ""));
		EnlargementFields.add(gd);
	}

	@Override
	void answered(GenericDialog gd) {
		String input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String encoder = gd.getNextChoice(), pose = gd.getNextChoice();
		double grid = gd.getNextNumber();
		String box = gd.getNextString();
		double seed = gd.getNextNumber();
		String model = gd.getNextString();
		EnlargementFields more = EnlargementFields.read(gd);
		if (!numbersValid(gd) || !mayReplace(file(model))) return;
		fields.remember();
		more.remember();
		for (Object[] kv : new Object[][] { { "input", input }, { "encoder", encoder }, { "grid", (int) grid }, { "box", box },
			{ "pose", pose }, { "seed", (long) seed }, { "model", model } })
			remember((String) kv[0], kv[1]);

		Map<String, Object> in = more.addTo(fields.addTo(new HashMap<>()));
		in.put("input", file(input));
		in.put("encoder", encoder);
		in.put("grid", (int) grid);
		in.put("box", box);
		in.put("pose", pose);
		in.put("seed", (long) seed);
		in.put("model", file(model));
		TrainCommand done = run(TrainCommand.class, in);
		if (done != null) showReport(done.getReport());
	}
}
