package io.github.clathrin.render;

import java.util.Locale;

/**
 * How a table of localizations becomes a picture: pixel size, histogram or Gaussian, the Gaussian's
 * sigma, colour by z or by density, the z range and the number of z slices. NaN means "choose from the
 * data" for the pixel size, the sigma and each end of the z range.
 *
 * @param pixelNm image pixel in nm; NaN: {@link #automaticPixel(double)} of the field
 * @param method each localization as one count in its pixel, or as a normalised Gaussian
 * @param sigmaNm the Gaussian's sigma in nm for every localization; NaN: each localization's precision
 *        ({@link Renderer#PRECISION_COLUMNS}) when the table has it, else {@link #DEFAULT_SIGMA_NM}
 * @param colourBy hue from z (3D tables; a 2D table is coloured by density) or density alone
 * @param zMin lowest z in nm drawn; NaN: the table's lowest
 * @param zMax highest z in nm drawn; NaN: the table's highest
 * @param zSlices 1 for one image, more for a z-stack of that many slices of equal thickness
 */
public record RenderOptions(double pixelNm, Method method, double sigmaNm, ColourBy colourBy, double zMin, double zMax,
	int zSlices)
{

	/** Each localization as a count in its pixel, or spread as a Gaussian of its precision. */
	public enum Method {
		GAUSSIAN, HISTOGRAM;

		public static Method parse(String s) {
			return valueOf(s.trim().toUpperCase(Locale.ROOT));
		}
	}

	/** What the colour of a pixel says: the mean z of its localizations (a hue), or only how many there are. */
	public enum ColourBy {
		Z, DENSITY;

		public static ColourBy parse(String s) {
			return valueOf(s.trim().toUpperCase(Locale.ROOT));
		}
	}

	/** The sigma when the table has no precision column and the user gave none: a typical 3D STORM precision. */
	public static final double DEFAULT_SIGMA_NM = 10;

	/** About this many pixels across the wider side of the field by default (a screen's worth). */
	public static final int TARGET_PIXELS = 2000;

	/** Default pixels are never finer than this (below it a Gaussian of 10-20 nm precision shows nothing more). */
	public static final double FINEST_DEFAULT_NM = 10;

	/** Most z slices: each is a full image. */
	public static final int MAX_Z_SLICES = 1000;

	/** Gaussian, sigma from the table, coloured by z, automatic pixel size and z range, one image. */
	public static final RenderOptions DEFAULT = new RenderOptions(Double.NaN, Method.GAUSSIAN, Double.NaN, ColourBy.Z,
		Double.NaN, Double.NaN, 1);

	public RenderOptions {
		if (!Double.isNaN(pixelNm) && !(pixelNm > 0 && pixelNm < 1e7))
			throw new IllegalArgumentException("image pixel must be a positive number of nm, got " + pixelNm);
		if (!Double.isNaN(sigmaNm) && !(sigmaNm > 0 && sigmaNm < 1e7))
			throw new IllegalArgumentException("sigma must be a positive number of nm, got " + sigmaNm);
		if (method == null || colourBy == null) throw new IllegalArgumentException("method and colour are required");
		if (Double.isInfinite(zMin) || Double.isInfinite(zMax))
			throw new IllegalArgumentException("z range must be finite nm, got " + zMin + " to " + zMax);
		if (!Double.isNaN(zMin) && !Double.isNaN(zMax) && !(zMin < zMax))
			throw new IllegalArgumentException("z min must be below z max, got " + zMin + " to " + zMax);
		if (zSlices < 1 || zSlices > MAX_Z_SLICES)
			throw new IllegalArgumentException("z slices must be between 1 and " + MAX_Z_SLICES + ", got " + zSlices);
	}

	/**
	 * The default pixel for a field whose wider side is {@code extentNm}: the field over {@link #TARGET_PIXELS}
	 * pixels, rounded up to a whole nm, but not finer than {@link #FINEST_DEFAULT_NM}. A cell up to 40 um wide
	 * thus gets 10-20 nm pixels (10 nm up to 20 um); a wider field gets coarser pixels, so it still fits in
	 * about 2000 pixels.
	 */
	public static double automaticPixel(double extentNm) {
		if (!(extentNm > 0) || !Double.isFinite(extentNm)) return FINEST_DEFAULT_NM;
		return Math.max(FINEST_DEFAULT_NM, Math.ceil(extentNm / TARGET_PIXELS));
	}

	public RenderOptions withPixel(double nm) {
		return new RenderOptions(nm, method, sigmaNm, colourBy, zMin, zMax, zSlices);
	}

	public RenderOptions withMethod(Method m) {
		return new RenderOptions(pixelNm, m, sigmaNm, colourBy, zMin, zMax, zSlices);
	}

	public RenderOptions withSigma(double nm) {
		return new RenderOptions(pixelNm, method, nm, colourBy, zMin, zMax, zSlices);
	}

	public RenderOptions withColourBy(ColourBy c) {
		return new RenderOptions(pixelNm, method, sigmaNm, c, zMin, zMax, zSlices);
	}

	public RenderOptions withZ(double min, double max, int slices) {
		return new RenderOptions(pixelNm, method, sigmaNm, colourBy, min, max, slices);
	}
}
