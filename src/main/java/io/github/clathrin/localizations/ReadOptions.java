package io.github.clathrin.localizations;

import java.util.List;
import java.util.Locale;

/**
 * What the user states about a file when the file does not say it itself.
 *
 * @param units unit of x/y/z when the header names none (null: the file must say, or the read fails)
 * @param pixelSizeNm camera pixel size in nm for files in pixels (null: none given; never guessed)
 * @param category Insight3 category to keep (null: all categories)
 * @param columns names of the columns of a text file without a title line, in file order, e.g.
 *        trace, t, x, y, z (null: the file names its columns)
 */
public record ReadOptions(LengthUnit units, Double pixelSizeNm, Integer category, List<String> columns)
	implements java.io.Serializable
{

	public static final ReadOptions DEFAULT = new ReadOptions(null, null, null, null);

	public ReadOptions {
		if (pixelSizeNm != null && !(pixelSizeNm > 0 && pixelSizeNm < 1e6))
			throw new IllegalArgumentException("pixel size must be a positive number of nm, got " + pixelSizeNm);
		if (columns != null) {
			columns = List.copyOf(columns);
			if (columns.isEmpty()) throw new IllegalArgumentException("the column list is empty");
			for (String c : columns)
				if (c.isBlank()) throw new IllegalArgumentException("the column list " + columns + " has an empty name");
			long distinct = columns.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).distinct().count();
			if (distinct < columns.size()) throw new IllegalArgumentException("the column list " + columns + " names a column twice");
		}
	}

	public ReadOptions(LengthUnit units, Double pixelSizeNm, Integer category) {
		this(units, pixelSizeNm, category, null);
	}

	public ReadOptions withUnits(LengthUnit u) {
		return new ReadOptions(u, pixelSizeNm, category, columns);
	}

	public ReadOptions withPixelSize(Double nm) {
		return new ReadOptions(units, nm, category, columns);
	}

	public ReadOptions withCategory(Integer c) {
		return new ReadOptions(units, pixelSizeNm, c, columns);
	}

	public ReadOptions withColumns(List<String> names) {
		return new ReadOptions(units, pixelSizeNm, category, names);
	}
}
