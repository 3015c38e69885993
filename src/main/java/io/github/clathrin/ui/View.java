package io.github.clathrin.ui;

/**
 * Where the camera looks from: a rotation (row-major 3x3 matrix applied to structure coordinates, so
 * that the viewer looks along -z of the rotated frame with y up) and a zoom factor (1 fits the
 * structure into the image).
 */
public record View(double[] rotation, double zoom) {

	/** From the side and a little above, z up, so that a cap's curvature shows and a flat lattice is a line. */
	public static final View DEFAULT = ofAngles(25, -80, 1);

	/** Straight down the optical axis (the z axis points at the viewer). */
	public static final View TOP = ofAngles(0, 0, 1);

	/** The xy plane: x to the right, y up, looking down the optical axis (the same as {@link #TOP}). */
	public static final View XY = TOP;

	/** The xz plane: x to the right, z up, looking along y. */
	public static final View XZ = ofAngles(0, -90, 1);

	/** The yz plane: y to the right, z up, looking along x. */
	public static final View YZ = ofAngles(-90, -90, 1);

	public View {
		if (rotation == null || rotation.length != 9) throw new IllegalArgumentException("rotation must be 3x3");
		if (!(zoom > 0) || Double.isInfinite(zoom)) throw new IllegalArgumentException("zoom must be positive, got " + zoom);
		rotation = rotation.clone();
	}

	/**
	 * A view turned by {@code yawDeg} about the vertical screen axis, after tilting by {@code pitchDeg}
	 * about the horizontal screen axis (pitch -90 looks at the structure from the side, z up).
	 */
	public static View ofAngles(double yawDeg, double pitchDeg, double zoom) {
		return new View(multiply(rotationX(pitchDeg), rotationZ(yawDeg)), zoom);
	}

	/** This view turned further about the screen's vertical (yaw) and horizontal (pitch) axes. */
	public View rotatedBy(double yawDeg, double pitchDeg) {
		return new View(multiply(rotationX(pitchDeg), multiply(rotationY(yawDeg), rotation)), zoom);
	}

	/** The camera direction of {@code other} with this view's zoom: switching xy / xz / yz keeps the zoom. */
	public View lookingAs(View other) {
		return new View(other.rotation, zoom);
	}

	public View zoomedBy(double factor) {
		return new View(rotation, Math.max(0.05, Math.min(50, zoom * factor)));
	}

	@Override
	public double[] rotation() {
		return rotation.clone();
	}

	/** Rotation about the x axis (screen horizontal). */
	static double[] rotationX(double deg) {
		double c = Math.cos(Math.toRadians(deg)), s = Math.sin(Math.toRadians(deg));
		return new double[] { 1, 0, 0, 0, c, -s, 0, s, c };
	}

	/** Rotation about the y axis (screen vertical). */
	static double[] rotationY(double deg) {
		double c = Math.cos(Math.toRadians(deg)), s = Math.sin(Math.toRadians(deg));
		return new double[] { c, 0, s, 0, 1, 0, -s, 0, c };
	}

	/** Rotation about the z axis (optical axis). */
	static double[] rotationZ(double deg) {
		double c = Math.cos(Math.toRadians(deg)), s = Math.sin(Math.toRadians(deg));
		return new double[] { c, -s, 0, s, c, 0, 0, 0, 1 };
	}

	static double[] multiply(double[] a, double[] b) {
		double[] m = new double[9];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				m[3 * r + c] = a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c];
		return m;
	}
}
