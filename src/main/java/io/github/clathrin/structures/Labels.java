package io.github.clathrin.structures;

import io.github.clathrin.task.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.task.InputException;

/**
 * Class labels per structure key, read from and written to a CSV file whose first column is the key and
 * whose column "label" (any case) holds the class; an empty label means unlabelled.
 *
 * <p>When every label in a file is a yes/no spelling (yes, y, 1, true, match, "CME match" / no, n, 0,
 * false, "no match"), labels become "yes" and "no". Otherwise all labels are kept as written (trimmed):
 * in a 10-class file "0" and "1" are class names, not no and yes. Class names that differ only in case
 * ("Pit", "pit", "PIT") are one class, spelled as it is first written in the file, with a warning.
 */
public final class Labels {

	public static final String YES = "yes", NO = "no";
	public static final String KEY_HEADER = "structure", LABEL_HEADER = "label";

	private static final Set<String> YES_WORDS = Set.of("yes", "y", "1", "true", "match", "cme match");
	private static final Set<String> NO_WORDS = Set.of("no", "n", "0", "false", "no match");

	/** Key to label (null = unlabelled), in file order. */
	private final Map<String, String> labels;

	/** What the user should hear about the labels: class names merged. */
	private final List<String> warnings;

	private Labels(Map<String, String> labels, List<String> warnings) {
		this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
		this.warnings = List.copyOf(warnings);
	}

	/** Labels given in code (the labelling window); null or blank values mean unlabelled. */
	public static Labels of(Map<String, String> labels) {
		Map<String, String> clean = new LinkedHashMap<>();
		labels.forEach((k, v) -> clean.put(k, v == null || v.isBlank() ? null : v.trim()));
		List<String> warnings = new ArrayList<>();
		return new Labels(mergeCase(clean, "labels", warnings), warnings);
	}

	public static Labels read(Path file) throws IOException {
		return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file);
	}

	/** Parses labels CSV text; {@code file} only names the source in messages. */
	public static Labels parse(String text, Path file) {
		List<CsvRecords.Row> rows = CsvRecords.parse(text, CsvRecords.guessDelimiter(text), file);
		if (rows.isEmpty()) throw InputException.inFile(file, "empty labels file; expected a header such as structure,label");
		List<String> header = rows.get(0).fields();
		int labelColumn = -1;
		for (int i = 0; i < header.size(); i++)
			if (header.get(i).trim().equalsIgnoreCase(LABEL_HEADER)) labelColumn = i;
		if (labelColumn < 0)
			throw InputException.atLine(file, rows.get(0).line(), "no column named 'label'; the columns are: "
				+ String.join(", ", header));
		if (labelColumn == 0)
			throw InputException.atLine(file, rows.get(0).line(), "the first column must hold the structure key, not the label");

		Map<String, String> raw = new LinkedHashMap<>();
		Map<String, Long> lineOf = new HashMap<>();
		for (CsvRecords.Row row : rows.subList(1, rows.size())) {
			String key = row.fields().get(0).trim();
			if (key.isEmpty()) throw InputException.atLine(file, row.line(), "empty structure key");
			Long previous = lineOf.putIfAbsent(key, row.line());
			if (previous != null)
				throw InputException.inFile(file, "structure '" + key + "' is listed twice, on lines " + previous
					+ " and " + row.line());
			String value = labelColumn < row.fields().size() ? row.fields().get(labelColumn).trim() : "";
			raw.put(key, value.isEmpty() ? null : value);
		}
		List<String> warnings = new ArrayList<>();
		return new Labels(mergeCase(normalize(raw), String.valueOf(file), warnings), warnings);
	}

	/**
	 * Class names that differ only in case become the spelling met first, so that "Pit" and "pit " are one
	 * class; each merge is a warning naming the spellings.
	 */
	private static Map<String, String> mergeCase(Map<String, String> labels, String source, List<String> warnings) {
		Map<String, List<String>> spellings = new LinkedHashMap<>();
		for (String v : labels.values())
			if (v != null) {
				List<String> s = spellings.computeIfAbsent(v.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
				if (!s.contains(v)) s.add(v);
			}
		Map<String, String> first = new HashMap<>();
		for (List<String> s : spellings.values()) {
			for (String v : s) first.put(v, s.get(0));
			if (s.size() > 1)
				warnings.add(source + ": class names '" + String.join("', '", s) + "' differ only in case: read as one "
					+ "class '" + s.get(0) + "'");
		}
		if (first.size() == spellings.size()) return labels;
		Map<String, String> out = new LinkedHashMap<>();
		labels.forEach((k, v) -> out.put(k, v == null ? null : first.get(v)));
		return out;
	}

	/** Class names merged while reading (see the class comment); empty when there was nothing to say. */
	public List<String> warnings() {
		return warnings;
	}

	/** Maps yes/no spellings to "yes"/"no" only when the whole file is yes/no (see class comment). */
	private static Map<String, String> normalize(Map<String, String> raw) {
		boolean yesNo = true;
		for (String v : raw.values())
			if (v != null && yesNo(v) == null) yesNo = false;
		if (!yesNo) return raw;
		Map<String, String> out = new LinkedHashMap<>();
		raw.forEach((k, v) -> out.put(k, v == null ? null : yesNo(v)));
		return out;
	}

	/** "yes", "no", or null when the text is no yes/no spelling. */
	public static String yesNo(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		if (YES_WORDS.contains(t)) return YES;
		if (NO_WORDS.contains(t)) return NO;
		return null;
	}

	/** Key to label (null = unlabelled) in file order. */
	public Map<String, String> asMap() {
		return labels;
	}

	/** The label of a key, or null when unlabelled or absent. */
	public String label(String key) {
		return labels.get(key);
	}

	public int size() {
		return labels.size();
	}

	/**
	 * Structures with labels applied, and the keys of the labels file that matched no structure: a typo or
	 * a labels file for other data, which the user must hear about.
	 */
	public record Applied(StructureSet structures, List<String> unknownKeys) {}

	/**
	 * Sets the label of each structure the file names (an empty label unlabels it); structures the file
	 * does not name keep their label. A key matches a structure key exactly, or its file name without
	 * extension, or the integer it spells ("7.0" matches ROI 7). With {@code strict}, unknown keys throw.
	 */
	public Applied apply(StructureSet set, boolean strict) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> byStem = new HashMap<>();
		for (int i = 0; i < set.size(); i++) {
			String key = set.get(i).key();
			index.put(key, i);
			int dot = key.lastIndexOf('.');
			if (dot > 0) byStem.merge(key.substring(0, dot), i, (a, b) -> -1); // -1: stem not unique
		}
		List<Structure> out = new ArrayList<>(set.structures());
		Map<Integer, String> matchedBy = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		for (Map.Entry<String, String> e : labels.entrySet()) {
			Integer i = find(e.getKey(), index, byStem);
			if (i == null) {
				unknown.add(e.getKey());
				continue;
			}
			String other = matchedBy.put(i, e.getKey());
			if (other != null)
				throw new InputException("structure '" + set.get(i).key() + "' is labelled twice, as '" + other
					+ "' and as '" + e.getKey() + "'");
			out.set(i, out.get(i).withLabel(e.getValue()));
		}
		if (strict && !unknown.isEmpty()) throw new InputException(unknownMessage(unknown));
		List<String> warnings = new ArrayList<>(set.warnings());
		if (!unknown.isEmpty()) warnings.add(unknownMessage(unknown));
		return new Applied(new StructureSet(out, warnings), List.copyOf(unknown));
	}

	public Applied apply(StructureSet set) {
		return apply(set, false);
	}

	private static Integer find(String key, Map<String, Integer> index, Map<String, Integer> byStem) {
		Integer i = index.get(key);
		if (i == null) {
			Integer s = byStem.get(key);
			if (s != null && s >= 0) i = s;
		}
		if (i == null) {
			try {
				double v = Double.parseDouble(key);
				if (v == Math.rint(v)) i = index.get(StructureLoader.formatKey(v));
			}
			catch (NumberFormatException notANumber) {
				// a name, not a number
			}
		}
		return i;
	}

	/**
	 * Says that no key of these labels names a structure of {@code set}, with up to five keys of each side so
	 * that the user sees at once how they differ ("s0001" against "cell1/s0001.csv", "7" against "all.csv").
	 */
	public String noKeyMatches(StructureSet set) {
		return "none of its " + size() + " keys names one of the " + set.size() + " structures; keys in the labels "
			+ "file: " + sample(new ArrayList<>(labels.keySet())) + "; keys of the structures: " + sample(set.keys());
	}

	private static String sample(List<String> keys) {
		List<String> shown = keys.subList(0, Math.min(5, keys.size()));
		return shown.isEmpty() ? "none" : String.join(", ", shown) + (keys.size() > shown.size() ? ", ..." : "");
	}

	private static String unknownMessage(List<String> unknown) {
		List<String> shown = unknown.subList(0, Math.min(5, unknown.size()));
		return unknown.size() + " labelled keys match no structure: " + String.join(", ", shown)
			+ (unknown.size() > shown.size() ? ", ..." : "");
	}

	/**
	 * Writes one row per key in map order, header "structure,label", null labels as empty fields, through
	 * a temporary file so a crash never leaves a half-written labels file behind.
	 */
	public static void write(Path file, Map<String, String> labels) throws IOException {
		write(file, KEY_HEADER, labels);
	}

	/** As {@link #write(Path, Map)} with another name for the key column (e.g. "roi"). */
	public static void write(Path file, String keyHeader, Map<String, String> labels) throws IOException {
		StringBuilder sb = new StringBuilder();
		sb.append(quote(keyHeader)).append(',').append(LABEL_HEADER).append('\n');
		labels.forEach((k, v) -> sb.append(quote(k)).append(',').append(v == null ? "" : quote(v)).append('\n'));
		AtomicFiles.writeString(file, sb);
	}

	private static String quote(String s) {
		boolean needs = s.isEmpty() ? false : s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
			|| s.indexOf('\r') >= 0 || !s.equals(s.trim());
		return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
	}
}
