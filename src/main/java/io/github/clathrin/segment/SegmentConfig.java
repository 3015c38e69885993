package io.github.clathrin.segment;

/**
 * How to cut a whole-cell table into candidate structures: DBSCAN's eps and minimum points, then which
 * clusters are plausible clathrin structures by their number of localizations and extent. One record
 * for the dialog, the command and the CLI, checked here.
 *
 * @param eps DBSCAN neighbourhood radius in nm
 * @param minPoints neighbours (the point included) that make a core point
 * @param minSize fewest localizations of a kept structure
 * @param maxSize most localizations of a kept structure
 * @param maxExtent largest extent (max - min) in nm along any axis of a kept structure
 */
public record SegmentConfig(double eps, int minPoints, int minSize, int maxSize, double maxExtent)
	implements java.io.Serializable
{

	public static final double DEFAULT_EPS = 50;
	public static final int DEFAULT_MIN_POINTS = 10;
	public static final int DEFAULT_MIN_SIZE = 30;
	public static final int DEFAULT_MAX_SIZE = 5000;
	public static final double DEFAULT_MAX_EXTENT = 500;

	public static final SegmentConfig DEFAULT = new SegmentConfig(DEFAULT_EPS, DEFAULT_MIN_POINTS, DEFAULT_MIN_SIZE,
		DEFAULT_MAX_SIZE, DEFAULT_MAX_EXTENT);

	public SegmentConfig {
		if (!(eps > 0) || !Double.isFinite(eps))
			throw new IllegalArgumentException("eps must be a positive number of nm, got " + eps);
		if (minPoints < 1) throw new IllegalArgumentException("min points must be at least 1, got " + minPoints);
		if (minSize < 1) throw new IllegalArgumentException("min size must be at least 1, got " + minSize);
		if (maxSize < minSize)
			throw new IllegalArgumentException("max size " + maxSize + " is below min size " + minSize);
		if (!(maxExtent > 0))
			throw new IllegalArgumentException("max extent must be a positive number of nm, got " + maxExtent);
	}
}
