package io.github.clathrin.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

/**
 * A person labelling structures one at a time: which structure comes next (most uncertain for the
 * current model first, random, or file order), and every label or undo written at once, atomically, to
 * the labels CSV, so that nothing is lost if the program is killed and reopening the same labels file
 * resumes where the user stopped.
 *
 * <p>The labels file is the only truth about labels: labels carried by the structure set are ignored.
 * Rows of the file that match no structure are kept as they are. Methods are synchronized because
 * {@link #retrain} runs in the background while the user goes on labelling.
 */
public final class LabellingSession {

	/** Which unlabelled structure to offer next. */
	public enum Order {
		/** Smallest margin between the two most probable classes first; structures without a prediction after. */
		UNCERTAIN("most uncertain first"),
		/** A seeded shuffle, the same on every run with the same seed. */
		RANDOM("random"),
		/** As the structures were loaded. */
		FILE("file order");

		private final String description;

		Order(String description) {
			this.description = description;
		}

		@Override
		public String toString() {
			return description;
		}

		/** The order whose name (any case) or description is {@code text}. */
		public static Order parse(String text) {
			for (Order o : values())
				if (o.name().equalsIgnoreCase(text.trim()) || o.description.equalsIgnoreCase(text.trim())) return o;
			throw new IllegalArgumentException("unknown order '" + text + "': use uncertain, random or file");
		}
	}

	/** One step the user can undo: the row of the labels file before the step, or a skip. */
	private record Step(String key, boolean skip, boolean rowExisted, String previous) {}

	private final StructureSet set;
	private final List<String> classNames;
	private final Path labelsFile;
	private final long seed;
	/** Name of the key column, kept from an existing file (e.g. "roi"). */
	private final String keyHeader;
	/** A copy of the user's file as it was, kept before the first rewrite drops its other columns; or null. */
	private Path backup;
	private boolean richFile;
	/** Row key in the labels file for each structure key (the file may name "7.0" for ROI 7). */
	private final Map<String, String> rowKeys = new HashMap<>();
	/** The labels file's rows, in file order; our labels are appended. */
	private final LinkedHashMap<String, String> rows;
	private final Map<String, Integer> indexOf = new HashMap<>();
	private final Set<String> skipped = new HashSet<>();
	private final Deque<Step> history = new ArrayDeque<>();
	private Map<String, Classification.Prediction> predictions = Map.of();
	private Order order;
	private List<String> queue;

	/**
	 * Opens a session; an existing labels file is read (its labelled structures are not offered again),
	 * an absent one is created at the first label.
	 *
	 * @param classNames class names the user chooses from; null or empty for the default (see
	 *          {@link #defaultClassNames})
	 * @param predictions the current model's predictions (may be empty)
	 * @param seed seed of the random order
	 */
	public LabellingSession(StructureSet set, List<String> classNames, Path labelsFile,
		List<Classification.Prediction> predictions, Order order, long seed) throws IOException
	{
		if (set.size() == 0) throw new IllegalArgumentException("no structures to label");
		this.set = set;
		this.labelsFile = labelsFile;
		this.seed = seed;
		this.order = order;
		for (int i = 0; i < set.size(); i++) indexOf.put(set.get(i).key(), i);
		this.rows = new LinkedHashMap<>(Files.exists(labelsFile) ? Labels.read(labelsFile).asMap() : Map.of());
		this.keyHeader = Files.exists(labelsFile) ? keyHeader(labelsFile) : Labels.KEY_HEADER;
		this.richFile = Files.exists(labelsFile) && headerFields(labelsFile) > 2;
		// Which file row names which structure, with the matching rules of Labels.apply: apply the
		// identity map (each row labelled with its own key) and read the row key back as the "label".
		Map<String, String> identity = new LinkedHashMap<>();
		rows.keySet().forEach(k -> identity.put(k, k));
		StructureSet matched = Labels.of(identity).apply(set, false).structures();
		for (Structure s : matched) rowKeys.put(s.key(), s.label() != null ? s.label() : s.key());
		List<String> names = classNames == null || classNames.isEmpty() ? defaultClassNames(rows.values())
			: new ArrayList<>(classNames);
		// Labels already in the file are choices too, so that counts show them and undo can restore them.
		for (String s : labelsOf(matched)) if (!names.contains(s)) names.add(s);
		this.classNames = List.copyOf(names);
		setPredictions(predictions);
	}

	/** A session on a set without predictions, in file order. */
	public LabellingSession(StructureSet set, List<String> classNames, Path labelsFile) throws IOException {
		this(set, classNames, labelsFile, List.of(), Order.FILE, 1);
	}

	private Set<String> labelsOf(StructureSet matched) {
		Set<String> out = new TreeSet<>();
		for (Structure s : matched) {
			String label = rows.get(rowKeys.get(s.key()));
			if (label != null) out.add(label);
		}
		return out;
	}

	/**
	 * The labels file is rewritten with its key and label columns only. When the user's file holds more
	 * (notes, scores), a copy of it as it was is kept once beside it, never overwritten, so nothing the
	 * user wrote is lost.
	 */
	private static Path keepOriginal(Path file) throws IOException {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : "";
		Path copy = file.resolveSibling(stem + ".before-labelling" + ext);
		if (!Files.exists(copy)) Files.copy(file, copy);
		return copy;
	}

	/** Where the user's original labels file was copied before its extra columns were dropped, or null. */
	public Path backup() {
		return backup;
	}

	private static int headerFields(Path file) throws IOException {
		String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
		String first = text.lines().findFirst().orElse("");
		return first.split("[,;\t]", -1).length;
	}

	/** The first field of the header line, unquoted; "structure" when there is none. */
	private static String keyHeader(Path file) throws IOException {
		// Decoded leniently, as Labels.read does, so a stray non-UTF-8 byte cannot fail here.
		String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
		String first = text.lines().findFirst().orElse("").replace("\uFEFF", "");
		String field = first.split("[,;\t]", 2)[0].trim();
		if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\""))
			field = field.substring(1, field.length() - 1).replace("\"\"", "\"");
		return field.isEmpty() ? Labels.KEY_HEADER : field;
	}

	/** "yes", "no" when the labels so far are yes/no (or there are none); else the sorted labels. */
	public static List<String> defaultClassNames(Iterable<String> existingLabels) {
		Set<String> names = new TreeSet<>();
		boolean yesNo = true;
		for (String l : existingLabels) {
			if (l == null) continue;
			names.add(l);
			if (Labels.yesNo(l) == null) yesNo = false;
		}
		return yesNo ? new ArrayList<>(List.of(Labels.YES, Labels.NO)) : new ArrayList<>(names);
	}

	public StructureSet structures() {
		return set;
	}

	public List<String> classNames() {
		return classNames;
	}

	/** True for the two-class yes/no case, where the keys Y and N apply. */
	public boolean isYesNo() {
		return classNames.equals(List.of(Labels.YES, Labels.NO));
	}

	public Path labelsFile() {
		return labelsFile;
	}

	public synchronized Order order() {
		return order;
	}

	public synchronized void setOrder(Order newOrder) {
		order = newOrder;
		queue = null;
	}

	/** Replaces the predictions (e.g. of a newly trained model); the uncertain order follows them. */
	public synchronized void setPredictions(List<Classification.Prediction> list) {
		Map<String, Classification.Prediction> m = new HashMap<>();
		for (Classification.Prediction p : list)
			if (p.hasClass()) m.put(p.key(), p); // one without a class is queued as unpredicted
		predictions = m;
		queue = null;
	}

	/** Whether any structure has a prediction (a model was given, or Retrain ran). */
	public synchronized boolean hasPredictions() {
		return !predictions.isEmpty();
	}

	/**
	 * What the order really is, said plainly when it is not what its name promises: "most uncertain first"
	 * without any prediction yet is file order until the first Retrain. Empty otherwise.
	 */
	public synchronized String orderNote() {
		return order == Order.UNCERTAIN && predictions.isEmpty()
			? "no model yet: file order until the first Retrain" : "";
	}

	/** The current model's prediction for a structure, if any. */
	public synchronized Optional<Classification.Prediction> prediction(String key) {
		return Optional.ofNullable(predictions.get(key));
	}

	/** The label of a structure from the labels file, or null. */
	public synchronized String label(String key) {
		return rows.get(rowKey(key));
	}

	/** The structure to show next: unlabelled, not skipped in this session, first in the order. */
	public synchronized Optional<Structure> next() {
		for (String key : queue()) {
			if (skipped.contains(key) || label(key) != null) continue;
			return Optional.of(structure(key));
		}
		return Optional.empty();
	}

	/** Number of structures still to label (skipped ones included). */
	public synchronized int remaining() {
		int n = 0;
		for (Structure s : set)
			if (label(s.key()) == null) n++;
		return n;
	}

	/** Labelled structures per class, in class order (every class listed, zero included). */
	public synchronized Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String c : classNames) counts.put(c, 0);
		for (Structure s : set) {
			String l = label(s.key());
			if (l != null) counts.merge(l, 1, Integer::sum);
		}
		return Collections.unmodifiableMap(counts);
	}

	/** Labels a structure and writes the labels file before returning. */
	public synchronized void label(String key, String className) throws IOException {
		structure(key);
		if (!classNames.contains(className))
			throw new IllegalArgumentException("unknown class '" + className + "'; the classes are " + classNames);
		String row = rowKey(key);
		Step step = new Step(key, false, rows.containsKey(row), rows.get(row));
		LinkedHashMap<String, String> updated = new LinkedHashMap<>(rows);
		updated.put(row, className);
		save(updated);
		skipped.remove(key);
		history.push(step);
	}

	/** Puts a structure aside for this session; nothing is written, and a reopened session offers it again. */
	public synchronized void skip(String key) {
		structure(key);
		skipped.add(key);
		history.push(new Step(key, true, false, null));
	}

	/**
	 * Undoes the last label (restoring the file row as it was, written at once) or skip; the structure
	 * becomes the next one offered. Returns its key, or empty when there is nothing to undo.
	 */
	public synchronized Optional<String> undo() throws IOException {
		Step step = history.peek();
		if (step == null) return Optional.empty();
		if (step.skip()) skipped.remove(step.key());
		else {
			LinkedHashMap<String, String> updated = new LinkedHashMap<>(rows);
			String row = rowKey(step.key());
			if (step.rowExisted()) updated.put(row, step.previous());
			else updated.remove(row);
			save(updated);
		}
		history.pop();
		// Offer the structure again right away, whatever the order says.
		List<String> q = new ArrayList<>(queue());
		q.remove(step.key());
		q.add(0, step.key());
		queue = q;
		return Optional.of(step.key());
	}

	public synchronized boolean canUndo() {
		return !history.isEmpty();
	}

	/** The structures with the labels of the file applied (unlabelled where the file says nothing). */
	public synchronized StructureSet labelledSet() {
		List<Structure> out = new ArrayList<>(set.size());
		for (Structure s : set) out.add(s.withLabel(label(s.key())));
		return new StructureSet(out, set.warnings());
	}

	/**
	 * Trains a model on the current labels (the encoder on all structures), classifies every structure
	 * and makes its predictions the current ones, which refreshes the uncertain order. Runs without
	 * holding the session, so labelling may go on meanwhile; labels given during training are used by
	 * the next retrain.
	 *
	 * @throws CancelledException when {@code progress} is cancelled (the old predictions stay)
	 */
	public Model retrain(String encoder, long trainingSeed, Progress progress) {
		StructureSet snapshot = labelledSet();
		Model model = Training.train(snapshot, Training.Options.defaults(encoder, trainingSeed), progress);
		List<Classification.Prediction> fresh = Classification.classify(model, snapshot, progress);
		progress.checkCancelled();
		setPredictions(fresh);
		return model;
	}

	private String rowKey(String key) {
		return rowKeys.getOrDefault(key, key);
	}

	private Structure structure(String key) {
		Integer i = indexOf.get(key);
		if (i == null) throw new IllegalArgumentException("no structure '" + key + "'");
		return set.get(i);
	}

	/** Writes first, then adopts: when the write fails, memory still matches the file. */
	private void save(LinkedHashMap<String, String> updated) throws IOException {
		if (richFile && backup == null) backup = keepOriginal(labelsFile);
		Labels.write(labelsFile, keyHeader, updated);
		rows.clear();
		rows.putAll(updated);
	}

	private List<String> queue() {
		if (queue == null) queue = ordered();
		return queue;
	}

	private List<String> ordered() {
		List<String> keys = new ArrayList<>(set.keys());
		switch (order) {
			case RANDOM -> Collections.shuffle(keys, new Random(seed));
			case UNCERTAIN -> {
				Map<String, Integer> index = new HashMap<>();
				for (int i = 0; i < keys.size(); i++) index.put(keys.get(i), i);
				keys.sort((a, b) -> {
					double ma = margin(predictions.get(a)), mb = margin(predictions.get(b));
					int c = Double.compare(ma, mb); // NaN (no prediction) sorts after every number
					return c != 0 ? c : Integer.compare(index.get(a), index.get(b));
				});
			}
			case FILE -> {
				// as loaded
			}
		}
		return keys;
	}

	/** Top probability minus the second; NaN without a prediction. */
	static double margin(Classification.Prediction p) {
		if (p == null || p.probabilities() == null || p.probabilities().length == 0) return Double.NaN;
		double first = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
		for (double q : p.probabilities()) {
			if (q > first) {
				second = first;
				first = q;
			}
			else if (q > second) second = q;
		}
		return p.probabilities().length == 1 ? first : first - second;
	}

	@Override
	public synchronized String toString() {
		String note = orderNote();
		return set.size() + " structures, " + remaining() + " to label, counts " + counts() + ", order: " + order
			+ (note.isEmpty() ? "" : " (" + note + ")");
	}
}
