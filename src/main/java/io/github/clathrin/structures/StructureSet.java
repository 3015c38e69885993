package io.github.clathrin.structures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** An immutable, ordered list of structures with unique keys, plus what was noticed while building it. */
public final class StructureSet implements Iterable<Structure> {

	private final List<Structure> structures;
	private final List<String> warnings;

	public StructureSet(List<Structure> structures, List<String> warnings) {
		this.structures = List.copyOf(structures);
		this.warnings = List.copyOf(warnings);
		Set<String> keys = new HashSet<>();
		for (Structure s : this.structures)
			if (!keys.add(s.key())) throw new IllegalArgumentException("structure key '" + s.key() + "' appears twice");
	}

	public StructureSet(List<Structure> structures) {
		this(structures, List.of());
	}

	public List<Structure> structures() {
		return structures;
	}

	public Structure get(int index) {
		return structures.get(index);
	}

	public int size() {
		return structures.size();
	}

	@Override
	public Iterator<Structure> iterator() {
		return structures.iterator();
	}

	/** Things noticed while loading (2D files, skipped rows, unknown label keys); shown to the user. */
	public List<String> warnings() {
		return warnings;
	}

	/** Keys in order. */
	public List<String> keys() {
		List<String> keys = new ArrayList<>(structures.size());
		for (Structure s : structures) keys.add(s.key());
		return keys;
	}

	/** Sorted distinct labels; for yes/no data this is ["no", "yes"], so class indices are stable. */
	public List<String> classNames() {
		Set<String> names = new TreeSet<>();
		for (Structure s : structures)
			if (s.isLabelled()) names.add(s.label());
		return List.copyOf(names);
	}

	public StructureSet labelled() {
		return filter(true);
	}

	public StructureSet unlabelled() {
		return filter(false);
	}

	private StructureSet filter(boolean labelled) {
		List<Structure> kept = new ArrayList<>();
		for (Structure s : structures)
			if (s.isLabelled() == labelled) kept.add(s);
		return new StructureSet(kept, warnings);
	}

	/** Number of structures per class name, sorted by name; unlabelled structures are not counted. */
	public Map<String, Integer> labelCounts() {
		Map<String, Integer> counts = new TreeMap<>();
		for (Structure s : structures)
			if (s.isLabelled()) counts.merge(s.label(), 1, Integer::sum);
		return Collections.unmodifiableMap(counts);
	}

	/**
	 * Applies a labels file leniently: keys that match no structure become a warning of the returned set.
	 * Use {@link Labels#apply(StructureSet, boolean)} for the list of those keys or to make them an error.
	 */
	public StructureSet withLabels(Labels labels) {
		return labels.apply(this, false).structures();
	}

	/** The same structures with more warnings. */
	public StructureSet withWarnings(List<String> more) {
		List<String> all = new ArrayList<>(warnings);
		all.addAll(more);
		return new StructureSet(structures, all);
	}

	@Override
	public String toString() {
		return structures.size() + " structures, labels " + labelCounts();
	}
}
