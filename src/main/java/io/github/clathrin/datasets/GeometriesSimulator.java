package io.github.clathrin.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.NpzWriter;

/**
 * Simulates the 2017 study's "Geometries" data set: solid cubes, diamonds (L1 balls) and spheres centred
 * in a voxel grid, of random size, with salt noise, in a balanced training and a balanced test split.
 */
public final class GeometriesSimulator {

	/** The class names, in class-id order. */
	public static final List<String> CLASSES = List.of("cube", "diamond", "sphere");

	public static final int CUBE = 0, DIAMOND = 1, SPHERE = 2;

	/** The file {@code simulate --kind geometries} writes. */
	public static final String FILE = "geometries.npz";

	/**
	 * One split: the volumes in C order (volume, z, y, x) as 0/1, their class ids, and the size each
	 * was drawn with (cube side or radius, in voxels).
	 */
	public record Split(int count, int grid, int[] volumes, long[] labels, int[] sizes) {

		/** The 0/1 voxels of volume {@code i} at (x, y, z). */
		public int voxel(int i, int x, int y, int z) {
			return volumes[((i * grid + z) * grid + y) * grid + x];
		}
	}

	/** Both splits and the settings that made them. */
	public record Dataset(GeometriesConfig config, Split train, Split test) {

		/**
		 * Writes the arrays X_train (N, g, g, g) int32, y_train int64, X_test, y_test, as ModelNet10's .npz
		 * holds them, so the volume readers load it with keys "train/i" and "test/i".
		 */
		public void write(Path file) throws IOException {
			NpzWriter.write(file, npz -> {
				for (String name : List.of("train", "test")) {
					Split s = name.equals("train") ? train : test;
					int g = s.grid();
					npz.int32("X_" + name, new int[] { s.count(), g, g, g }, s.volumes());
					npz.int64("y_" + name, new int[] { s.count() }, s.labels());
				}
			});
		}
	}

	private final GeometriesConfig config;

	public GeometriesSimulator(GeometriesConfig config) {
		this.config = config;
	}

	public Dataset simulate(Progress progress) {
		// One stream per split, so the test set does not change when the training count does.
		SplittableRandom master = new SplittableRandom(config.seed());
		SplittableRandom trainRandom = master.split(), testRandom = master.split();
		int total = config.train() + config.test();
		Split train = split(config.train(), trainRandom, progress, 0, total);
		Split test = split(config.test(), testRandom, progress, config.train(), total);
		return new Dataset(config, train, test);
	}

	private Split split(int n, SplittableRandom random, Progress progress, int done, int total) {
		int g = config.grid(), voxels = g * g * g;
		long[] labels = balancedLabels(n, random);
		int[] sizes = new int[n], volumes = new int[n * voxels];
		for (int i = 0; i < n; i++) {
			progress.checkCancelled();
			int cls = (int) labels[i];
			sizes[i] = cls == CUBE ? 2 * (1 + random.nextInt(config.maxSide() / 2)) : 2 + random.nextInt(config.maxRadius() - 1);
			fill(volumes, i * voxels, cls, sizes[i], random);
			if ((done + i + 1) % 50 == 0 || i == n - 1) progress.report("Simulating geometries", done + i + 1, total);
		}
		return new Split(n, g, volumes, labels, sizes);
	}

	/** Class ids as even as possible (counts differ by at most one), in random order. */
	private static long[] balancedLabels(int n, SplittableRandom random) {
		long[] labels = new long[n];
		for (int i = 0; i < n; i++) labels[i] = i % CLASSES.size();
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			long t = labels[i];
			labels[i] = labels[j];
			labels[j] = t;
		}
		return labels;
	}

	/**
	 * One solid shape; a voxel belongs to it when its centre does. Then salt noise. Even-sided cubes are
	 * centred on the grid centre (a voxel corner for even grids) so they sit symmetrically; diamonds and
	 * spheres on the central voxel (index g/2), as a radius measured from a voxel is the natural reading
	 * of "radius r" and it keeps a small diamond from being the same 8 voxels as a side-2 cube.
	 */
	private void fill(int[] volumes, int offset, int cls, int size, SplittableRandom random) {
		int g = config.grid();
		double c = cls == CUBE ? (g - 1) / 2.0 : g / 2, half = size / 2.0, r2 = (double) size * size;
		for (int z = 0, k = offset; z < g; z++) {
			double dz = Math.abs(z - c);
			for (int y = 0; y < g; y++) {
				double dy = Math.abs(y - c);
				for (int x = 0; x < g; x++, k++) {
					double dx = Math.abs(x - c);
					boolean inside = switch (cls) {
						case CUBE -> dx < half && dy < half && dz < half;
						case DIAMOND -> dx + dy + dz <= size;
						default -> dx * dx + dy * dy + dz * dz <= r2;
					};
					// Drawn for every voxel, inside or not, so the noise does not depend on the shape.
					boolean salt = random.nextDouble() < config.noise();
					volumes[k] = inside || salt ? 1 : 0;
				}
			}
		}
	}
}
