package io.github.clathrin.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;

/**
 * What one classified cell holds: structures per predicted class, their density per um^2 of the cell's area
 * and the median closing angle of each class's fitted caps. The cell's area is the area of the pixels that hold
 * at least one localization when the whole table is rendered at {@code pixelNm} (coarse pixels, a few hundred
 * nm, give the cell's footprint; fine ones only the area the localizations themselves cover).
 *
 * @param cell the cell's name (its table's file name)
 * @param localizations rows of the table
 * @param pixelNm the pixel size the area was measured at
 * @param areaUm2 the cell's area in um^2
 * @param structures structures classified or not
 * @param noClass structures that got no class (their status is not ok)
 * @param outsideTraining structures with a class but outside the model's training range
 * @param classNames the model's classes
 * @param counts structures predicted as each class
 * @param angles the fitted closing angles (deg) of each class's structures, sorted
 */
public record CellSummary(String cell, int localizations, double pixelNm, double areaUm2, int structures,
	int noClass, int outsideTraining, List<String> classNames, int[] counts, List<double[]> angles)
	implements java.io.Serializable
{
	/** The default pixel size (nm) at which a cell's area is measured: about the size of a clathrin pit. */
	public static final double DEFAULT_AREA_PIXEL = 250;

	/** Counts the predictions of one cell, {@code caps} in their order (null entries or all null: no angles). */
	public static CellSummary of(String cell, LocalizationTable table, List<Classification.Prediction> predictions,
		List<CapFit.Result> caps, List<String> classNames, double pixelNm)
	{
		int[] counts = new int[classNames.size()];
		List<List<Double>> angles = new ArrayList<>();
		for (int c = 0; c < counts.length; c++) angles.add(new ArrayList<>());
		int noClass = 0, outside = 0;
		for (int i = 0; i < predictions.size(); i++) {
			Classification.Prediction p = predictions.get(i);
			if (!p.hasClass()) {
				noClass++;
				continue;
			}
			if (p.isOutsideTraining()) outside++;
			int c = classNames.indexOf(p.predicted());
			counts[c]++;
			CapFit.Result cap = caps == null ? null : caps.get(i);
			if (cap != null && cap.isFitted()) angles.get(c).add(cap.closingAngleDeg());
		}
		List<double[]> sorted = angles.stream().map(a -> a.stream().mapToDouble(Double::doubleValue).sorted().toArray())
			.toList();
		return new CellSummary(cell, table.rowCount(), pixelNm, area(table, pixelNm), predictions.size(), noClass,
			outside, List.copyOf(classNames), counts, sorted);
	}

	/** The area in um^2 of the pixels of {@code pixelNm} that hold at least one of the table's localizations. */
	public static double area(LocalizationTable table, double pixelNm) {
		Rendering r;
		try {
			r = Renderer.histogram(table, pixelNm);
		}
		catch (IllegalArgumentException e) {
			throw new InputException(table.source() + ": cannot measure the cell's area: " + e.getMessage(), e);
		}
		long lit = 0;
		for (float v : r.pixels()) if (v > 0) lit++;
		return lit * pixelNm * pixelNm / 1e6;
	}

	/** Structures of class c per um^2 of the cell. */
	public double density(int c) {
		return counts[c] / areaUm2;
	}

	/** The median closing angle (deg) of class c's fitted caps; NaN when none was fitted. */
	public double medianAngle(int c) {
		return median(angles.get(c));
	}

	/** The median of sorted values: the middle one, or the mean of the middle two; NaN for none. */
	public static double median(double[] sorted) {
		int n = sorted.length;
		if (n == 0) return Double.NaN;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** The CSV header for cells of these classes. */
	public static String header(List<String> classNames) {
		StringBuilder sb = new StringBuilder("cell,localizations,area_pixel_nm,area_um2,structures,no_class,"
			+ "outside_training,structures_per_um2");
		for (String c : classNames) {
			String n = c.replaceAll("[,\"\\s]+", "_");
			sb.append(",count_").append(n).append(",per_um2_").append(n).append(",median_closing_angle_deg_").append(n);
		}
		return sb.toString();
	}

	/** This cell's CSV row. */
	public String row() {
		StringBuilder sb = new StringBuilder(cell.matches("[^,\"\\r\\n]*") ? cell : "\"" + cell.replace("\"", "\"\"")
			+ "\"");
		sb.append(',').append(localizations).append(',').append(number(pixelNm)).append(',').append(String.format(Locale
			.ROOT, "%.3f", areaUm2)).append(',').append(structures).append(',').append(noClass).append(',')
			.append(outsideTraining).append(',').append(String.format(Locale.ROOT, "%.4f", Arrays.stream(counts).sum()
				/ areaUm2));
		for (int c = 0; c < counts.length; c++) {
			double m = medianAngle(c);
			sb.append(',').append(counts[c]).append(',').append(String.format(Locale.ROOT, "%.4f", density(c)))
				.append(',').append(Double.isNaN(m) ? "" : String.format(Locale.ROOT, "%.1f", m));
		}
		return sb.toString();
	}

	/** Writes one row per cell (all of the same classes), atomically. */
	public static void write(Path file, List<CellSummary> cells) throws IOException {
		if (cells.isEmpty()) throw new IllegalArgumentException("no cells");
		StringBuilder sb = new StringBuilder(header(cells.get(0).classNames())).append('\n');
		for (CellSummary c : cells) {
			if (!c.classNames().equals(cells.get(0).classNames()))
				throw new IllegalArgumentException(c.cell() + " has other classes");
			sb.append(c.row()).append('\n');
		}
		AtomicFiles.write(file, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/** A few lines for the report. */
	public String report() {
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Cell %s: %d structures on %.1f um^2 (pixels of "
			+ "%s nm holding localizations), %.3f per um^2", cell, structures, areaUm2, number(pixelNm),
			Arrays.stream(counts).sum() / areaUm2));
		if (noClass > 0) sb.append(", ").append(noClass).append(" without a class");
		sb.append('\n');
		for (int c = 0; c < counts.length; c++) {
			double m = medianAngle(c);
			sb.append(String.format(Locale.ROOT, "  %s: %d (%.3f per um^2)%s%n", classNames.get(c), counts[c], density(c),
				Double.isNaN(m) ? "" : String.format(Locale.ROOT, ", median closing angle %.0f deg", m)));
		}
		return sb.toString();
	}

	private static String number(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
