package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Loads the structures a command works on (a folder of per-structure files, one table with an ROI
 * column, or a NumPy file of ready volumes) and applies a labels file, collecting warnings for the report.
 */
final class StructureInput {

	/** The loaded set and anything the user should know about it. */
	record Loaded(StructureSet set, List<String> warnings) {}

	private StructureInput() {}

	static Loaded load(File input, File labels, String roiColumn, ReadOptions options, Progress progress) {
		ClathrinCommand.existing(input, "input");
		Path in = input.toPath();
		StructureSet set;
		try {
			// A folder reports progress per file; a single table per megabyte read.
			Progress perFile = Files.isDirectory(in) ? Progress.NONE : progress;
			set = StructureLoader.fromPath(in, roiColumn, file -> LocalizationReaders.read(file, options, perFile),
				progress);
		}
		catch (IOException e) {
			throw unreadable(input, e);
		}
		if (set.size() == 0) throw new InputException(input + ": no structures found");
		List<String> warnings = new ArrayList<>(set.warnings());
		if (labels != null) {
			ClathrinCommand.existingFile(labels, "labels file");
			Labels.Applied applied;
			try {
				applied = Labels.read(labels.toPath()).apply(set);
			}
			catch (IOException e) {
				throw unreadable(labels, e);
			}
			set = applied.structures();
			if (!applied.unknownKeys().isEmpty()) warnings.add(labels + ": " + applied.unknownKeys().size()
				+ " labelled keys match no structure, e.g. " + applied.unknownKeys().get(0));
		}
		return new Loaded(set, warnings);
	}

	static InputException unreadable(File file, IOException e) {
		return new InputException(file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
			+ ")", e);
	}
}
