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
import io.github.clathrin.structures.Structure;
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

	private static StructureSet loadOne(File input, String roiColumn, ReadOptions options, Progress progress) {
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
		return set;
	}

	/** Where classes come from besides a labels file. */
	enum ClassFrom {
		/** Only from the labels file, if any. */
		LABELS,
		/** The name of each input's folder (for a folder input, its own name). */
		FILE;

		static ClassFrom parse(String text) {
			if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("labels")) return LABELS;
			if (text.trim().equalsIgnoreCase("file")) return FILE;
			throw new InputException("class-from must be 'labels' or 'file', got '" + text + "'");
		}
	}

	static Loaded load(File input, File labels, String roiColumn, ReadOptions options, Progress progress) {
		return load(List.of(input), labels, roiColumn, options, ClassFrom.LABELS, progress);
	}

	/**
	 * Loads every input in turn. With more than one input, each structure's key gets the input's folder
	 * and file name as a prefix ("0_1/particles.hdf5:12"), so that equal ROI numbers in different files
	 * stay different structures.
	 */
	static Loaded load(List<File> inputs, File labels, String roiColumn, ReadOptions options, ClassFrom classFrom,
		Progress progress)
	{
		if (classFrom == ClassFrom.FILE && labels != null)
			throw new InputException("give either a labels file or class-from file, not both");
		List<Structure> all = new ArrayList<>();
		List<String> setWarnings = new ArrayList<>();
		java.util.Set<String> prefixes = new java.util.HashSet<>();
		for (File input : inputs) {
			StructureSet one = loadOne(input, roiColumn, options, progress);
			String folder = input.toPath().toAbsolutePath().normalize().getParent() == null ? input.getName()
				: (input.isDirectory() ? input.getName() : input.toPath().toAbsolutePath().normalize().getParent()
					.getFileName().toString());
			String prefix = inputs.size() == 1 ? "" : folder + "/" + input.getName() + ":";
			if (!prefixes.add(prefix)) throw new InputException(input + ": given twice as input");
			for (Structure s : one.structures())
				all.add(new Structure(prefix + s.key(), s.source(), s.points(), classFrom == ClassFrom.FILE ? folder
					: s.label(), s.volume()));
			one.warnings().forEach(w -> setWarnings.add(inputs.size() == 1 ? w : input.getName() + ": " + w));
		}
		StructureSet set = new StructureSet(all, setWarnings);
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
