package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.LabellingSession;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;

/**
 * Opens a labelling session: loads the structures and, optionally, a model's first predictions, and reads
 * the labels file, which is created at the first label if absent and resumed if it exists. Showing the
 * session is the caller's ({@code ui.LabellingWindow}), so this stays free of AWT; for the same reason it
 * has no command-line subcommand: labelling is done in that window.
 */
@Plugin(type = Command.class, label = "Label clathrin structures")
public class LabelCommand extends StructureCommand {

	@Parameter(label = "Model file (optional: first predictions)", required = false, persist = false,
		description = "A model whose predictions are shown beside each structure and order them (most uncertain first).")
	private File model;

	@Parameter(label = "Classes", required = false, persist = false,
		description = "The class names to choose from, comma-separated; empty: yes,no, the labels file's or the model's.")
	private String classes;

	@Parameter(label = "Order", choices = { "uncertain", "random", "file" }, persist = false,
		description = "Which unlabelled structure comes next: most uncertain for the model first, random (seeded), "
			+ "or file order.")
	private String order = "uncertain";

	@Parameter(type = ItemIO.OUTPUT, label = "Labelling session")
	private LabellingSession session;

	@Override
	protected void execute() {
		given(input, "input", "input");
		// Every label is written at once, so there must be a file to write it to before anything is shown.
		if (labels == null) throw new InputException("give a labels file (.csv): every label is saved there at once");
		if (model != null) existingFile(model, "model file");
		LabellingSession.Order sequence = order(order);
		// The labels file is the only truth about labels in a session: classes from folder names would be ignored.
		if (StructureInput.ClassFrom.parse(class_from) != StructureInput.ClassFrom.LABELS)
			throw new InputException("class_from does not apply to labelling: the labels file " + labels
				+ " holds the labels");
		List<File> inputs = new ArrayList<>();
		inputs.add(input);
		if (more_inputs != null) inputs.addAll(List.of(more_inputs));
		// Without the labels file: the session reads it itself, and an absent one is not an error here.
		StructureInput.Loaded in = StructureInput.load(inputs, null, orNull(roi_column), readOptions(),
			StructureInput.ClassFrom.LABELS, progress());
		StructureSet set = in.set();
		List<Classification.Prediction> predictions = List.of();
		List<String> classNames = parseClasses(classes);
		if (model != null) {
			Model m = ModelFile.read(model.toPath());
			predictions = Classification.classify(m, set, progress());
			if (classNames.isEmpty() && !isYesNo(m.classNames())) classNames = m.classNames();
		}
		try {
			session = new LabellingSession(set, classNames, labels.toPath(), predictions, sequence, 1);
		}
		catch (IOException e) {
			throw StructureInput.unreadable(labels, e);
		}
		StringBuilder sb = new StringBuilder();
		in.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
		report = sb.append("Labelling ").append(input).append(" into ").append(labels).append(": ").append(session)
			.toString();
	}

	/** The session to show, or null if the command failed. */
	public LabellingSession getSession() {
		return session;
	}

	/** The class names of a comma-separated list, trimmed, without blanks and repeats. */
	static List<String> parseClasses(String text) {
		List<String> out = new ArrayList<>();
		if (text == null) return out;
		for (String s : text.split(","))
			if (!s.isBlank() && !out.contains(s.trim())) out.add(s.trim());
		return out;
	}

	private static LabellingSession.Order order(String text) {
		try {
			return LabellingSession.Order.parse(text == null ? "uncertain" : text);
		}
		catch (IllegalArgumentException e) {
			throw new InputException(e.getMessage());
		}
	}

	/** A yes/no model says nothing about class names beyond the default. */
	private static boolean isYesNo(List<String> names) {
		return names.size() == 2 && names.contains(Labels.YES) && names.contains(Labels.NO);
	}
}
