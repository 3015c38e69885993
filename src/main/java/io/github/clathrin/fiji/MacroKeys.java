package io.github.clathrin.fiji;

import java.util.ArrayList;
import java.util.List;

/**
 * Renames and removes keys in a macro's options ({@code key=value key=[a value] flag}), so that the keys of
 * earlier versions keep working after a dialog field took its command's name. Bracketed values stay whole.
 */
final class MacroKeys {

	private MacroKeys() {}

	static boolean has(String options, String key) {
		return tokens(options).stream().anyMatch(t -> key(t).equals(key));
	}

	/** The options with {@code from} renamed to {@code to}, unless {@code to} is given already. */
	static String rename(String options, String from, String to) {
		if (has(options, to)) return options;
		List<String> out = new ArrayList<>();
		for (String t : tokens(options)) out.add(key(t).equals(from) ? to + t.substring(from.length()) : t);
		return join(out);
	}

	static String remove(String options, String key) {
		List<String> out = new ArrayList<>(tokens(options));
		out.removeIf(t -> key(t).equals(key));
		return join(out);
	}

	private static String key(String token) {
		int eq = token.indexOf('=');
		return eq < 0 ? token : token.substring(0, eq);
	}

	/** The key=value pairs and flags, split at spaces outside brackets. */
	private static List<String> tokens(String options) {
		List<String> tokens = new ArrayList<>();
		StringBuilder t = new StringBuilder();
		int depth = 0;
		for (char c : options.toCharArray()) {
			if (c == '[') depth++;
			else if (c == ']' && depth > 0) depth--;
			if (c == ' ' && depth == 0) {
				if (t.length() > 0) tokens.add(t.toString());
				t.setLength(0);
			}
			else t.append(c);
		}
		if (t.length() > 0) tokens.add(t.toString());
		return tokens;
	}

	private static String join(List<String> tokens) {
		return String.join(" ", tokens) + " ";
	}
}
