package io.github.clathrin.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ThunderStormCsvWriter;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.Progress;

/**
 * Writes a segmentation in the layouts the rest of Clathrin reads: a folder of one ThunderSTORM CSV per
 * structure, or one table with an {@code roi} column, plus {@code segments.csv} listing every cluster
 * and why it was kept or not. Every file is written atomically.
 */
public final class SegmentFiles {

	/** The summary file next to the structures. */
	public static final String SUMMARY = "segments.csv";

	/** The roi column of the one-table layout, numbered like the keys' suffix. */
	public static final String ROI = "roi";

	private SegmentFiles() {}

	/** One {@code <key>.csv} per kept structure in {@code dir}. */
	public static void writeStructures(Path dir, StructureSet structures, Progress progress) throws IOException {
		int i = 0;
		for (Structure s : structures) {
			progress.checkCancelled();
			ThunderStormCsvWriter.write(dir.resolve(s.key() + ".csv"), table(dir.resolve(s.key() + ".csv"), s.points(),
				null));
			progress.report("Writing structures", ++i, structures.size());
		}
	}

	/** All kept structures in one table whose roi column is the number at the end of each key. */
	public static void writeTable(Path file, StructureSet structures) throws IOException {
		int n = 0;
		for (Structure s : structures) n += s.size();
		double[] points = new double[3 * n];
		double[] roi = new double[n];
		int row = 0;
		for (Structure s : structures) {
			System.arraycopy(s.points(), 0, points, 3 * row, s.points().length);
			double number = roiNumber(s.key());
			for (int i = 0; i < s.size(); i++) roi[row++] = number;
		}
		ThunderStormCsvWriter.write(file, table(file, points, roi));
	}

	/** One row per cluster: id, key (empty when rejected), size, bounding box, extent, verdict. */
	public static void writeSummary(Path file, List<Segmenter.Cluster> clusters) throws IOException {
		StringBuilder s = new StringBuilder("cluster,key,localizations,x_min,x_max,y_min,y_max,z_min,z_max,extent_nm,verdict\n");
		for (Segmenter.Cluster c : clusters) {
			s.append(c.id()).append(',').append(c.key() == null ? "" : c.key()).append(',').append(c.size());
			for (int a = 0; a < 3; a++)
				s.append(String.format(Locale.ROOT, ",%.1f,%.1f", c.min()[a], c.max()[a]));
			s.append(String.format(Locale.ROOT, ",%.1f,", c.extent())).append(c.verdict().words()).append('\n');
		}
		AtomicFiles.write(file, out -> out.write(s.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/** The n of "cell-n"; keys come from {@link Segmenter}, so the suffix is always a number. */
	static double roiNumber(String key) {
		return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
	}

	private static LocalizationTable table(Path file, double[] points, double[] roi) {
		int n = points.length / 3;
		double[] x = new double[n], y = new double[n], z = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = points[3 * i];
			y[i] = points[3 * i + 1];
			z[i] = points[3 * i + 2];
		}
		LocalizationTable.Builder b = LocalizationTable.builder(file, "csv").column(LocalizationTable.X, "nm", x)
			.column(LocalizationTable.Y, "nm", y).column(LocalizationTable.Z, "nm", z);
		if (roi != null) b.column(ROI, "", roi);
		return b.build();
	}
}
