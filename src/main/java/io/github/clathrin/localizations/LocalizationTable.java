package io.github.clathrin.localizations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A columnar table of single-molecule localizations: named double columns with units. Columns
 * {@link #X}, {@link #Y} (and {@link #Z} for 3D tables) are always in nm; every other column of the
 * file is kept under its own name and unit.
 */
public final class LocalizationTable {

	public static final String X = "x", Y = "y", Z = "z";

	/** One column: canonical name, unit as written (or "" if none) and values. */
	public record Column(String name, String unit, double[] values) {}

	private final Path source;
	private final String format;
	private final List<Column> columns;
	private final int rows;
	private final List<String> warnings;

	private LocalizationTable(Path source, String format, List<Column> columns, List<String> warnings) {
		this.source = source;
		this.format = format;
		this.columns = List.copyOf(columns);
		this.rows = columns.isEmpty() ? 0 : columns.get(0).values().length;
		this.warnings = List.copyOf(warnings);
	}

	public static Builder builder(Path source, String format) {
		return new Builder(source, format);
	}

	public Path source() {
		return source;
	}

	public String format() {
		return format;
	}

	public int rowCount() {
		return rows;
	}

	public boolean is3D() {
		return column(Z) != null;
	}

	public List<Column> columns() {
		return columns;
	}

	/** Things the reader noticed but accepted (outliers, skipped records); shown to the user. */
	public List<String> warnings() {
		return warnings;
	}

	/** Column by name, ignoring case; null if absent. */
	public Column column(String name) {
		for (Column c : columns)
			if (c.name().equalsIgnoreCase(name)) return c;
		return null;
	}

	public double[] x() {
		return column(X).values();
	}

	public double[] y() {
		return column(Y).values();
	}

	/** z in nm, or null for a 2D table. */
	public double[] z() {
		Column c = column(Z);
		return c == null ? null : c.values();
	}

	/** Builds a table and checks it: x and y present, all columns of one length, names unique. */
	public static final class Builder {

		private final Path source;
		private final String format;
		private final List<Column> columns = new ArrayList<>();
		private final List<String> warnings = new ArrayList<>();

		private Builder(Path source, String format) {
			this.source = source;
			this.format = format;
		}

		public Builder column(String name, String unit, double[] values) {
			columns.add(new Column(name, unit == null ? "" : unit, values));
			return this;
		}

		public Builder warn(String warning) {
			warnings.add(warning);
			return this;
		}

		public LocalizationTable build() {
			List<String> names = new ArrayList<>();
			for (Column c : columns) {
				String key = c.name().toLowerCase(Locale.ROOT);
				if (names.contains(key))
					throw new IllegalStateException(source + ": column '" + c.name() + "' appears twice");
				names.add(key);
				if (c.values().length != columns.get(0).values().length)
					throw new IllegalStateException(source + ": columns differ in length");
			}
			if (!names.contains(X) || !names.contains(Y))
				throw io.github.clathrin.task.InputException.inFile(source,
					"no x and y columns found (columns: " + String.join(", ", names) + ")");
			dropNonFinite(names);
			return new LocalizationTable(source, format, columns, warnings);
		}

		/**
		 * Leaves out rows whose x, y or z is NaN or infinite (failed fits in some exports), with a warning
		 * that says how many and where the first was: one bad row should not cost a whole file.
		 */
		private void dropNonFinite(List<String> names) {
			List<double[]> coordinates = new ArrayList<>();
			for (String axis : List.of(X, Y, Z))
				if (names.contains(axis)) coordinates.add(columns.get(names.indexOf(axis)).values());
			int n = columns.get(0).values().length;
			boolean[] bad = null;
			int count = 0, first = -1;
			for (int i = 0; i < n; i++)
				for (double[] c : coordinates)
					if (!Double.isFinite(c[i])) {
						if (bad == null) bad = new boolean[n];
						bad[i] = true;
						count++;
						if (first < 0) first = i;
						break;
					}
			if (count == 0) return;
			for (int k = 0; k < columns.size(); k++) {
				Column c = columns.get(k);
				double[] kept = new double[n - count];
				for (int i = 0, j = 0; i < n; i++)
					if (!bad[i]) kept[j++] = c.values()[i];
				columns.set(k, new Column(c.name(), c.unit(), kept));
			}
			warnings.add(String.format(Locale.ROOT, "%s: %,d localizations with a NaN or infinite x, y or z were "
				+ "left out (the first is data row %d)", source.getFileName(), count, first + 1));
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s (%s, %d rows, %s)", source, format, rows,
			is3D() ? "3D" : "2D");
	}

	/** Unmodifiable view of the column names in order. */
	public List<String> columnNames() {
		List<String> n = new ArrayList<>();
		for (Column c : columns) n.add(c.name());
		return Collections.unmodifiableList(n);
	}
}
