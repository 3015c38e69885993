package io.github.clathrin.encoders;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads encoder options from a JSON-shaped map: numbers may arrive as Double after a trip through
 * JSON, and unknown keys are rejected so a typo never silently falls back to a default.
 */
public final class Options {

	private final String encoder;
	private final Map<String, Object> map;

	public Options(String encoder, Map<String, Object> map, Set<String> known) {
		this.encoder = encoder;
		this.map = map == null ? Map.of() : map;
		for (String key : this.map.keySet())
			if (!known.contains(key))
				throw new IllegalArgumentException("unknown option '" + key + "' for encoder " + encoder + "; known: " + new TreeSet<>(known));
	}

	public int intValue(String key, int def, int min) {
		Object v = map.get(key);
		if (v == null) return def;
		if (!(v instanceof Number num) || num.doubleValue() != Math.rint(num.doubleValue()))
			throw new IllegalArgumentException(encoder + " option " + key + " must be a whole number, got " + v);
		int i = num.intValue();
		if (i < min) throw new IllegalArgumentException(encoder + " option " + key + " must be at least " + min + ", got " + i);
		return i;
	}

	/** A double option; NaN (or absent with NaN default) means "not set". */
	double doubleValue(String key, double def) {
		Object v = map.get(key);
		if (v == null) return def;
		if (!(v instanceof Number num)) throw new IllegalArgumentException(encoder + " option " + key + " must be a number, got " + v);
		return num.doubleValue();
	}

	public boolean booleanValue(String key, boolean def) {
		Object v = map.get(key);
		if (v == null) return def;
		if (v instanceof Boolean b) return b;
		if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
		throw new IllegalArgumentException(encoder + " option " + key + " must be true or false, got " + v);
	}
}
