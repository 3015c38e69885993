package io.github.clathrin.datasets;

/**
 * The geometry of one simulated clathrin coat: a spherical cap whose surface area stays that of a closed
 * vesicle of radius {@code radiusNm} while it bends (the constant-area model of coat maturation).
 *
 * @param radiusNm radius of the vesicle the coat closes into, nm; the coat area is 4 pi radius^2
 * @param closingAngleDeg 0 = flat disk, 90 = hemisphere, 180 = closed vesicle
 * @param tiltDeg angle between the coat axis and the z axis
 * @param spinDeg direction of the tilt about z
 */
public record CoatShape(double radiusNm, double closingAngleDeg, double tiltDeg, double spinDeg) {

	/** Below this closing angle the cap is drawn as a flat disk (its sphere radius would overflow). */
	static final double FLAT_BELOW_DEG = 0.5;

	public CoatShape {
		if (!(radiusNm > 0) || !(closingAngleDeg >= 0 && closingAngleDeg <= 180) || !Double.isFinite(tiltDeg)
			|| !Double.isFinite(spinDeg))
			throw new IllegalArgumentException("bad coat shape " + radiusNm + " nm, " + closingAngleDeg + " deg");
	}

	public double areaNm2() {
		return 4 * Math.PI * radiusNm * radiusNm;
	}

	public boolean isFlat() {
		return closingAngleDeg < FLAT_BELOW_DEG;
	}

	/** Radius of the sphere the cap lies on: 2 pi r^2 (1 - cos theta) = area; infinite when flat. */
	public double curvatureRadiusNm() {
		if (isFlat()) return Double.POSITIVE_INFINITY;
		return radiusNm * Math.sqrt(2 / (1 - Math.cos(Math.toRadians(closingAngleDeg))));
	}

	/** Radius of the flat disk with the coat's area. */
	public double flatRadiusNm() {
		return 2 * radiusNm;
	}
}
