package io.github.clathrin.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.task.Progress;

/**
 * Turns localizations into a super-resolution image: a 2D histogram (each localization adds one to the
 * pixel it falls in) or a Gaussian rendering (each spreads a normalised Gaussian of its precision), coloured
 * by z or by density, flat or as a z-stack ({@link #render}). Rows with a non-finite x or y are left out.
 * One pass over the table, with no allocation per localization.
 */
public final class Renderer {

	/**
	 * Columns that hold a localization's lateral precision in nm, by the names readers give them
	 * (ThunderSTORM 3D and 2D, SMAP, others), first found wins; a column whose unit is not nm (Picasso's lpx
	 * is in camera pixels) is not used.
	 */
	public static final List<String> PRECISION_COLUMNS = List.of("uncertainty_xy", "uncertainty", "locprecnm",
		"precision_xy", "precision", "localization_precision");

	/** Localizations between progress reports and cancel checks. */
	private static final int CHUNK = 1 << 16;

	private static final GaussianKernels KERNELS = new GaussianKernels();

	private Renderer() {}

	/** {minX, minY, maxX, maxY} of the table's finite x, y in nm; null when there are none. */
	private static double[] extent(LocalizationTable table) {
		double[] x = table.x(), y = table.y();
		double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
			minX = Math.min(minX, x[i]);
			maxX = Math.max(maxX, x[i]);
			minY = Math.min(minY, y[i]);
			maxY = Math.max(maxY, y[i]);
		}
		return minX > maxX ? null : new double[] { minX, minY, maxX, maxY };
	}

	/** The grid of {@code pixelNm} pixels covering the table's finite x, y (one pixel for an empty table). */
	public static ImageGrid gridFor(LocalizationTable table, double pixelNm) {
		double[] e = extent(table);
		if (e == null) return new ImageGrid(0, 0, pixelNm, 1, 1);
		return ImageGrid.covering(e[0], e[1], e[2], e[3], pixelNm);
	}

	/** The 2D histogram of the table's localizations on its own grid of {@code pixelNm} pixels. */
	public static Rendering histogram(LocalizationTable table, double pixelNm) {
		return histogram(table.x(), table.y(), gridFor(table, pixelNm));
	}

	/** The 2D histogram of (x, y) in nm on {@code grid}; points off the grid are left out. */
	public static Rendering histogram(double[] x, double[] y, ImageGrid grid) {
		int w = grid.width(), h = grid.height();
		float[] pixels = new float[w * h];
		for (int i = 0; i < x.length; i++) {
			double c = grid.column(x[i]), r = grid.row(y[i]);
			if (!(c >= 0 && r >= 0 && c < w && r < h)) continue; // also NaN
			pixels[(int) r * w + (int) c]++;
		}
		return new Rendering(grid, pixels);
	}

	/**
	 * Renders the table as {@code options} say: the grid covers every localization (the z range does not move
	 * it, so slices and renderings with different ranges line up), localizations outside the z range are left
	 * out, and with several z slices each slice is the density of its part of the range.
	 */
	public static CellRendering render(LocalizationTable table, RenderOptions options, Progress progress) {
		double[] x = table.x(), y = table.y(), z = table.z();
		ImageGrid grid = gridFor(table, Double.isNaN(options.pixelNm()) ? automaticPixel(table) : options.pixelNm());
		double zMin = Double.NaN, zMax = Double.NaN;
		if (z != null) {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (double v : z)
				if (Double.isFinite(v)) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
			zMin = Double.isNaN(options.zMin()) ? lo : options.zMin();
			zMax = Double.isNaN(options.zMax()) ? hi : options.zMax();
			if (!(zMin < zMax)) { // one z plane, or a range beyond the data: keep a range of 1 nm around it
				double mid = Double.isFinite(zMin) ? zMin : 0;
				zMin = mid - 0.5;
				zMax = mid + 0.5;
			}
		}
		int slices = z == null ? 1 : options.zSlices();
		boolean byZ = z != null && options.colourBy() == RenderOptions.ColourBy.Z && slices == 1;
		int n = grid.width() * grid.height();
		float[][] density = new float[slices][n];
		float[] zSum = byZ ? new float[n] : null;

		boolean gaussian = options.method() == RenderOptions.Method.GAUSSIAN;
		double[] precision = null;
		String sigma = "";
		if (gaussian) {
			LocalizationTable.Column column = Double.isNaN(options.sigmaNm()) ? precisionColumn(table) : null;
			if (column != null) {
				precision = column.values();
				sigma = "sigma from " + column.name() + " (each localization's precision)";
			}
			else sigma = String.format(Locale.ROOT, "sigma %s nm%s", number(sigmaNm(options)), Double.isNaN(options
				.sigmaNm()) ? " (no precision column in the table)" : "");
		}
		int constantSigmaIndex = GaussianKernels.sigmaIndex(sigmaNm(options) / grid.pixelNm());

		String stage = "Rendering " + (table.source() == null ? "localizations" : table.source().getFileName());
		double inv = 1 / grid.pixelNm(), ox = grid.originX(), oy = grid.originY(), sliceScale = slices / (zMax - zMin);
		int w = grid.width(), h = grid.height();
		float[] k = KERNELS.weights();
		long drawn = 0;
		for (int start = 0; start < x.length; start += CHUNK) {
			progress.report(stage, start, x.length);
			progress.checkCancelled();
			int end = Math.min(x.length, start + CHUNK);
			for (int i = start; i < end; i++) {
				double c = (x[i] - ox) * inv, r = (y[i] - oy) * inv;
				if (!(c >= 0 && r >= 0 && c < w && r < h)) continue; // also NaN
				int s = 0;
				float zi = 0;
				if (z != null) {
					double zv = z[i];
					if (!(zv >= zMin && zv <= zMax)) continue;
					s = Math.min(slices - 1, (int) ((zv - zMin) * sliceScale));
					zi = (float) zv;
				}
				drawn++;
				int ix = (int) c, iy = (int) r;
				float[] d = density[s];
				if (!gaussian) {
					d[iy * w + ix]++;
					if (byZ) zSum[iy * w + ix] += zi;
					continue;
				}
				int si = precision == null ? constantSigmaIndex
					: GaussianKernels.sigmaIndex(precision[i] * inv);
				int rad = KERNELS.radius(si);
				int kx = GaussianKernels.centre(si, (int) ((c - ix) * GaussianKernels.OFFSETS));
				int ky = GaussianKernels.centre(si, (int) ((r - iy) * GaussianKernels.OFFSETS));
				// The kernel clipped to the image (whole inside the image for all but the border's localizations).
				int x0 = Math.max(-rad, -ix), x1 = Math.min(rad, w - 1 - ix);
				int y0 = Math.max(-rad, -iy), y1 = Math.min(rad, h - 1 - iy);
				for (int dy = y0; dy <= y1; dy++) {
					float wy = k[ky + dy];
					int row = (iy + dy) * w + ix;
					if (byZ) {
						float wz = wy * zi;
						for (int dx = x0; dx <= x1; dx++) {
							float wx = k[kx + dx];
							d[row + dx] += wy * wx;
							zSum[row + dx] += wz * wx;
						}
					}
					else for (int dx = x0; dx <= x1; dx++) d[row + dx] += wy * k[kx + dx];
				}
			}
		}
		progress.report(stage, x.length, x.length);
		List<Rendering> images = new ArrayList<>(slices);
		for (float[] d : density) images.add(new Rendering(grid, d));
		int[] rgb = byZ ? ZColours.colour(density[0], zSum, zMin, zMax) : null;
		return new CellRendering(grid, images, zMin, zMax, rgb, drawn, x.length, sigma);
	}

	/** The default pixel for this table: {@link RenderOptions#automaticPixel} of the wider side of its x, y extent. */
	public static double automaticPixel(LocalizationTable table) {
		double[] e = extent(table);
		return RenderOptions.automaticPixel(e == null ? 0 : Math.max(e[2] - e[0], e[3] - e[1]));
	}

	/** The table's column of localization precision in nm ({@link #PRECISION_COLUMNS}), or null. */
	public static LocalizationTable.Column precisionColumn(LocalizationTable table) {
		for (String name : PRECISION_COLUMNS) {
			LocalizationTable.Column c = table.column(name);
			if (c != null && (c.unit().isEmpty() || c.unit().equalsIgnoreCase("nm"))) return c;
		}
		return null;
	}

	private static double sigmaNm(RenderOptions options) {
		return Double.isNaN(options.sigmaNm()) ? RenderOptions.DEFAULT_SIGMA_NM : options.sigmaNm();
	}

	private static String number(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
	}
}
