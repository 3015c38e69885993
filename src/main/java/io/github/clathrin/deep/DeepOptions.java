package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a deep encoder's options from a JSON-shaped map. Numbers may arrive as Double after a trip
 * through JSON and lists as List&lt;Double&gt;; unknown keys are rejected with the valid ones listed, so a
 * typo never silently falls back to a default.
 */
final class DeepOptions {

	private final String encoder;
	private final Map<String, Object> map;

	DeepOptions(String encoder, Map<String, Object> map, Set<String> known) {
		this.encoder = encoder;
		this.map = map == null ? Map.of() : map;
		for (String key : this.map.keySet())
			if (!known.contains(key))
				throw new IllegalArgumentException("unknown option '" + key + "' for encoder " + encoder + "; valid options: "
					+ new TreeSet<>(known));
	}

	/** All names of two option sets, e.g. the training options plus an architecture's. */
	static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> s = new HashSet<>(a);
		s.addAll(b);
		return Set.copyOf(s);
	}

	int intValue(String key, int def, int min) {
		Object v = map.get(key);
		return v == null ? def : whole(key, v, min);
	}

	/** A number in [min, max] (bounds inclusive as the flags say). */
	double doubleValue(String key, double def, double min, boolean minInclusive, double max, boolean maxInclusive) {
		Object v = map.get(key);
		if (v == null) return def;
		if (!(v instanceof Number num)) throw new IllegalArgumentException(encoder + " option " + key + " must be a number, got " + v);
		double d = num.doubleValue();
		boolean ok = (minInclusive ? d >= min : d > min) && (maxInclusive ? d <= max : d < max);
		if (!ok)
			throw new IllegalArgumentException(encoder + " option " + key + " must be in " + (minInclusive ? "[" : "(") + min + ", "
				+ max + (maxInclusive ? "]" : ")") + ", got " + v);
		return d;
	}

	boolean booleanValue(String key, boolean def) {
		Object v = map.get(key);
		if (v == null) return def;
		if (v instanceof Boolean b) return b;
		if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
		throw new IllegalArgumentException(encoder + " option " + key + " must be true or false, got " + v);
	}

	/** One of the allowed words (case-insensitive), in the spelling of the list. */
	String choice(String key, String def, List<String> allowed) {
		Object v = map.get(key);
		if (v == null) return def;
		for (String a : allowed)
			if (a.equalsIgnoreCase(String.valueOf(v))) return a;
		throw new IllegalArgumentException(encoder + " option " + key + " must be one of " + allowed + ", got " + v);
	}

	/**
	 * Grid axes as "x", "y", "z" in any mix: "z", "x,z", "xz", a list ["x", "z"], or "none"; returned
	 * as the distinct axes in x, y, z order ("" for none).
	 */
	String axes(String key) {
		Object v = map.get(key);
		if (v == null) return "";
		String text = v instanceof List<?> l ? String.join("", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
		text = text.toLowerCase(Locale.ROOT).replaceAll("[,\\s]", "");
		if (text.equals("none")) return "";
		if (!text.matches("[xyz]+"))
			throw new IllegalArgumentException(encoder + " option " + key + " must name axes x, y and/or z (e.g. z or x,z) or none, got " + v);
		return (text.contains("x") ? "x" : "") + (text.contains("y") ? "y" : "") + (text.contains("z") ? "z" : "");
	}

	/**
	 * A list of whole numbers: a JSON list, a single number, or a comma-separated string such as "256,64"
	 * (as typed in a dialog or on the command line).
	 */
	List<Integer> intList(String key, List<Integer> def, int min) {
		Object v = map.get(key);
		if (v == null) return def;
		List<Object> items = new ArrayList<>();
		if (v instanceof List<?> l) items.addAll(l);
		else if (v instanceof String s) {
			for (String part : s.split("[,\\s]+"))
				if (!part.isEmpty()) items.add(parse(key, part));
		} else items.add(v);
		if (items.isEmpty()) throw new IllegalArgumentException(encoder + " option " + key + " must list at least one number");
		List<Integer> out = new ArrayList<>();
		for (Object item : items) out.add(whole(key, item, min));
		return List.copyOf(out);
	}

	private Object parse(String key, String text) {
		try {
			return Double.parseDouble(text);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(encoder + " option " + key + " must list whole numbers, got '" + text + "'");
		}
	}

	private int whole(String key, Object v, int min) {
		if (!(v instanceof Number num) || num.doubleValue() != Math.rint(num.doubleValue())
			|| Math.abs(num.doubleValue()) > Integer.MAX_VALUE)
			throw new IllegalArgumentException(encoder + " option " + key + " must be a whole number, got " + v);
		int i = num.intValue();
		if (i < min) throw new IllegalArgumentException(encoder + " option " + key + " must be at least " + min + ", got " + i);
		return i;
	}
}
