package io.github.clathrin.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;

import java.awt.GraphicsEnvironment;
import java.io.File;

import io.github.clathrin.commands.CommandParameters;
import io.github.clathrin.commands.EvaluateCommand;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.ui.CurvePlot;
import io.github.clathrin.ui.EvaluationFigures;

/**
 * Plugins &gt; Clathrin &gt; Evaluate...: cross-validates encoders + SVM; shows "Clathrin Evaluation",
 * a confusion heat map and a per-class accuracy plot, saved as PNG beside the JSON output if given.
 */
public class EvaluatePlugin extends DialogPlugIn {

	public EvaluatePlugin() {
		super("Evaluate Clathrin Encoders", EvaluatePlugin::addFields);
	}

	/** Macro keys of earlier versions and the key of the same input now (the command's name). */
	static final Map<String, String> MACRO_ALIASES = Map.of("output", "json");

	/**
	 * A macro's options with the keys of earlier versions renamed: {@code output} is {@code json}, and
	 * {@code official_split} (a checkbox that made {@code input} the benchmark file) is {@code dataset}.
	 */
	static String withCurrentKeys(String options) {
		if (options == null) return null;
		String s = options;
		for (Map.Entry<String, String> e : MACRO_ALIASES.entrySet())
			s = MacroKeys.rename(s, e.getKey(), e.getValue());
		if (MacroKeys.has(s, "official_split"))
			s = MacroKeys.rename(MacroKeys.remove(s, "official_split"), "input", "dataset");
		return s;
	}

	@Override
	String macroOptions(String options) {
		return withCurrentKeys(options);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addDirectoryField("Input", remembered("input", ""));
		StructureFields.add(gd, "Labels");
		gd.addStringField("Encoders (comma-separated)", remembered("encoders", (String) defaultOf("encoders")), 16);
		gd.addMessage("Encoders: " + String.join(", ", Encoders.names()));
		gd.addNumericField("Folds", remembered("folds", 5), 0);
		gd.addNumericField("Grid (voxels per axis; 0 = 30, or the size of ready volumes)", remembered("grid", 0), 0);
		gd.addStringField("Box half-size x,y,z (nm)", remembered("box", "200,200,700"), 12);
		gd.addChoice("Pose", StructureFields.POSES, remembered("pose", StructureFields.POSES[0]));
		gd.addNumericField("Seed", remembered("seed", 1), 0);
		gd.addFileField("JSON results (optional; the plots are saved beside it)", remembered("evaluate_output", ""));
		gd.addStringField("Unlabelled_steps (e.g. 0,100,300,619; optional)", remembered("unlabelled_steps", ""), 16);
		// Not remembered, so that a later Evaluate of structures does not silently score the benchmark instead.
		gd.addFileField("Dataset (optional benchmark .npz: replaces input and labels)", "");
		gd.addStringField("Class_names (dataset, optional)", remembered("class_names", ""), 16);
		EnlargementFields.add(gd);
	}

	private static Object defaultOf(String name) {
		return CommandParameters.defaultOf(EvaluateCommand.class, name);
	}

	@Override
	void answered(GenericDialog gd) {
		String input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String encoders = gd.getNextString(), pose = gd.getNextChoice();
		double folds = gd.getNextNumber(), grid = gd.getNextNumber();
		String box = gd.getNextString();
		double seed = gd.getNextNumber();
		String output = gd.getNextString();
		String steps = gd.getNextString();
		String dataset = gd.getNextString();
		String classNames = gd.getNextString();
		EnlargementFields more = EnlargementFields.read(gd);
		if (!numbersValid(gd) || !mayReplace(file(output))) return;
		more.remember();
		remember("unlabelled_steps", steps);
		remember("class_names", classNames);
		remember("input", input);
		fields.remember();
		remember("encoders", encoders);
		remember("folds", (int) folds);
		remember("grid", (int) grid);
		remember("box", box);
		remember("pose", pose);
		remember("seed", (long) seed);
		remember("evaluate_output", output);

		File json = file(output), benchmark = file(dataset);
		Map<String, Object> in = more.addTo(fields.addTo(inputs("input", file(input), "encoders", encoders, "folds",
			(int) folds, "grid", (int) grid, "box", box, "pose", pose, "seed", (long) seed, "json", json,
			"unlabelled_steps", steps.isBlank() ? null : steps)));
		if (benchmark != null) {
			// The benchmark replaces the structures: the input and labels the dialog remembers from Train do not apply.
			in.put("dataset", benchmark);
			in.keySet().removeAll(List.of("input", "labels", "roi_column"));
			if (!classNames.isBlank()) in.put("class_names", classNames);
		}
		if (json != null) { // the plots written beside the JSON must not replace an input either
			String base = withoutExtension(json.getPath());
			in.put("also_writes", new File[] { new File(base + "-confusion.png"), new File(base + "-per-class.png"),
				new File(base + "-unlabelled.png") });
		}
		EvaluateCommand done = run(EvaluateCommand.class, in);
		if (done == null) return;
		showReport(done.getReport());
		ResultsTables.evaluation(done.getResult()).show(ResultsTables.EVALUATION);
		ImagePlus confusion = EvaluationFigures.confusion(done.getResult());
		ImagePlus perClass = EvaluationFigures.perClass(done.getResult());
		if (json != null) {
			String base = withoutExtension(json.getPath());
			IJ.saveAs(confusion, "PNG", base + "-confusion.png");
			IJ.saveAs(perClass, "PNG", base + "-per-class.png");
			IJ.log("Plots written to " + base + "-confusion.png and " + base + "-per-class.png");
		}
		ImagePlus curve = done.getCurve() == null ? null : CurvePlot.image("Accuracy against unlabelled structures used",
			"unlabelled structures used by the encoder", "cross-validated accuracy",
			CurvePlot.overSteps(done.getCurve().steps(), done.getCurve().accuracy()));
		if (curve != null && json != null) {
			IJ.saveAs(curve, "PNG", withoutExtension(json.getPath()) + "-unlabelled.png");
			IJ.log("Plot written to " + withoutExtension(json.getPath()) + "-unlabelled.png");
		}
		if (!GraphicsEnvironment.isHeadless()) {
			confusion.show();
			perClass.show();
			if (curve != null) curve.show();
		}
	}

	static String withoutExtension(String path) {
		int dot = path.lastIndexOf('.'), slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		return dot > slash ? path.substring(0, dot) : path;
	}
}
