package io.github.clathrin.render;

/**
 * The hue LUT over z that SMLM tools show depth with: blue at the lowest z through cyan, green and yellow
 * to red at the highest; a pixel's brightness is its density, saturating at the 95th percentile of the
 * pixels that hold any localization, so that a few dense clusters do not leave the rest of the cell dark.
 */
public final class ZColours {

	/** Hue in degrees at the lowest z (blue); the highest z is 0 (red). */
	static final double LOW_HUE = 240;

	/** Share of the lit pixels that are not saturated. */
	static final double SATURATION_PERCENTILE = 0.95;

	private ZColours() {}

	/** The full-brightness colour (0xRRGGBB) of a position {@code f} in [0, 1] of the z range (clamped). */
	public static int colour(double f) {
		f = Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
		return hue(LOW_HUE * (1 - f));
	}

	/**
	 * The picture: per pixel the hue of its mean z ({@code zSum / density}) at a brightness given by its
	 * density over {@link #saturation(float[])}.
	 */
	static int[] colour(float[] density, float[] zSum, double zMin, double zMax) {
		int[] rgb = new int[density.length];
		double saturation = saturation(density), span = zMax - zMin;
		for (int i = 0; i < density.length; i++) {
			float d = density[i];
			if (!(d > 0)) continue;
			int c = colour((zSum[i] / d - zMin) / span);
			double v = Math.min(1, d / saturation);
			rgb[i] = scaled(c >> 16 & 0xff, v) << 16 | scaled(c >> 8 & 0xff, v) << 8 | scaled(c & 0xff, v);
		}
		return rgb;
	}

	/**
	 * The density that shows at full brightness: the {@link #SATURATION_PERCENTILE} of the pixels above
	 * zero, from a 4096-bin histogram (one pass, no sorting of millions of pixels); 1 for an empty image.
	 */
	public static double saturation(float[] density) {
		float max = 0;
		long lit = 0;
		for (float d : density)
			if (d > 0) {
				lit++;
				if (d > max) max = d;
			}
		if (lit == 0) return 1;
		int bins = 4096;
		long[] histogram = new long[bins];
		for (float d : density)
			if (d > 0) histogram[Math.min(bins - 1, (int) (d / max * bins))]++;
		long wanted = (long) Math.ceil(SATURATION_PERCENTILE * lit), seen = 0;
		for (int b = 0; b < bins; b++) {
			seen += histogram[b];
			if (seen >= wanted) return max * (b + 1) / bins;
		}
		return max;
	}

	private static int scaled(int channel, double v) {
		return (int) Math.round(channel * v);
	}

	/** Full saturation and value at {@code degrees} of hue. */
	private static int hue(double degrees) {
		double h = degrees / 60;
		int sector = (int) Math.floor(h) % 6;
		double f = h - Math.floor(h);
		int up = (int) Math.round(255 * f), down = 255 - up;
		return switch (sector) {
			case 0 -> 0xff0000 | up << 8; // red to yellow
			case 1 -> down << 16 | 0xff00; // yellow to green
			case 2 -> 0xff00 | up; // green to cyan
			case 3 -> down << 8 | 0xff; // cyan to blue
			case 4 -> up << 16 | 0xff; // blue to magenta
			default -> 0xff0000 | down; // magenta to red
		};
	}
}
