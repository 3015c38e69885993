package io.github.clathrin.localizations;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One column title of a text table, split into a clean name, a unit and a role (x, y, z or other).
 *
 * @param label the title as written, for messages
 * @param name canonical name: "x", "y", "z" for coordinates, else lower case with underscores
 * @param unit unit as written in the title ("nm", "photon"), or "" if the title names none
 * @param role which coordinate the column holds, if any
 */
record ColumnHeader(String label, String name, String unit, Role role) {

	enum Role { X, Y, Z, OTHER }

	// "x [nm]", "X (nm)", "x(nm)": a trailing bracketed unit
	private static final Pattern BRACKETED_UNIT = Pattern.compile("^(.*?)\\s*[\\[(]\\s*([^\\])]*?)\\s*[\\])]$");
	// "xnm", "x_nm", "Xum": a unit glued to a bare coordinate letter
	private static final Pattern GLUED_UNIT = Pattern.compile("^([xyz])_?(nm|um|µm|μm|px)$");

	static ColumnHeader parse(String title) {
		String label = title.trim();
		String base = label;
		String unit = "";
		Matcher m = BRACKETED_UNIT.matcher(label);
		if (m.matches() && !m.group(1).isEmpty()) {
			base = m.group(1);
			unit = m.group(2).trim();
		}
		String canonical = canonical(base);
		Role role = roleOf(canonical);
		if (role == Role.OTHER && unit.isEmpty()) {
			Matcher g = GLUED_UNIT.matcher(canonical);
			if (g.matches()) {
				role = roleOf(g.group(1));
				unit = g.group(2);
			}
		}
		String name = role == Role.OTHER ? canonical : role.name().toLowerCase(Locale.ROOT);
		return new ColumnHeader(label, name, unit, role);
	}

	/** The same column demoted to an ordinary one, e.g. a second column that also looks like x. */
	ColumnHeader asOther() {
		return new ColumnHeader(label, canonical(label.replaceAll("[\\[(].*$", "")), unit, Role.OTHER);
	}

	/** Lower case, runs of anything but letters and digits turned into one underscore. */
	static String canonical(String text) {
		String s = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
		return s.replaceAll("^_+|_+$", "");
	}

	private static Role roleOf(String canonical) {
		for (Role r : new Role[] { Role.X, Role.Y, Role.Z }) {
			String c = r.name().toLowerCase(Locale.ROOT);
			// exact names only: "xc" (Insight3 drift corrected) or "x_sigma" stay ordinary columns
			if (Set.of(c, "position_" + c, "pos_" + c, c + "_position", c + "_pos").contains(canonical)) return r;
		}
		return Role.OTHER;
	}
}
