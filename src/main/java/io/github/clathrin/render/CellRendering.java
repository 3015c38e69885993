package io.github.clathrin.render;

import java.util.List;

/**
 * A table rendered: the density of each z slice on one {@link ImageGrid} (one slice for a flat image),
 * the z range drawn, and for an image coloured by z its RGB pixels, whose hue is the mean z of each pixel's
 * localizations ({@link ZColours}), with the range that a colour bar shows.
 *
 * @param grid where the pixels lie in the sample (nm)
 * @param slices the density (localizations per pixel) of each z slice, lowest z first
 * @param zMin lowest z drawn in nm (NaN for a 2D table)
 * @param zMax highest z drawn in nm (NaN for a 2D table)
 * @param rgb 0xRRGGBB per pixel (x fastest) when coloured by z, else null
 * @param drawn localizations drawn (inside the z range)
 * @param total localizations in the table
 * @param sigma how the Gaussian's sigma was chosen, for the report ("" for a histogram)
 */
public record CellRendering(ImageGrid grid, List<Rendering> slices, double zMin, double zMax, int[] rgb, long drawn,
	long total, String sigma)
{

	public CellRendering {
		slices = List.copyOf(slices);
		if (slices.isEmpty()) throw new IllegalArgumentException("a rendering has at least one slice");
		if (rgb != null && rgb.length != slices.get(0).pixels().length)
			throw new IllegalArgumentException("rgb has " + rgb.length + " pixels for a " + grid.width() + " x "
				+ grid.height() + " image");
	}

	/** Whether the picture is coloured by z (then {@link #rgb()} holds it). */
	public boolean colouredByZ() {
		return rgb != null;
	}

	/** Whether this is a z-stack of several slices. */
	public boolean isStack() {
		return slices.size() > 1;
	}

	/** The density of the first (for a flat image: the only) slice. */
	public Rendering density() {
		return slices.get(0);
	}

	/** The thickness of one z slice in nm (NaN for a 2D table). */
	public double sliceThicknessNm() {
		return (zMax - zMin) / slices.size();
	}
}
