package io.github.clathrin.render;

import io.github.clathrin.localizations.LocalizationTable;

/**
 * Turns localizations into a super-resolution image: each localization adds one to the pixel it falls in
 * (a 2D histogram). Rows with a non-finite x or y are left out.
 */
public final class Renderer {

	private Renderer() {}

	/** The grid of {@code pixelNm} pixels covering the table's finite x, y (one pixel for an empty table). */
	public static ImageGrid gridFor(LocalizationTable table, double pixelNm) {
		double[] x = table.x(), y = table.y();
		double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
			minX = Math.min(minX, x[i]);
			maxX = Math.max(maxX, x[i]);
			minY = Math.min(minY, y[i]);
			maxY = Math.max(maxY, y[i]);
		}
		if (minX > maxX) return new ImageGrid(0, 0, pixelNm, 1, 1);
		return ImageGrid.covering(minX, minY, maxX, maxY, pixelNm);
	}

	/** The 2D histogram of the table's localizations on its own grid of {@code pixelNm} pixels. */
	public static Rendering histogram(LocalizationTable table, double pixelNm) {
		return histogram(table.x(), table.y(), gridFor(table, pixelNm));
	}

	/** The 2D histogram of (x, y) in nm on {@code grid}; points off the grid are left out. */
	public static Rendering histogram(double[] x, double[] y, ImageGrid grid) {
		int w = grid.width(), h = grid.height();
		float[] pixels = new float[w * h];
		for (int i = 0; i < x.length; i++) {
			double c = grid.column(x[i]), r = grid.row(y[i]);
			if (!(c >= 0 && r >= 0 && c < w && r < h)) continue; // also NaN
			pixels[(int) r * w + (int) c]++;
		}
		return new Rendering(grid, pixels);
	}
}
