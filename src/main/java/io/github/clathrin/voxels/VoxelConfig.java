package io.github.clathrin.voxels;

import java.util.Locale;

/**
 * How a structure becomes a volume: grid size, the box in nm around the structure's centre, how the
 * centre is chosen, and what a voxel holds. The same record feeds the dialogs, the CLI and the model
 * file, so a model always voxelizes new data exactly as it was trained.
 *
 * @param nx grid size along x (voxels)
 * @param ny grid size along y
 * @param nz grid size along z
 * @param halfX half the box width along x in nm (the box spans centre - halfX to centre + halfX)
 * @param halfY half the box width along y in nm
 * @param halfZ half the box width along z in nm
 * @param centring where the box is centred
 * @param binary true: a voxel is 1 if any localization falls in it (after the threshold), else 0;
 *          false: a voxel holds the localization count
 * @param percentile counts at or below this percentile of the non-empty voxels' counts are zeroed
 *          (the study used 99.1 on counts); NaN for no threshold
 * @param pose how the structure is turned before voxelization (see {@link CanonicalPose})
 */
public record VoxelConfig(int nx, int ny, int nz, double halfX, double halfY, double halfZ,
	Centring centring, boolean binary, double percentile, Pose pose)
{
	/** The study's settings: 30^3 grid, 400 x 400 x 1400 nm box, bounding-box centre, binary, no threshold. */
	public static final VoxelConfig DEFAULT = new VoxelConfig(30, 30, 30, 200, 200, 700,
		Centring.BOUNDING_BOX, true, Double.NaN);

	/** Where the box is centred. */
	public enum Centring {
		/** Centre of the axis-aligned bounding box of the localizations (as in the study). */
		BOUNDING_BOX,
		/** Mean of the localizations: robust to a few far outliers. */
		CENTROID;

		public static Centring parse(String s) {
			String t = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
			if (t.equals("BBOX") || t.equals("BOX")) return BOUNDING_BOX;
			return valueOf(t);
		}
	}

	/** How a structure is turned before voxelization, so that its volume does not depend on its orientation. */
	public enum Pose {
		/** As measured (the study's choice; right for aligned data such as ModelNet10). */
		NONE,
		/** Principal axes of the localizations on x, y, z, largest spread first (see {@link CanonicalPose}). */
		PRINCIPAL_AXES,
		/** Principal axes within the xy plane only: z stays the optical axis. */
		Z_AXES;

		/** Reads none, principal-axes or z-axes (case and - or _ do not matter). */
		public static Pose parse(String s) {
			String t = (s == null ? "" : s).trim().toUpperCase(Locale.ROOT).replace('-', '_');
			for (Pose p : values())
				if (p.name().equals(t)) return p;
			throw new IllegalArgumentException("pose must be none, principal-axes or z-axes, got '" + s + "'");
		}

		/** The spelling {@link #parse} reads and the CLI shows: none, principal-axes, z-axes. */
		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	/** Without a pose: the structure is voxelized as measured. */
	public VoxelConfig(int nx, int ny, int nz, double halfX, double halfY, double halfZ, Centring centring, boolean binary,
		double percentile)
	{
		this(nx, ny, nz, halfX, halfY, halfZ, centring, binary, percentile, Pose.NONE);
	}

	public VoxelConfig {
		if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz > 256L * 256 * 256)
			throw new IllegalArgumentException("grid must be 1 to 256 voxels per axis, got " + nx + "x" + ny + "x" + nz);
		if (!(halfX > 0) || !(halfY > 0) || !(halfZ > 0) || Double.isInfinite(halfX + halfY + halfZ))
			throw new IllegalArgumentException("box half-sizes must be positive nm, got " + halfX + ", " + halfY + ", " + halfZ);
		if (centring == null) throw new IllegalArgumentException("centring is required");
		if (!Double.isNaN(percentile) && !(percentile >= 0 && percentile < 100))
			throw new IllegalArgumentException("percentile threshold must be in [0, 100), got " + percentile);
		if (pose == null) throw new IllegalArgumentException("pose is required (Pose.NONE for none)");
	}

	/** The same settings with another pose. */
	public VoxelConfig withPose(Pose p) {
		return new VoxelConfig(nx, ny, nz, halfX, halfY, halfZ, centring, binary, percentile, p);
	}

	public int voxelCount() {
		return nx * ny * nz;
	}
}
