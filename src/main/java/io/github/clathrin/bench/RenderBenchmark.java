package io.github.clathrin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.render.CellRendering;
import io.github.clathrin.render.RenderOptions;
import io.github.clathrin.render.Renderer;
import io.github.clathrin.render.RenderingWriter;
import io.github.clathrin.task.Progress;

/**
 * The rendering benchmark: the import benchmark's generated ThunderSTORM 3D table (uniform over a 41 x 41 um
 * field, with uncertainty_xy of 5-25 nm) read once and rendered as {@code clathrin render} does, each way
 * timed (best of 3 after a warm-up run), written as TIFF and PNG, with the process's peak resident memory.
 * Run alone, so that the peak is this pipeline's. The table stays in the scratch folder, for timing
 * {@code clathrin render} itself on it.
 */
public final class RenderBenchmark {

	private final long rows;
	private final Path workDir;
	private final Progress progress;

	public RenderBenchmark(long rows, Path workDir, Progress progress) {
		if (rows < 1 || rows > Integer.MAX_VALUE) throw new IllegalArgumentException("rows must be between 1 and "
			+ Integer.MAX_VALUE + ", got " + rows);
		this.rows = rows;
		this.workDir = workDir;
		this.progress = progress;
	}

	/** The generated table's path for {@code rows} rows in {@code workDir}. */
	public static Path table(Path workDir, long rows) {
		return workDir.resolve("render-" + rows + ".csv");
	}

	/** Runs the benchmark and returns its Markdown section. */
	public String run() throws IOException {
		Files.createDirectories(workDir);
		Path csv = table(workDir, rows);
		if (!Files.exists(csv) || Files.size(csv) == 0) {
			progress.report("Writing a " + rows + "-row CSV", 0, 1);
			SyntheticCsv.write(csv, rows, 42);
		}
		long t = System.nanoTime();
		LocalizationTable table = LocalizationReaders.read(csv, ReadOptions.DEFAULT, progress);
		double read = seconds(t);

		double pixel = Renderer.automaticPixel(table);
		var grid = Renderer.gridFor(table, pixel);
		StringBuilder md = new StringBuilder("## Rendering\n\n");
		md.append(String.format(Locale.ROOT, "The import benchmark's generated ThunderSTORM 3D CSV: %,d rows (%.0f MB), "
			+ "uniform over a 40.96 x 40.96 um field, z -600 to 600 nm, uncertainty_xy 5-25 nm; read in %.2f s. Each "
			+ "rendering at the default pixel (%.0f nm, so %d x %d pixels), one thread, best of 3 after a warm-up run.%n%n",
			rows, Files.size(csv) / 1e6, read, pixel, grid.width(), grid.height()));
		md.append("| rendering | seconds | localizations/s |\n|---|---|---|\n");
		CellRendering last = null;
		for (Object[] way : new Object[][] {
			{ "Gaussian, sigma from uncertainty_xy, coloured by z (the default)", RenderOptions.DEFAULT },
			{ "Gaussian, coloured by density", RenderOptions.DEFAULT.withColourBy(RenderOptions.ColourBy.DENSITY) },
			{ "histogram, coloured by z", RenderOptions.DEFAULT.withMethod(RenderOptions.Method.HISTOGRAM) },
			{ "Gaussian z-stack of 10 slices", RenderOptions.DEFAULT.withZ(Double.NaN, Double.NaN, 10) } })
		{
			RenderOptions options = (RenderOptions) way[1];
			double best = Double.POSITIVE_INFINITY;
			for (int run = 0; run < 4; run++) {
				t = System.nanoTime();
				CellRendering r = Renderer.render(table, options, progress);
				if (run > 0) best = Math.min(best, seconds(t));
				if (options == RenderOptions.DEFAULT) last = r;
			}
			md.append(String.format(Locale.ROOT, "| %s | %.2f | %,.0f |%n", way[0], best, rows / best));
		}
		RenderingWriter writer = RenderingWriter.find();
		Path tif = workDir.resolve("render.tif"), png = workDir.resolve("render.png");
		t = System.nanoTime();
		writer.write(tif, "render", last);
		double writeTif = seconds(t);
		t = System.nanoTime();
		writer.write(png, "render", last);
		double writePng = seconds(t);
		md.append(String.format(Locale.ROOT, "%nWriting the default rendering: TIFF %.2f s (%.0f MB), PNG with scale bar "
			+ "and colour bar %.2f s. Peak resident memory (VmHWM) of the whole run: %s (max heap %.1f GB), most of it "
			+ "the table's 12 columns of doubles (%.2f GB).%n", writeTif, Files.size(tif) / 1e6, writePng,
			DeepBenchmarks.peakRss(), Runtime.getRuntime().maxMemory() / 1e9, rows * 12 * 8 / 1e9));
		Files.deleteIfExists(tif);
		Files.deleteIfExists(png);
		return md.toString();
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
