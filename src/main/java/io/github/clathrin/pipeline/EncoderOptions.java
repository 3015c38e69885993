package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.task.InputException;

/**
 * Encoder options as a user types them: {@code "latent=32 epochs=5 conv-ae.filters=4,8"}. A plain
 * {@code key=value} goes to every deep encoder being run that has that option (the shallow ones have few options and are
 * given theirs with the encoder prefix, e.g. {@code pca.components=20}); {@code name.key=value} goes to
 * that encoder only. Values become integers, decimals, booleans, lists of numbers (comma-separated)
 * or text.
 */
public final class EncoderOptions {

	private EncoderOptions() {}

	/**
	 * @param text the options, separated by spaces or semicolons; null or blank for none
	 * @param encoders the encoders being run
	 * @param epochs if not null, {@code epochs} for every encoder that takes it ({@link Encoders#takesEpochs}: the deep
	 *     ones, and auto and vote for their deep parts); a shortcut the CLI and dialogs offer
	 * @return options per encoder name (encoders without options are absent)
	 */
	public static Map<String, Map<String, Object>> parse(String text, List<String> encoders, Integer epochs) {
		Map<String, Map<String, Object>> out = new LinkedHashMap<>();
		if (epochs != null) {
			if (epochs < 1) throw new InputException("epochs must be at least 1, got " + epochs);
			for (String e : encoders)
				if (Encoders.takesEpochs(e))
					out.computeIfAbsent(e, k -> new LinkedHashMap<>()).put("epochs", epochs);
		}
		if (text == null || text.isBlank()) return out;
		for (String item : text.trim().split("[\\s;]+")) {
			int eq = item.indexOf('=');
			if (eq <= 0 || eq == item.length() - 1)
				throw new InputException("encoder option '" + item + "' is not key=value (e.g. latent=32 or conv-ae.filters=4,8)");
			String key = item.substring(0, eq), value = item.substring(eq + 1);
			List<String> targets = new ArrayList<>();
			int dot = key.indexOf('.');
			if (dot > 0 && Encoders.names().contains(key.substring(0, dot))) {
				String e = key.substring(0, dot);
				if (!encoders.contains(e))
					throw new InputException("encoder option '" + item + "' is for " + e + ", which is not being run " + encoders);
				targets.add(e);
				key = key.substring(dot + 1);
			}
			Object v = value(value);
			if (targets.isEmpty()) {
				for (String e : encoders)
					if (Encoders.isDeep(e) && knows(e, key, v)) targets.add(e);
				if (targets.isEmpty()) throw new InputException("encoder option '" + item + "': no deep encoder of "
					+ encoders + " has option '" + key + "' (an option of pca, kmeans or lab takes the encoder's name, "
					+ "e.g. pca.components=20)");
			}
			for (String e : targets) out.computeIfAbsent(e, k -> new LinkedHashMap<>()).put(key, v);
		}
		return out;
	}

	/** Whether the encoder has the option (a wrong value still counts: the encoder reports it later). */
	private static boolean knows(String encoder, String key, Object value) {
		try {
			Encoders.create(encoder, Map.of(key, value));
			return true;
		}
		catch (IllegalArgumentException e) {
			return !String.valueOf(e.getMessage()).contains("unknown option");
		}
	}

	static Object value(String s) {
		if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return Boolean.parseBoolean(s);
		if (s.contains(",")) {
			List<Object> list = new ArrayList<>();
			for (String part : s.split(",")) list.add(value(part.trim()));
			return list;
		}
		try {
			return Integer.parseInt(s);
		}
		catch (NumberFormatException e) {
			// not an integer
		}
		try {
			double d = Double.parseDouble(s);
			if (Double.isFinite(d)) return d;
		}
		catch (NumberFormatException e) {
			// text
		}
		return s;
	}
}
