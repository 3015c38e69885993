package io.github.clathrin.localizations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sanity checks that readers run on what they read; they warn, they never drop rows. */
final class TableChecks {

	/** Larger than any field of view: 1 cm in nm. */
	static final double ABSURD_NM = 1e7;

	private TableChecks() {}

	static boolean allZero(double[] v) {
		for (double d : v)
			if (d != 0) return false;
		return v.length > 0;
	}

	/** The table, with a warning added if it holds values that cannot be real ({@link #absurdValues}). */
	static LocalizationTable withAbsurdWarning(LocalizationTable table) {
		String absurd = absurdValues(table);
		return absurd == null ? table : TextTableReading.withWarning(table, absurd);
	}

	/**
	 * Counts values that cannot be real: non-finite numbers anywhere, and lengths beyond 1 cm in x, y,
	 * z and other length columns (fit uncertainties of 1e33 nm happen). Null if there are none.
	 */
	static String absurdValues(LocalizationTable table) {
		List<String> parts = new ArrayList<>();
		long total = 0;
		for (LocalizationTable.Column c : table.columns()) {
			LengthUnit unit = LengthUnit.parse(c.unit());
			double limit = Double.POSITIVE_INFINITY;
			if (unit == LengthUnit.PX) limit = 1e5; // no camera has 100000 pixels across
			else if (unit != null) limit = ABSURD_NM / unit.toNm(null);
			// NaN stands for an empty optional field, so only coordinates count it
			boolean countNaN = isCoordinate(c);
			long n = 0;
			for (double v : c.values())
				if (Double.isNaN(v) ? countNaN : !(Math.abs(v) <= limit)) n++;
			if (n > 0) {
				parts.add(c.name() + ": " + n);
				total += n;
			}
		}
		if (total == 0) return null;
		return String.format(Locale.ROOT, "%d absurd values kept as read (infinite, or a length over 1 cm): %s",
			total, String.join(", ", parts));
	}

	private static boolean isCoordinate(LocalizationTable.Column c) {
		return c.name().equals(LocalizationTable.X) || c.name().equals(LocalizationTable.Y)
			|| c.name().equals(LocalizationTable.Z);
	}
}
