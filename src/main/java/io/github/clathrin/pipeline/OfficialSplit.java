package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;

/**
 * A benchmark with a fixed train/test split, as ready volumes keyed "train/i" and "test/i" (an .npz with
 * X_train, y_train, X_test, y_test) whose labels are integer class ids 0..k-1.
 *
 * @param structures the structures, labelled with their class names
 * @param train indices of the training structures
 * @param test indices of the test structures
 * @param classNames class names in class-id order
 */
public record OfficialSplit(StructureSet structures, int[] train, int[] test, List<String> classNames) {

	public static final String TRAIN = "train/", TEST = "test/";

	public OfficialSplit {
		train = train.clone();
		test = test.clone();
		classNames = List.copyOf(classNames);
	}

	@Override
	public int[] train() {
		return train.clone();
	}

	@Override
	public int[] test() {
		return test.clone();
	}

	/**
	 * Finds the split in structures read from such an .npz and names the classes.
	 *
	 * @param source the file, for messages
	 * @param names class names for ids 0..k-1, or null to keep the ids ("0", "1", ...) as names
	 * @throws InputException if a part is missing, a structure has no class id, or the names do not fit the ids
	 */
	public static OfficialSplit of(StructureSet set, String source, List<String> names) {
		List<Structure> all = set.structures();
		List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
		int maxId = -1;
		int[] ids = new int[all.size()];
		for (int i = 0; i < all.size(); i++) {
			Structure s = all.get(i);
			if (s.key().startsWith(TRAIN)) train.add(i);
			else if (s.key().startsWith(TEST)) test.add(i);
			else throw new InputException(source + ": structure '" + s.key() + "' is in neither the train nor the "
				+ "test split (expected arrays X_train and X_test)");
			try {
				ids[i] = s.label() == null ? -1 : Integer.parseInt(s.label());
			}
			catch (NumberFormatException e) {
				ids[i] = -1;
			}
			if (ids[i] < 0) throw new InputException(source + ": structure '" + s.key() + "' has no class id (expected "
				+ "y_train and y_test arrays of integer class ids 0..k-1), got " + s.label());
			maxId = Math.max(maxId, ids[i]);
		}
		if (train.isEmpty() || test.isEmpty())
			throw new InputException(source + ": an official split needs arrays X_train and X_test (with y_train, "
				+ "y_test); found " + train.size() + " training and " + test.size() + " test volumes");
		int k = maxId + 1;
		if (names != null && names.size() != k)
			throw new InputException(source + ": " + names.size() + " class names given (" + String.join(",", names)
				+ ") but the class ids go from 0 to " + maxId + " (" + k + " classes)");
		List<String> classNames = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			String n = names == null ? Integer.toString(c) : names.get(c).trim();
			if (n.isEmpty() || classNames.contains(n))
				throw new InputException("class names must be distinct and not empty, got " + names);
			classNames.add(n);
		}
		int[] trainCount = new int[k];
		for (int i : train) trainCount[ids[i]]++;
		for (int c = 0; c < k; c++)
			if (trainCount[c] < 2) throw new InputException(source + ": class " + c + " (" + classNames.get(c) + ") has "
				+ trainCount[c] + " training volumes; every class needs at least 2");
		List<Structure> named = new ArrayList<>(all.size());
		for (int i = 0; i < all.size(); i++) {
			Structure s = all.get(i);
			named.add(new Structure(s.key(), s.source(), s.points(), classNames.get(ids[i]), s.volume()));
		}
		return new OfficialSplit(new StructureSet(named, set.warnings()), train.stream().mapToInt(Integer::intValue)
			.toArray(), test.stream().mapToInt(Integer::intValue).toArray(), classNames);
	}

	/** The labelled structures, training split first, with class ids by {@link #classNames()}. */
	Training.Labelled labelled() {
		int[] indices = IntStream.concat(IntStream.of(train), IntStream.of(test)).toArray(), y = new int[indices.length];
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String c : classNames) counts.put(c, 0);
		for (int k = 0; k < indices.length; k++) {
			String label = structures.structures().get(indices[k]).label();
			y[k] = classNames.indexOf(label);
			counts.merge(label, 1, Integer::sum);
		}
		return new Training.Labelled(classNames, indices, y, counts);
	}
}
