package io.github.clathrin.render;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A 2D rendering of localizations: one float per pixel, row by row (x fastest), on {@link #grid()}.
 *
 * @param grid where the pixels lie in the sample (nm)
 * @param pixels width x height values, x fastest
 */
public record Rendering(ImageGrid grid, float[] pixels) {

	public Rendering {
		if ((long) grid.width() * grid.height() != pixels.length)
			throw new IllegalArgumentException(pixels.length + " pixels for a " + grid.width() + " x " + grid.height()
				+ " image");
	}

	/**
	 * The 99.5th percentile of the lit pixels, at least 1: a display maximum that shows the bright sites
	 * without letting a few hot pixels wash out the rest.
	 */
	public float displayMax() {
		float[] lit = new float[pixels.length];
		int n = 0;
		for (float p : pixels) if (p > 0) lit[n++] = p;
		if (n == 0) return 1;
		java.util.Arrays.sort(lit, 0, n);
		return Math.max(1, lit[Math.min(n - 1, (int) (0.995 * n))]);
	}

	/** The pixel at (column, row). */
	public float at(int column, int row) {
		return pixels[row * grid.width() + column];
	}

	/** The pixels as an ImgLib2 image (no copy). */
	public ArrayImg<FloatType, FloatArray> img() {
		return ArrayImgs.floats(pixels, grid.width(), grid.height());
	}
}
