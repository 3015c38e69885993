package io.github.clathrin.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.task.InputException;

/**
 * The cells of a batch: the tables of a folder (the extensions the readers know), or the files a text file
 * lists, one path per line (relative to the list's folder; blank lines and {@code #} comments ignored). Sorted
 * by file name, which is also the summary's order; two cells of the same file name are refused, since their
 * results would land on one file.
 *
 * @param cells the tables, sorted by file name
 * @param warnings files of the folder that hold no localization table (a README, a labels file), left out
 */
public record BatchInputs(List<Path> cells, List<String> warnings) {

	/** The cells of a folder or a list file. */
	public static BatchInputs of(Path input) {
		if (!Files.exists(input)) throw new InputException(input + ": input not found");
		List<Path> cells = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		if (Files.isDirectory(input)) {
			List<String> notTables = new ArrayList<>();
			for (Path t : tables(input)) {
				String why = LocalizationReaders.notLocalizations(t);
				if (why == null) cells.add(t);
				else notTables.add(t.getFileName() + " (" + why + ")");
			}
			if (!notTables.isEmpty()) warnings.add(input + ": left out " + notTables.size() + (notTables.size() == 1
				? " file that holds" : " files that hold") + " no localization table: " + String.join(", ", notTables));
			if (cells.isEmpty()) throw new InputException(input + ": no localization tables (."
				+ String.join(" .", StructureLoader.tableExtensions()) + ") in this folder");
		}
		else cells.addAll(listed(input));
		cells.sort(Comparator.comparing(BatchJob::cellName).thenComparing(Path::toString));
		refuseSameResults(input.toString(), cells.stream().map(Path::toString).toList(), cells.stream().map(
			BatchJob::cellName).toList());
		return new BatchInputs(List.copyOf(cells), List.copyOf(warnings));
	}

	/**
	 * Refuses two cells whose results would land on one file.
	 *
	 * @param cells where the cells are, for the message
	 * @param names their names ({@link BatchJob#cellName}), in the same order
	 */
	public static void refuseSameResults(String input, List<String> cells, List<String> names) {
		Map<String, String> byName = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String result = BatchJob.resultName(names.get(i)), other = byName.put(result, cells.get(i));
			if (other != null) throw new InputException(input + ": " + other + " and " + cells.get(i) + " would both "
				+ "write " + result + "; rename one");
		}
	}

	/** The table files of a folder, sorted by name (the extensions a folder load accepts). */
	public static List<Path> tables(Path folder) {
		List<Path> files = new ArrayList<>();
		List<String> extensions = StructureLoader.tableExtensions();
		try (Stream<Path> list = Files.list(folder)) {
			for (Path p : (Iterable<Path>) list.sorted()::iterator) {
				String name = p.getFileName().toString();
				int dot = name.lastIndexOf('.');
				if (name.startsWith(".") || dot < 0 || !Files.isRegularFile(p)) continue;
				if (extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) files.add(p);
			}
		}
		catch (IOException e) {
			throw new InputException(folder + ": cannot list the folder (" + e.getMessage() + ")", e);
		}
		return files;
	}

	/** The files a list names, each checked to exist. */
	private static List<Path> listed(Path list) {
		List<String> lines;
		try {
			lines = Files.readAllLines(list, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw InputException.inFile(list, "cannot read the list of cells (" + e.getMessage() + ")");
		}
		List<Path> out = new ArrayList<>();
		Path base = list.toAbsolutePath().getParent();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) continue;
			Path p;
			try {
				p = base.resolve(line);
			}
			catch (RuntimeException e) {
				throw InputException.atLine(list, i + 1, "'" + line + "' is no path");
			}
			if (!Files.isRegularFile(p)) throw InputException.atLine(list, i + 1, p + (Files.exists(p)
				? " is not a file" : " not found") + " (a list of cells names one table per line)");
			out.add(p);
		}
		if (out.isEmpty()) throw InputException.inFile(list, "lists no cells (one table per line)");
		return out;
	}
}
