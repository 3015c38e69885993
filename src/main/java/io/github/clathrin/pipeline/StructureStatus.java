package io.github.clathrin.pipeline;

import io.github.clathrin.structures.Structure;

/**
 * Whether a structure can be classified at all, and if not why: the {@code status} column of the results.
 * A structure that is not {@link #OK} gets no class (a voxelized empty or one-point cloud would otherwise
 * get a confident but meaningless one) and training does not learn from it.
 */
public enum StructureStatus {

	OK("ok"),
	/** Fewer than {@link #MIN_LOCALIZATIONS} localizations (readers drop rows with NaN or infinite x, y, z first). */
	TOO_FEW("too few localizations"),
	/** All localizations on one point or one line: no area, so no shape to classify. */
	ZERO_EXTENT("zero extent"),
	NON_FINITE("non-finite coordinates"),
	/** A ready volume whose voxels are all zero (ModelNet10 holds 8 of these). */
	EMPTY_VOLUME("empty volume"),
	NON_FINITE_VOLUME("non-finite voxel values");

	/**
	 * The fewest localizations a structure needs. Ten: the smallest demo structure has 336 and the real
	 * particles in ../shared/data about 100 (DNA-origami, NUP107), so no real structure comes near it, while
	 * below it a 30^3 grid holds a handful of occupied voxels, the spherical-cap fit needs 8 points and
	 * `segment` does not start a cluster with fewer than 10 (its default min points).
	 */
	public static final int MIN_LOCALIZATIONS = 10;

	private final String text;

	StructureStatus(String text) {
		this.text = text;
	}

	/** The words written in the status column. */
	public String text() {
		return text;
	}

	public static StructureStatus of(Structure s) {
		if (s.hasVolume()) {
			boolean any = false;
			for (float v : s.volume().data()) {
				if (!Float.isFinite(v)) return NON_FINITE_VOLUME;
				if (v != 0) any = true;
			}
			return any ? OK : EMPTY_VOLUME;
		}
		double[] p = s.points();
		for (double v : p)
			if (!Double.isFinite(v)) return NON_FINITE;
		if (s.size() < MIN_LOCALIZATIONS) return TOO_FEW;
		int flat = 0;
		for (int d = 0; d < 3; d++) {
			double lo = p[d], hi = p[d];
			for (int i = d; i < p.length; i += 3) {
				lo = Math.min(lo, p[i]);
				hi = Math.max(hi, p[i]);
			}
			if (hi == lo) flat++;
		}
		// One flat axis is a 2D table (z = 0) and fine; two or three leave a line or a point.
		return flat >= 2 ? ZERO_EXTENT : OK;
	}
}
