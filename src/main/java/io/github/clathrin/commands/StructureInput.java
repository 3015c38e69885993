package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
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

	/**
	 * Reads one input; a single table read whole (no ROI column) leaves its likely group columns in
	 * {@code groupColumns}, for the hint when its labels match nothing.
	 */
	private static StructureSet loadOne(File input, String roiColumn, ReadOptions options, Progress progress,
		List<LocalizationTable.Column> groupColumns)
	{
		ClathrinCommand.existing(input, "input");
		Path in = input.toPath();
		StructureSet set;
		try {
			// A folder reports progress per file; a single table per megabyte read.
			boolean folder = Files.isDirectory(in);
			Progress perFile = folder ? Progress.NONE : progress;
			set = StructureLoader.fromPath(in, roiColumn, file -> {
				LocalizationTable table = LocalizationReaders.read(file, options, perFile);
				if (!folder && roiColumn == null) groupColumns.addAll(StructureLoader.groupColumns(table));
				return table;
			}, progress);
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
		List<LocalizationTable.Column> groupColumns = new ArrayList<>();
		for (File input : inputs) {
			StructureSet one = loadOne(input, roiColumn, options, progress, groupColumns);
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
			Labels file;
			try {
				progress.report("Reading labels " + labels.getName(), 0, 1); // names the step if memory runs out
				file = Labels.read(labels.toPath());
			}
			catch (IOException e) {
				throw unreadable(labels, e);
			}
			applied = file.apply(set);
			// Not one key in common: the wrong labels file, or a table that needs its ROI column.
			if (file.size() > 0 && applied.unknownKeys().size() == file.size())
				throw new InputException(labels + ": " + file.noKeyMatches(set) + roiHint(file, groupColumns));
			warnings.addAll(file.warnings());
			set = applied.structures();
			if (!applied.unknownKeys().isEmpty()) warnings.add(labels + ": " + applied.unknownKeys().size()
				+ " labelled keys match no structure, e.g. " + applied.unknownKeys().get(0));
		}
		return new Loaded(set, warnings);
	}

	/**
	 * For a table read whole: the group column whose values are most of the labels' keys ("frame" of an
	 * Insight3 file of cropped structures), else the columns that may number the structures; "" without one.
	 */
	static String roiHint(Labels labels, List<LocalizationTable.Column> groupColumns) {
		if (groupColumns.isEmpty()) return "";
		LocalizationTable.Column best = null;
		int bestCount = 0;
		for (LocalizationTable.Column c : groupColumns) {
			Set<Double> values = new HashSet<>();
			for (double v : c.values()) values.add(v == 0 ? 0.0 : v);
			int count = 0;
			for (String key : labels.asMap().keySet()) {
				try {
					double k = Double.parseDouble(key.trim());
					if (values.contains(k == 0 ? 0.0 : k)) count++;
				}
				catch (NumberFormatException notANumber) {
					// a name, which no number column holds
				}
			}
			if (count > bestCount) {
				best = c;
				bestCount = count;
			}
		}
		if (best != null)
			return ". The table was read as one structure, but its column '" + best.name() + "' holds " + bestCount
				+ " of the labelled keys: give it as the ROI column (--roi-column " + best.name() + ")";
		List<String> names = groupColumns.stream().map(LocalizationTable.Column::name).toList();
		return ". The table was read as one structure; if one of its columns " + String.join(", ", names)
			+ " numbers the structures, give it as the ROI column (--roi-column " + names.get(0) + ")";
	}

	static InputException unreadable(File file, IOException e) {
		return new InputException(file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
			+ ")", e);
	}
}
