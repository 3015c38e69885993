package io.github.clathrin.localizations;

import java.util.Locale;

/** A unit of length for localization coordinates, with its factor to nanometres. */
public enum LengthUnit {
	NM(1), UM(1000), M(1e9), PX(Double.NaN);

	private final double nm;

	LengthUnit(double nm) {
		this.nm = nm;
	}

	/**
	 * Factor that turns a value in this unit into nanometres. Pixels need the pixel size in nm, and are
	 * refused without one: we never guess a pixel size.
	 */
	public double toNm(Double pixelSizeNm) {
		if (this != PX) return nm;
		if (pixelSizeNm == null || !(pixelSizeNm > 0) || Double.isInfinite(pixelSizeNm))
			throw new IllegalArgumentException("coordinates are in pixels: state the pixel size in nm (--pixel-size)");
		return pixelSizeNm;
	}

	/** Parses nm, um, µm, m, px, pixel(s), camera pixels; returns null for anything else. */
	public static LengthUnit parse(String text) {
		if (text == null) return null;
		switch (text.trim().toLowerCase(Locale.ROOT)) {
			case "nm": case "nanometer": case "nanometers": case "nanometre": case "nanometres": return NM;
			case "um": case "µm": case "μm": case "micron": case "microns": case "micrometer": case "micrometers": return UM;
			case "m": case "meter": case "meters": case "metre": case "metres": return M;
			case "px": case "pixel": case "pixels": case "pix": return PX;
			default: return null;
		}
	}

	/** The short name used on the command line and in files ("nm", "um", "m", "px"). */
	public String symbol() {
		return name().toLowerCase(Locale.ROOT);
	}
}
