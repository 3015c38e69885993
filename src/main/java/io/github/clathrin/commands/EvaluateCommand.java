package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.pipeline.EvaluationProtocol;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.pipeline.OfficialSplit;
import io.github.clathrin.pipeline.UnlabelledCurve;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Scores encoders by nested, stratified cross-validation on the labelled structures, or, for a benchmark
 * .npz with X_train/y_train and X_test/y_test, by training on its training split and testing on its test split.
 */
@Plugin(type = Command.class, label = "Evaluate Clathrin encoders")
public class EvaluateCommand extends LearningCommand {

	/** Train's default (auto) beside the fixed encoders it most often chooses from. */
	@Parameter(label = "Encoders (comma-separated)", persist = false,
		description = "Encoders to compare, comma-separated: auto is chosen by cross-validation inside the training "
			+ "data, lab also gets the logistic baseline, and concat takes the encoder option concat.of=lab+pca.")
	private String encoders = "auto,pca,kmeans,lab";

	@Parameter(label = "Folds", persist = false, min = "2", max = "50", description = "Cross-validation folds.")
	private int folds = 5;

	@Parameter(label = "Benchmark data set (.npz with a train/test split)", required = false, persist = false,
		description = "A benchmark .npz with X_train, y_train, X_test, y_test (class ids), e.g. ModelNet10 or simulate "
			+ "kind geometries: encoders and SVM learn from the training split only and accuracy is measured on the "
			+ "test split. Instead of input and labels; the grid is the volumes' own size.")
	private File dataset;

	@Parameter(label = "Class names (comma-separated, for class ids 0, 1, ...)", required = false, persist = false,
		description = "With a data set: names of class ids 0, 1, ... in order (default the ids).")
	private String class_names;

	@Parameter(label = "JSON results", required = false, persist = false,
		description = "Also write the results as JSON (Fiji saves its plots beside it).")
	private File json;

	@Parameter(label = "Unlabelled steps (e.g. 0,100,300,619)", required = false, persist = false,
		description = "Also evaluate with the encoders learning from these numbers of unlabelled structures (e.g. "
			+ "0,100,300,619), and plot accuracy against that number.")
	private String unlabelled_steps;

	@Parameter(type = ItemIO.OUTPUT)
	private UnlabelledCurve.Result curve;

	@Parameter(type = ItemIO.OUTPUT)
	private EvaluationReport result;

	@Override
	protected void execute() {
		checkCallerOutputs(reads().reads(dataset, "data set")).file(json, "JSON results (output)");
		List<String> names = parseEncoders(encoders);
		inRange(folds, 2, 50, "folds");
		VoxelConfig voxels = voxelConfig(); // check every input before the long read
		EvaluationProtocol.Settings settings = new EvaluationProtocol.Settings(names, encoderOptions(names), folds, seed,
			enlargement());
		int[] steps = unlabelled_steps == null || unlabelled_steps.isBlank() ? null
			: UnlabelledCurve.parseSteps(unlabelled_steps);
		List<String> warnings;
		if (dataset != null) {
			if (input != null || labels != null || (more_inputs != null && more_inputs.length > 0) || class_from != null)
				throw new InputException("give either a benchmark data set (" + dataset + ") or input structures with "
					+ "labels, not both");
			if (steps != null) throw new InputException("unlabelled steps do not apply to a benchmark data set: all its "
				+ "volumes are labelled");
			OfficialSplit split = loadDataset();
			warnings = split.structures().warnings();
			voxels = gridFromData(voxels, split.structures());
			result = EvaluationProtocol.run(split, voxels, settings, progress());
		}
		else {
			if (class_names != null && !class_names.isBlank())
				throw new InputException("class names apply to a benchmark data set (dataset), whose labels are class ids; "
					+ "a labels file names its classes itself");
			StructureInput.Loaded in = loadStructures();
			warnings = in.warnings();
			voxels = gridFromData(voxels, in.set());
			result = EvaluationProtocol.run(in.set(), voxels, settings, progress());
			if (steps != null) curve = UnlabelledCurve.run(in.set(), voxels, settings, steps, progress());
		}
		if (json != null) {
			try {
				Map<String, Object> m = result.toMap();
				if (curve != null) m.put("unlabelledCurve", curve.toMap());
				AtomicFiles.writeString(json.toPath(), ModelFile.toJson(m) + "\n");
			}
			catch (IOException e) {
				throw new InputException(json + ": cannot write (" + e.getMessage() + ")", e);
			}
		}
		StringBuilder sb = new StringBuilder();
		warnings.forEach(w -> sb.append("warning: ").append(w).append('\n'));
		sb.append(result.table());
		if (curve != null) sb.append("\n\nAccuracy against the number of unlabelled structures used:\n").append(curve.table());
		if (json != null) sb.append("\nJSON written to ").append(json);
		report = sb.toString();
	}

	private OfficialSplit loadDataset() {
		existingFile(dataset, "data set");
		if (!dataset.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".npz"))
			throw new InputException(dataset + ": a benchmark data set must be a NumPy .npz with X_train, y_train, X_test "
				+ "and y_test");
		List<String> names = null;
		if (class_names != null && !class_names.isBlank()) {
			names = new ArrayList<>();
			for (String n : class_names.split(",", -1)) names.add(n.trim());
		}
		StructureInput.Loaded in = StructureInput.load(dataset, null, null, readOptions(), progress());
		return OfficialSplit.of(in.set(), dataset.toString(), names);
	}

	static List<String> parseEncoders(String text) {
		List<String> names = new ArrayList<>();
		for (String s : (text == null ? "" : text).split(",")) {
			String n = s.trim();
			if (n.isEmpty()) continue;
			if (!Encoders.names().contains(n))
				throw new InputException("unknown encoder '" + n + "': choose from " + Encoders.names());
			if (!names.contains(n)) names.add(n);
		}
		if (names.isEmpty()) throw new InputException("no encoders given: choose from " + Encoders.names());
		return names;
	}

	public EvaluationReport getResult() {
		return result;
	}

	/** The accuracy-against-unlabelled-count experiment, or null when no steps were given. */
	public UnlabelledCurve.Result getCurve() {
		return curve;
	}
}
