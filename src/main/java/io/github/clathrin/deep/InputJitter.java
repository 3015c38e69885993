package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random changes to the training inputs made when a batch is built, for volumes that are already
 * voxelized (such as ModelNet10, whose objects are aligned: mirroring the left-right axis and shifting
 * by a voxel or two keep an object what it is, which rotations would not). Mirroring and shifting change
 * the input and an autoencoder's target alike; corruption changes only the input, which turns an
 * autoencoder into a denoising one. Validation and encoding see the volumes unchanged, except that
 * test-time augmentation ({@link ConvClassifier3D}) averages over the same mirrors.
 *
 * @param mirrorX mirror x in half of the samples, at random
 * @param mirrorY mirror y likewise
 * @param mirrorZ mirror z likewise
 * @param shift largest shift along each axis in voxels (uniform in -shift..shift; voxels shifted out are lost)
 * @param noise share of the input voxels corrupted (0 for none)
 * @param noiseType how a corrupted voxel changes
 */
public record InputJitter(boolean mirrorX, boolean mirrorY, boolean mirrorZ, int shift, double noise, Noise noiseType) {

	/** How corruption changes a voxel. */
	public enum Noise {
		/** Set to 0 ("dropout" or masking noise). */
		DROPOUT,
		/** Set to 0 or 1 with equal odds ("salt-pepper"). */
		SALT_PEPPER;

		String label() {
			return this == DROPOUT ? "dropout" : "salt-pepper";
		}
	}

	static final Set<String> OPTIONS = Set.of("mirror", "shift", "noise", "noiseType");

	/** No jitter. */
	public static final InputJitter NONE = new InputJitter(false, false, false, 0, 0, Noise.DROPOUT);

	public InputJitter {
		if (shift < 0) throw new IllegalArgumentException("shift must be at least 0 voxels, got " + shift);
		if (!(noise >= 0 && noise < 1)) throw new IllegalArgumentException("noise must be a share in [0, 1), got " + noise);
		if (noiseType == null) throw new IllegalArgumentException("noiseType is required");
	}

	/**
	 * Options: mirror (axes mirrored at random, e.g. "z" or "x,y"; default none), shift (voxels, 0),
	 * noise (share of corrupted input voxels, 0) and noiseType ("dropout" or "salt-pepper").
	 */
	static InputJitter fromOptions(DeepOptions o) {
		String axes = o.axes("mirror");
		String type = o.choice("noiseType", "dropout", List.of("dropout", "salt-pepper"));
		return new InputJitter(axes.contains("x"), axes.contains("y"), axes.contains("z"), o.intValue("shift", 0, 0),
			o.doubleValue("noise", 0, 0, true, 1, false), type.equals("dropout") ? Noise.DROPOUT : Noise.SALT_PEPPER);
	}

	boolean mirrors() {
		return mirrorX || mirrorY || mirrorZ;
	}

	/** Whether inputs are mirrored or shifted (corruption aside). */
	boolean moves() {
		return mirrors() || shift > 0;
	}

	/** The mirrored axes as the option spells them, e.g. "xz"; empty for none. */
	String mirrorAxes() {
		return (mirrorX ? "x" : "") + (mirrorY ? "y" : "") + (mirrorZ ? "z" : "");
	}

	/** One sample's random mirror and shift. */
	Transform draw(Random random) {
		boolean fx = mirrorX && random.nextBoolean(), fy = mirrorY && random.nextBoolean(), fz = mirrorZ && random.nextBoolean();
		int dx = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
		int dy = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
		int dz = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
		return new Transform(fx, fy, fz, dx, dy, dz);
	}

	/** Every combination of the mirrored axes, the identity first: the copies test-time augmentation averages. */
	List<Transform> allMirrors() {
		List<Transform> out = new ArrayList<>();
		for (int bits = 0; bits < 8; bits++) {
			boolean fx = (bits & 1) != 0, fy = (bits & 2) != 0, fz = (bits & 4) != 0;
			if ((fx && !mirrorX) || (fy && !mirrorY) || (fz && !mirrorZ)) continue;
			out.add(new Transform(fx, fy, fz, 0, 0, 0));
		}
		return out;
	}

	/** Corrupts the given share of the values in place. */
	void corrupt(float[] data, Random random) {
		if (noise == 0) return;
		for (int i = 0; i < data.length; i++)
			if (random.nextDouble() < noise) data[i] = noiseType == Noise.DROPOUT || random.nextBoolean() ? 0 : 1;
	}

	void putOptions(Map<String, Object> m) {
		if (mirrors()) m.put("mirror", mirrorAxes());
		if (shift > 0) m.put("shift", shift);
		if (noise > 0) {
			m.put("noise", noise);
			m.put("noiseType", noiseType.label());
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "mirror %s, shift %d, noise %s %s", mirrors() ? mirrorAxes() : "none", shift, noise,
			noiseType.label());
	}

	/**
	 * Mirror then shift of one volume: output voxel (x, y, z) is input voxel (x - dx, ...) after
	 * mirroring, or 0 where that falls outside the grid.
	 */
	record Transform(boolean mirrorX, boolean mirrorY, boolean mirrorZ, int dx, int dy, int dz) {

		static final Transform IDENTITY = new Transform(false, false, false, 0, 0, 0);

		boolean isIdentity() {
			return equals(IDENTITY);
		}

		/** Writes the transformed src (nx * ny * nz, x fastest) into dst at offset. */
		void apply(float[] src, int nx, int ny, int nz, float[] dst, int offset) {
			for (int z = 0; z < nz; z++) {
				int sz = z - dz;
				if (sz < 0 || sz >= nz) continue;
				if (mirrorZ) sz = nz - 1 - sz;
				for (int y = 0; y < ny; y++) {
					int sy = y - dy;
					if (sy < 0 || sy >= ny) continue;
					if (mirrorY) sy = ny - 1 - sy;
					int row = (sz * ny + sy) * nx, out = offset + (z * ny + y) * nx;
					for (int x = 0; x < nx; x++) {
						int sx = x - dx;
						if (sx < 0 || sx >= nx) continue;
						dst[out + x] = src[row + (mirrorX ? nx - 1 - sx : sx)];
					}
				}
			}
		}
	}
}
