package io.github.clathrin.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * The whole-cell benchmark: a generated table of coats on a jittered grid plus uniform background,
 * read, segmented with DBSCAN at the default settings and classified with a PCA model, each step timed,
 * with the process's peak resident memory at the end. Run alone, so that the peak is this pipeline's.
 */
public final class SegmentationBenchmark {

	/** Localizations per generated coat and the share of rows that are background. */
	static final int PER_COAT = 500;
	static final double BACKGROUND = 0.2, SPACING = 1500, DEPTH = 600;

	private final long rows;
	private final Path workDir;
	private final Progress progress;

	public SegmentationBenchmark(long rows, Path workDir, Progress progress) {
		if (rows < PER_COAT || rows > Integer.MAX_VALUE) throw new IllegalArgumentException("rows must be between "
			+ PER_COAT + " and " + Integer.MAX_VALUE + ", got " + rows);
		this.rows = rows;
		this.workDir = workDir;
		this.progress = progress;
	}

	/** Runs the benchmark and returns its Markdown section. */
	public String run() throws IOException {
		Files.createDirectories(workDir);
		Path csv = workDir.resolve("whole-cell-" + rows + ".csv");
		try {
			progress.report("Writing a " + rows + "-row whole-cell CSV", 0, 1);
			int coats = write(csv, rows, 7);
			double mb = Files.size(csv) / 1e6;
			progress.report("Training a PCA model", 0, 1);
			Model model = Training.train(new ClathrinSimulator(SimulationConfig.defaults().withCounts(200, 100))
				.simulate(progress).toStructureSet(), new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(), "svm", 1),
				progress);

			long t = System.nanoTime();
			LocalizationTable table = LocalizationReaders.read(csv, ReadOptions.DEFAULT, progress);
			double read = seconds(t);
			t = System.nanoTime();
			Segmenter.Segmentation s = new Segmenter(SegmentConfig.DEFAULT).segment(table, progress);
			double segment = seconds(t);
			table = null; // the structures hold their own points; let the table go before classifying
			t = System.nanoTime();
			List<Classification.Prediction> predictions = Classification.classify(model, s.structures(), progress);
			double classify = seconds(t);
			if (predictions.size() != s.structures().size()) throw new IllegalStateException("classified "
				+ predictions.size() + " of " + s.structures().size());

			StringBuilder md = new StringBuilder("## Whole-cell segmentation\n\n");
			md.append(String.format(Locale.ROOT, "A generated ThunderSTORM 3D CSV of %,d rows (%.0f MB): %,d coats of %d "
				+ "localizations on a %.0f nm grid, %.0f%% uniform background. DBSCAN eps %.0f nm, min points %d, sizes "
				+ "%d-%d, max extent %.0f nm; classified with a PCA + SVM model trained on 200 simulated structures. "
				+ "One run each.%n%n", rows, mb, coats, PER_COAT, SPACING, 100 * BACKGROUND, SegmentConfig.DEFAULT.eps(),
				SegmentConfig.DEFAULT.minPoints(), SegmentConfig.DEFAULT.minSize(), SegmentConfig.DEFAULT.maxSize(),
				SegmentConfig.DEFAULT.maxExtent()));
			md.append("| step | seconds | rows/s |\n|---|---|---|\n");
			md.append(step("read (`LocalizationReaders`)", read));
			md.append(step("segment (DBSCAN + filters)", segment));
			md.append(String.format(Locale.ROOT, "| classify %,d structures | %.2f | %,.0f structures/s |%n",
				predictions.size(), classify, predictions.size() / classify));
			md.append(step("total", read + segment + classify));
			md.append(String.format(Locale.ROOT, "%nSegmentation: %s. Peak resident memory (VmHWM) of the whole run: %s "
				+ "(max heap %.1f GB).%n", s.summary(), DeepBenchmarks.peakRss(), Runtime.getRuntime().maxMemory() / 1e9));
			return md.toString();
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}

	private String step(String name, double seconds) {
		return String.format(Locale.ROOT, "| %s | %.2f | %,.0f |%n", name, seconds, rows / seconds);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * Writes coats (hollow spheres of radius 60-100 nm with 10 nm localization error, one per grid
	 * node, jittered) and uniform background; returns the number of coats.
	 */
	static int write(Path file, long rows, long seed) throws IOException {
		SplittableRandom r = new SplittableRandom(seed);
		int coats = (int) (rows * (1 - BACKGROUND) / PER_COAT);
		int side = (int) Math.ceil(Math.sqrt(coats));
		double field = side * SPACING;
		byte[] line = new byte[128];
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			out.write("\"id\",\"frame\",\"x [nm]\",\"y [nm]\",\"z [nm]\"\n".getBytes(StandardCharsets.US_ASCII));
			long id = 1;
			for (int c = 0; c < coats; c++) {
				double cx = (c % side + 0.5) * SPACING + r.nextDouble(-200, 200);
				double cy = (c / side + 0.5) * SPACING + r.nextDouble(-200, 200);
				double cz = r.nextDouble(-200, 200), radius = r.nextDouble(60, 100);
				for (int i = 0; i < PER_COAT; i++, id++) {
					// A uniform direction from three Gaussians, then the radius plus localization error.
					double ux = r.nextGaussian(), uy = r.nextGaussian(), uz = r.nextGaussian();
					double norm = Math.sqrt(ux * ux + uy * uy + uz * uz);
					double rad = radius + 10 * r.nextGaussian();
					row(out, line, id, cx + ux / norm * rad + 10 * r.nextGaussian(), cy + uy / norm * rad + 10 * r.nextGaussian(),
						cz + uz / norm * rad + 10 * r.nextGaussian());
				}
			}
			for (; id <= rows; id++)
				row(out, line, id, r.nextDouble() * field, r.nextDouble() * field, r.nextDouble(-DEPTH, DEPTH));
		}
		return coats;
	}

	private static void row(OutputStream out, byte[] line, long id, double x, double y, double z) throws IOException {
		int n = 0;
		n = text(line, n, Long.toString(id));
		n = text(line, n, Long.toString(1 + id / 1000));
		n = tenths(line, n, x);
		n = tenths(line, n, y);
		n = tenths(line, n, z);
		line[n - 1] = '\n';
		out.write(line, 0, n);
	}

	private static int text(byte[] b, int n, String s) {
		for (int i = 0; i < s.length(); i++) b[n++] = (byte) s.charAt(i);
		b[n++] = ',';
		return n;
	}

	/** One decimal without String.format, which would dominate writing ten million rows. */
	private static int tenths(byte[] b, int n, double v) {
		long q = Math.round(v * 10);
		if (q < 0) {
			b[n++] = '-';
			q = -q;
		}
		n = text(b, n, Long.toString(q / 10)) - 1;
		b[n++] = '.';
		b[n++] = (byte) ('0' + q % 10);
		b[n++] = ',';
		return n;
	}
}
