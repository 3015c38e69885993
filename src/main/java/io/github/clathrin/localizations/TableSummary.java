package io.github.clathrin.localizations;

import java.util.Locale;

/** A plain-text description of a table for the {@code info} command: format, size, columns, extent. */
public final class TableSummary {

	private TableSummary() {}

	/** A few lines: file, format, rows, 2D/3D, columns with units, x/y/z ranges in nm, warnings. */
	public static String of(LocalizationTable table) {
		StringBuilder s = new StringBuilder();
		line(s, "File", String.valueOf(table.source()));
		line(s, "Format", table.format());
		line(s, "Rows", String.format(Locale.ROOT, "%,d", table.rowCount()));
		line(s, "Dimensions", table.is3D() ? "3D" : "2D");
		StringBuilder cols = new StringBuilder();
		for (LocalizationTable.Column c : table.columns()) {
			if (cols.length() > 0) cols.append(", ");
			cols.append(c.name());
			if (!c.unit().isEmpty()) cols.append(" [").append(c.unit()).append(']');
		}
		line(s, "Columns", cols.toString());
		for (String axis : new String[] { LocalizationTable.X, LocalizationTable.Y, LocalizationTable.Z }) {
			LocalizationTable.Column c = table.column(axis);
			if (c != null) line(s, axis + " range", range(c.values()));
		}
		for (String w : table.warnings()) line(s, "Warning", w);
		return s.toString();
	}

	/** "min to max nm (extent nm)", ignoring NaN; "no values" for an empty or all-NaN column. */
	static String range(double[] v) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double d : v) {
			if (d < min) min = d;
			if (d > max) max = d;
		}
		if (min > max) return "no values";
		return String.format(Locale.ROOT, "%.1f to %.1f nm (extent %.1f nm)", min, max, max - min);
	}

	private static void line(StringBuilder s, String key, String value) {
		s.append(String.format(Locale.ROOT, "%-11s %s%n", key + ":", value));
	}
}
