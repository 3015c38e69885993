package io.github.clathrin.structures;

/**
 * Where a structure lies and how large it is, from its localizations: count, centroid, bounding box and
 * extent per axis, in the units of its points (nm). What a person needs to find a structure back in its cell.
 *
 * @param localizations number of localizations (0 for a ready volume, whose other values are NaN)
 * @param centroid mean x, y, z
 * @param min smallest x, y, z
 * @param max largest x, y, z
 */
public record StructureGeometry(int localizations, double[] centroid, double[] min, double[] max) {

	/** The geometry of a structure's points; NaN values for one without points (a ready volume). */
	public static StructureGeometry of(Structure s) {
		double[] p = s.points();
		int n = p == null ? 0 : p.length / 3;
		double[] sum = new double[3], min = new double[3], max = new double[3];
		for (int a = 0; a < 3; a++) {
			min[a] = n == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
			max[a] = n == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
		}
		for (int i = 0; i < n; i++)
			for (int a = 0; a < 3; a++) {
				double v = p[3 * i + a];
				sum[a] += v;
				min[a] = Math.min(min[a], v);
				max[a] = Math.max(max[a], v);
			}
		double[] centroid = new double[3];
		for (int a = 0; a < 3; a++) centroid[a] = n == 0 ? Double.NaN : sum[a] / n;
		return new StructureGeometry(n, centroid, min, max);
	}

	/** Largest minus smallest along an axis (0 = x, 1 = y, 2 = z). */
	public double extent(int axis) {
		return max[axis] - min[axis];
	}
}
