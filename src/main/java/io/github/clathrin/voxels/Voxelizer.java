package io.github.clathrin.voxels;

import java.util.Arrays;


/**
 * Turns a point cloud into a {@link Volume} on the grid and box of a {@link VoxelConfig}, counting the
 * localizations that fall outside the box instead of dropping them silently. The configured pose is
 * applied by {@link #pose} and not inside {@link #voxelize}, so that callers keep the posed points with
 * the volume and augmentation can still turn posed points.
 */
public final class Voxelizer {

	/**
	 * A voxelized structure.
	 *
	 * @param volume the voxels (counts or 0/1 as configured)
	 * @param outside number of localizations outside the box, so callers can warn about a box that is too small
	 */
	public record Voxelized(Volume volume, int outside) {}

	private final VoxelConfig config;

	public Voxelizer(VoxelConfig config) {
		if (config == null) throw new IllegalArgumentException("voxel config is required");
		this.config = config;
	}

	public VoxelConfig config() {
		return config;
	}

	/**
	 * The points turned into the configured {@link VoxelConfig#pose() pose} about their centre of mass (a
	 * new array), or the same array for {@link VoxelConfig.Pose#NONE}. Voxelize the result.
	 */
	public double[] pose(double[] points) {
		if (config.pose() == VoxelConfig.Pose.NONE) return points;
		return CanonicalPose.of(points, config.pose()).apply(points);
	}

	/** Voxelizes x,y,z triples in nm (interleaved) as they are; an empty array gives an all-zero volume. */
	public Voxelized voxelize(double[] points) {
		return voxelize(points, 0, 0, 0);
	}

	/**
	 * Voxelizes with the box moved by (dx, dy, dz) nm from where the centring puts it. Both centring
	 * modes move with the points, so translating the points alone never shows in the volume: to keep a
	 * translation t of the points (augmentation), pass -t here and the structure sits t off centre.
	 */
	public Voxelized voxelize(double[] points, double dx, double dy, double dz) {
		if (points.length % 3 != 0) throw new IllegalArgumentException("points must hold x,y,z triples");
		if (!Double.isFinite(dx) || !Double.isFinite(dy) || !Double.isFinite(dz))
			throw new IllegalArgumentException("box offset must be finite nm, got " + dx + ", " + dy + ", " + dz);
		int nx = config.nx(), ny = config.ny(), nz = config.nz();
		float[] voxels = new float[config.voxelCount()];
		int n = points.length / 3;
		if (n == 0) return new Voxelized(new Volume(nx, ny, nz, voxels), 0);

		double[] c = centre(points);
		double x0 = c[0] + dx - config.halfX(), y0 = c[1] + dy - config.halfY(), z0 = c[2] + dz - config.halfZ();
		// Multiply by the inverse voxel size: one division per axis instead of per point.
		double sx = nx / (2 * config.halfX()), sy = ny / (2 * config.halfY()), sz = nz / (2 * config.halfZ());
		int outside = 0;
		for (int i = 0; i < points.length; i += 3) {
			double fx = (points[i] - x0) * sx, fy = (points[i + 1] - y0) * sy, fz = (points[i + 2] - z0) * sz;
			// Compare before casting: a cast maps -0.5 and NaN to 0 and would pull such points into the box.
			if (!(fx >= 0 && fy >= 0 && fz >= 0 && fx < nx && fy < ny && fz < nz)) {
				outside++;
				continue;
			}
			int ix = (int) fx, iy = (int) fy, iz = (int) fz;
			voxels[ix + nx * (iy + ny * iz)]++;
		}
		if (!Double.isNaN(config.percentile())) applyThreshold(voxels, config.percentile());
		if (config.binary()) {
			for (int i = 0; i < voxels.length; i++)
				if (voxels[i] > 0) voxels[i] = 1;
		}
		return new Voxelized(new Volume(nx, ny, nz, voxels), outside);
	}

	/**
	 * Where the box is centred for these points (x, y, z in nm) under the configured centring; non-finite
	 * points are skipped (they count as outside when voxelizing), and no finite point gives the origin.
	 * Augmentation rotates about this point.
	 */
	public double[] centre(double[] p) {
		if (p.length % 3 != 0) throw new IllegalArgumentException("points must hold x,y,z triples");
		boolean centroid = config.centring() == VoxelConfig.Centring.CENTROID;
		double[] sum = new double[3];
		double[] min = { Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY };
		double[] max = { Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY };
		int n = 0;
		for (int i = 0; i < p.length; i += 3) {
			if (!Double.isFinite(p[i] + p[i + 1] + p[i + 2])) continue;
			n++;
			for (int d = 0; d < 3; d++) {
				sum[d] += p[i + d];
				min[d] = Math.min(min[d], p[i + d]);
				max[d] = Math.max(max[d], p[i + d]);
			}
		}
		double[] c = new double[3];
		if (n == 0) return c;
		for (int d = 0; d < 3; d++) c[d] = centroid ? sum[d] / n : 0.5 * (min[d] + max[d]);
		return c;
	}

	/**
	 * Zeroes counts at or below the given percentile of the non-empty voxels' counts, with NumPy's
	 * default (linear) percentile so thresholds match the study's Python code.
	 */
	static void applyThreshold(float[] voxels, double percentile) {
		int m = 0;
		for (float v : voxels)
			if (v > 0) m++;
		if (m == 0) return;
		float[] counts = new float[m];
		int j = 0;
		for (float v : voxels)
			if (v > 0) counts[j++] = v;
		Arrays.sort(counts);
		double threshold = percentileOfSorted(counts, percentile);
		for (int i = 0; i < voxels.length; i++)
			if (voxels[i] <= threshold) voxels[i] = 0;
	}

	/** Linear interpolation between closest ranks, as numpy.percentile does by default. */
	static double percentileOfSorted(float[] sorted, double percentile) {
		double rank = percentile / 100 * (sorted.length - 1);
		int lo = (int) Math.floor(rank);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
	}
}
