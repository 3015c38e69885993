package io.github.clathrin.localizations;

/**
 * What the user states about a file when the file does not say it itself.
 *
 * @param units unit of x/y/z when the header names none (null: the file must say, or the read fails)
 * @param pixelSizeNm camera pixel size in nm for files in pixels (null: none given; never guessed)
 * @param category Insight3 category to keep (null: all categories)
 */
public record ReadOptions(LengthUnit units, Double pixelSizeNm, Integer category) {

	public static final ReadOptions DEFAULT = new ReadOptions(null, null, null);

	public ReadOptions {
		if (pixelSizeNm != null && !(pixelSizeNm > 0 && pixelSizeNm < 1e6))
			throw new IllegalArgumentException("pixel size must be a positive number of nm, got " + pixelSizeNm);
	}

	public ReadOptions withUnits(LengthUnit u) {
		return new ReadOptions(u, pixelSizeNm, category);
	}

	public ReadOptions withPixelSize(Double nm) {
		return new ReadOptions(units, nm, category);
	}

	public ReadOptions withCategory(Integer c) {
		return new ReadOptions(units, pixelSizeNm, c);
	}
}
