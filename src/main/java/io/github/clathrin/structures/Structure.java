package io.github.clathrin.structures;

import io.github.clathrin.voxels.Volume;

/**
 * One cropped structure: its point cloud or a ready-made volume, the key that names it in labels files
 * and results, where it came from, and its class label if a person gave one.
 *
 * @param key structure key: file name (folders), ROI value or frame number (tables), array index (.npy/.npz)
 * @param source the file it was read from (for messages)
 * @param points x, y, z of each localization in nm, interleaved (length 3n); empty for a ready volume
 * @param label class name, or null when unlabelled
 * @param volume a ready-made volume (TIFF stack, NumPy array) used instead of voxelizing the points, or
 *          null for a point cloud
 */
public record Structure(String key, String source, double[] points, String label, Volume volume) {

	private static final double[] NO_POINTS = {};

	public Structure {
		if (points == null) points = NO_POINTS;
		if (points.length % 3 != 0)
			throw new IllegalArgumentException("points must hold x,y,z triples");
	}

	/** A point cloud structure. */
	public Structure(String key, String source, double[] points, String label) {
		this(key, source, points, label, null);
	}

	/** A structure given as a ready volume, without localizations. */
	public static Structure ofVolume(String key, String source, Volume volume, String label) {
		if (volume == null) throw new IllegalArgumentException("volume is required");
		return new Structure(key, source, NO_POINTS, label, volume);
	}

	/** Number of localizations (0 for a ready volume). */
	public int size() {
		return points.length / 3;
	}

	public boolean isLabelled() {
		return label != null;
	}

	/** True when the structure is a ready volume that is used as is rather than voxelized. */
	public boolean hasVolume() {
		return volume != null;
	}

	public Structure withLabel(String newLabel) {
		return new Structure(key, source, points, newLabel, volume);
	}
}
