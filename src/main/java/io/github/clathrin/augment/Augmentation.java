package io.github.clathrin.augment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How training data is enlarged: each structure gets {@code copies} transformed copies besides itself.
 * The study generated over 60,000 training samples from 899 structures this way. Copies are made on
 * the fly by {@link Augmenter} and never stored.
 *
 * @param copies transformed copies per structure (0 = no augmentation)
 * @param rotateZ rotate about the optical axis (z) by a uniformly random angle
 * @param flips mirror x and/or y at random (z is not mirrored: the optical axis is not symmetric in
 *     astigmatic 3D STORM)
 * @param shiftNm largest translation along each axis, in nm (0 = none)
 * @param rotate3d rotate by a uniformly random 3D rotation instead of only about z
 */
public record Augmentation(int copies, boolean rotateZ, boolean flips, double shiftNm, boolean rotate3d) {

	/** No augmentation. */
	public static final Augmentation NONE = new Augmentation(0, false, false, 0, false);

	/** The default transform for a number of copies: any rotation about z, flips, shifts up to 10 nm. */
	public static Augmentation copies(int copies) {
		return new Augmentation(copies, true, true, 10, false);
	}

	public Augmentation {
		if (copies < 0) throw new IllegalArgumentException("augmentation copies must be >= 0, got " + copies);
		if (!(shiftNm >= 0) || Double.isInfinite(shiftNm))
			throw new IllegalArgumentException("augmentation shift must be a finite length >= 0 nm, got " + shiftNm);
	}

	/** Whether this makes any copies at all. */
	public boolean enabled() {
		return copies > 0;
	}

	public Augmentation withRotate3d(boolean value) {
		return new Augmentation(copies, rotateZ, flips, shiftNm, value);
	}

	public Augmentation withShiftNm(double value) {
		return new Augmentation(copies, rotateZ, flips, value, rotate3d);
	}

	/** For manifests and reports. */
	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("copies", copies);
		m.put("rotateZ", rotateZ);
		m.put("flips", flips);
		m.put("shiftNm", shiftNm);
		m.put("rotate3d", rotate3d);
		return m;
	}

	@Override
	public String toString() {
		if (!enabled()) return "none";
		return String.format(Locale.ROOT, "%d copies (%s%s, shifts up to %.0f nm)", copies,
			rotate3d ? "3D rotations" : rotateZ ? "rotations about z" : "no rotations", flips ? ", flips" : "", shiftNm);
	}
}
