package io.github.clathrin.structures;

/**
 * One cropped structure: its point cloud, the key that names it in labels files and results, where it
 * came from, and its class label if a person gave one.
 *
 * @param key structure key: file name (folders), ROI value or frame number (tables)
 * @param source the file it was read from (for messages)
 * @param points x, y, z of each localization in nm, interleaved (length 3n)
 * @param label class name, or null when unlabelled
 */
public record Structure(String key, String source, double[] points, String label) {

	public Structure {
		if (points.length % 3 != 0)
			throw new IllegalArgumentException("points must hold x,y,z triples");
	}

	public int size() {
		return points.length / 3;
	}

	public boolean isLabelled() {
		return label != null;
	}

	public Structure withLabel(String newLabel) {
		return new Structure(key, source, points, newLabel);
	}
}
