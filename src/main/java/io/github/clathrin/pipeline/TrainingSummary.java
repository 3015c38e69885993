package io.github.clathrin.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model learned from, kept in the model file's manifest as its {@code training} section
 * (docs/formats.md): counts, the seed, what was left out, the training range, and how the training set was
 * enlarged.
 *
 * @param structures structures trained on (usable ones; the left-out are in {@code skipped})
 * @param labelled labelled structures among them
 * @param perClass labelled structures per class name, in class order
 * @param localizationsOutsideBox localizations that fell outside the voxel box
 * @param structuresPartlyOutsideBox structures that lost localizations to the box
 * @param seed the seed of every random choice in training
 * @param skipped structures not learned from, per {@link StructureStatus} text; empty when none
 * @param range what the model was trained on, or null for a model file written before ranges were recorded
 * @param enlargement the {@link Enlargement} as {@link Enlargement#toMap()} writes it, or null when training
 *     used neither augmentation nor label spreading
 * @param classifierTrainingRows rows the classifier learned from (with copies and spread labels), or null
 *     without enlargement
 * @param spreadLabels unlabelled structures given each class by label spreading, or null without spreading
 * @param warnings what training found wrong with the model it made ({@link CollapseCheck}), empty when nothing
 * @param other keys of the section this version does not know (a newer writer's), kept so they are written back
 */
public record TrainingSummary(int structures, int labelled, Map<String, Integer> perClass, long localizationsOutsideBox,
	int structuresPartlyOutsideBox, long seed, Map<String, Integer> skipped, TrainingRange range,
	Map<String, Object> enlargement, Integer classifierTrainingRows, Map<String, Integer> spreadLabels,
	List<String> warnings, Map<String, Object> other)
{
	private static final List<String> KEYS = List.of("structures", "labelled", "perClass", "localizationsOutsideBox",
		"structuresPartlyOutsideBox", "seed", "skipped", TrainingRange.KEY, "enlargement", "classifierTrainingRows",
		"spreadLabels", "warnings");

	public TrainingSummary {
		// Insertion order is kept: the manifest, and so the model file's bytes, must not vary between runs.
		perClass = ordered(perClass);
		skipped = ordered(skipped);
		enlargement = enlargement == null ? null : ordered(enlargement);
		spreadLabels = spreadLabels == null ? null : ordered(spreadLabels);
		warnings = warnings == null ? List.of() : List.copyOf(warnings);
		other = ordered(other);
	}

	/** The same summary without a training range, as a model file written before ranges were recorded has it. */
	public TrainingSummary withoutRange() {
		return new TrainingSummary(structures, labelled, perClass, localizationsOutsideBox, structuresPartlyOutsideBox,
			seed, skipped, null, enlargement, classifierTrainingRows, spreadLabels, warnings, other);
	}

	/** The manifest's {@code training} section; optional parts are left out when absent. */
	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("structures", structures);
		m.put("labelled", labelled);
		m.put("perClass", perClass);
		m.put("localizationsOutsideBox", localizationsOutsideBox);
		m.put("structuresPartlyOutsideBox", structuresPartlyOutsideBox);
		m.put("seed", seed);
		if (!skipped.isEmpty()) m.put("skipped", skipped);
		if (range != null) m.put(TrainingRange.KEY, range.toMap());
		if (enlargement != null) m.put("enlargement", enlargement);
		if (classifierTrainingRows != null) m.put("classifierTrainingRows", classifierTrainingRows);
		if (spreadLabels != null) m.put("spreadLabels", spreadLabels);
		if (!warnings.isEmpty()) m.put("warnings", warnings);
		other.forEach(m::putIfAbsent);
		return m;
	}

	/**
	 * The summary from a manifest's {@code training} section, as lenient as the section's history asks: a
	 * count an older file lacks is 0, an unreadable range is none, and unknown keys are kept.
	 */
	static TrainingSummary fromMap(Map<?, ?> m) {
		Map<String, Object> other = new LinkedHashMap<>();
		m.forEach((k, v) -> {
			if (!KEYS.contains(String.valueOf(k))) other.put(String.valueOf(k), v);
		});
		Map<String, Object> enlargement = null;
		if (m.get("enlargement") instanceof Map<?, ?> e) {
			enlargement = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : e.entrySet()) enlargement.put(String.valueOf(entry.getKey()), entry.getValue());
		}
		return new TrainingSummary(number(m, "structures").intValue(), number(m, "labelled").intValue(),
			counts(m.get("perClass")), number(m, "localizationsOutsideBox").longValue(),
			number(m, "structuresPartlyOutsideBox").intValue(), number(m, "seed").longValue(), counts(m.get("skipped")),
			TrainingRange.fromMap(m.get(TrainingRange.KEY)), enlargement,
			m.get("classifierTrainingRows") instanceof Number n ? n.intValue() : null,
			m.get("spreadLabels") instanceof Map<?, ?> ? counts(m.get("spreadLabels")) : null,
			m.get("warnings") instanceof List<?> w ? w.stream().map(String::valueOf).toList() : List.of(), other);
	}

	private static Number number(Map<?, ?> m, String key) {
		return m.get(key) instanceof Number n ? n : 0;
	}

	private static Map<String, Integer> counts(Object o) {
		Map<String, Integer> out = new LinkedHashMap<>();
		if (o instanceof Map<?, ?> m)
			m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Number n ? n.intValue() : 0));
		return out;
	}

	private static <V> Map<String, V> ordered(Map<String, V> m) {
		return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
	}
}
