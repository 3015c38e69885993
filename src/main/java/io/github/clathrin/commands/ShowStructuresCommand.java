package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.CsvRecords;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Loads structures to be looked at, with predictions from a model (classified now) or from a results
 * CSV that classify wrote, or none. Drawing is left to the caller ({@code ui}), so this stays free of AWT.
 */
@Plugin(type = Command.class, label = "Show clathrin structures")
public class ShowStructuresCommand extends StructureCommand {

	@Parameter(label = "Model file (optional: predictions)", required = false, persist = false)
	private File model;

	@Parameter(label = "Results CSV (optional: predictions from classify)", required = false, persist = false)
	private File results;

	private StructureSet structures;
	private List<Classification.Prediction> predictions;
	private List<String> classNames = List.of();
	private VoxelConfig voxels = VoxelConfig.DEFAULT;

	@Override
	protected void execute() {
		if (model != null && results != null)
			throw new InputException("give either a model or a results file for the predictions, not both");
		if (model != null) existingFile(model, "model file");
		if (results != null) existingFile(results, "results file");
		// The caller's gallery image (also_writes) must not replace what is shown.
		checkCallerOutputs(reads().reads(model, "model file").reads(results, "results file"));
		StructureInput.Loaded in = loadStructures();
		structures = in.set();
		StringBuilder sb = new StringBuilder();
		in.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
		sb.append(structures.size()).append(" structures from ").append(input);
		if (model != null) {
			Model m = ModelFile.read(model.toPath());
			classNames = m.classNames();
			voxels = m.voxels();
			predictions = Classification.classify(m, structures, progress());
			sb.append("; predictions from the model ").append(model.getName());
		}
		else if (results != null) {
			readResults();
			long matched = predictions.size();
			sb.append("; predictions for ").append(matched).append(" of them from ").append(results.getName());
			if (matched < structures.size()) sb.append(" (the others are shown without a prediction)");
		}
		else sb.append("; no predictions (give a model or a results file to colour them by class)");
		report = sb.toString();
	}

	/** Predictions of the known structures from a results CSV (structure, prediction, probability, label, p_...). */
	private void readResults() {
		List<String> lines;
		try {
			lines = Files.readAllLines(results.toPath(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw StructureInput.unreadable(results, e);
		}
		if (lines.isEmpty()) throw new InputException(results + ": empty results file");
		List<String> header = CsvRecords.splitLine(lines.get(0).replace("\uFEFF", ""));
		int key = header.indexOf("structure"), predicted = header.indexOf("prediction"),
			probability = header.indexOf("probability"), label = header.indexOf("label");
		if (key < 0 || predicted < 0 || probability < 0)
			throw new InputException(results + ": not a results file from classify (needs the columns structure, "
				+ "prediction, probability), header was " + lines.get(0));
		List<Integer> pColumns = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < header.size(); i++)
			if (header.get(i).startsWith("p_")) {
				pColumns.add(i);
				names.add(header.get(i).substring(2));
			}
		Map<String, Structure> byKey = new HashMap<>();
		for (Structure s : structures) byKey.put(s.key(), s);
		predictions = new ArrayList<>();
		for (int row = 1; row < lines.size(); row++) {
			if (lines.get(row).isBlank()) continue;
			List<String> f = CsvRecords.splitLine(lines.get(row));
			try {
				String k = f.get(key);
				// A structure that got no class (empty prediction, see the status column) is shown without one.
				if (!byKey.containsKey(k) || f.get(predicted).isEmpty()) continue;
				double[] p = new double[pColumns.size()];
				for (int c = 0; c < p.length; c++) p[c] = Double.parseDouble(f.get(pColumns.get(c)));
				String known = label >= 0 && label < f.size() && !f.get(label).isEmpty() ? f.get(label)
					: byKey.get(k).label();
				predictions.add(new Classification.Prediction(k, f.get(predicted),
					Double.parseDouble(f.get(probability)), p, known, 0));
				if (!names.contains(f.get(predicted))) names.add(f.get(predicted));
			}
			catch (IndexOutOfBoundsException | NumberFormatException e) {
				throw new InputException(results + ": line " + (row + 1) + " is not a results row ("
					+ e.getMessage() + ")");
			}
		}
		classNames = List.copyOf(names);
	}


	/** The structures, in input order. */
	public StructureSet getStructures() {
		return structures;
	}

	/** Predictions (from the model or the results file), or null when neither was given. */
	public List<Classification.Prediction> getPredictions() {
		return predictions;
	}

	/** Class names in the order of each prediction's probabilities; empty without predictions. */
	public List<String> getClassNames() {
		return classNames;
	}

	/** The voxel grid to show volumes on: the model's, or the default. */
	public VoxelConfig getVoxels() {
		return voxels;
	}

}
