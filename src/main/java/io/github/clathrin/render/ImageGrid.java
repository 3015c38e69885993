package io.github.clathrin.render;

/**
 * Where a rendering lies in the sample: the x, y in nm of its top-left pixel's corner, the pixel size in
 * nm and the size in pixels. Column = (x - originX) / pixelNm, row = (y - originY) / pixelNm, so ROIs and
 * overlays drawn from nm coordinates land on the pixels the localizations went to.
 */
public record ImageGrid(double originX, double originY, double pixelNm, int width, int height) {

	/** More pixels than this (about 16k x 16k) would cost over a GB for a picture no screen shows. */
	public static final long MAX_PIXELS = 1L << 28;

	public ImageGrid {
		if (!(pixelNm > 0) || !Double.isFinite(pixelNm))
			throw new IllegalArgumentException("pixel size must be a positive number of nm, got " + pixelNm);
		if (width < 1 || height < 1) throw new IllegalArgumentException("image size must be positive, got " + width
			+ " x " + height);
		if (!Double.isFinite(originX) || !Double.isFinite(originY))
			throw new IllegalArgumentException("image origin must be finite, got " + originX + ", " + originY);
	}

	/**
	 * The grid of {@code pixelNm} pixels that covers x in [minX, maxX] and y in [minY, maxY] (nm), starting at
	 * (minX, minY).
	 *
	 * @throws IllegalArgumentException if the image would have more than {@link #MAX_PIXELS} pixels
	 */
	public static ImageGrid covering(double minX, double minY, double maxX, double maxY, double pixelNm) {
		long w = Math.max(1, (long) Math.floor((maxX - minX) / pixelNm) + 1);
		long h = Math.max(1, (long) Math.floor((maxY - minY) / pixelNm) + 1);
		if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE || w * h > MAX_PIXELS)
			throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "a %.0f x %.0f nm field at %s nm "
				+ "pixels would be %d x %d pixels; choose larger pixels", maxX - minX, maxY - minY, pixelNm, w, h));
		return new ImageGrid(minX, minY, pixelNm, (int) w, (int) h);
	}

	/** The column (fractional) of x in nm. */
	public double column(double xNm) {
		return (xNm - originX) / pixelNm;
	}

	/** The row (fractional) of y in nm. */
	public double row(double yNm) {
		return (yNm - originY) / pixelNm;
	}

	/** The x in nm of a (fractional) column. */
	public double x(double column) {
		return originX + column * pixelNm;
	}

	/** The y in nm of a (fractional) row. */
	public double y(double row) {
		return originY + row * pixelNm;
	}

	/** Whether (x, y) in nm falls on a pixel of the image. */
	public boolean contains(double xNm, double yNm) {
		double c = column(xNm), r = row(yNm);
		return c >= 0 && r >= 0 && c < width && r < height;
	}
}
