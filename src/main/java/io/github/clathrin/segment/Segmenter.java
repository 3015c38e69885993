package io.github.clathrin.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;

/**
 * Cuts a whole-cell localization table into candidate structures: DBSCAN, then size and extent filters
 * that drop clusters too small, too crowded or too wide to be one clathrin structure. Kept structures
 * are keyed {@code <table name>-<n>}, n counting kept clusters from 1 in order of their first row.
 */
public final class Segmenter {

	/** Why a cluster was kept or not. */
	public enum Verdict {
		KEPT, TOO_FEW, TOO_MANY, TOO_WIDE;

		/** Lower-case words for CSV files and reports. */
		public String words() {
			return name().toLowerCase(Locale.ROOT).replace('_', ' ');
		}
	}

	/**
	 * One DBSCAN cluster with its size, bounding box in nm and verdict.
	 *
	 * @param key the structure key when kept, otherwise null
	 */
	public record Cluster(int id, String key, int size, double[] min, double[] max, Verdict verdict) {

		/** Largest extent along any axis, in nm. */
		public double extent() {
			return Math.max(max[0] - min[0], Math.max(max[1] - min[1], max[2] - min[2]));
		}
	}

	/** Counts for the report. */
	public record Summary(int localizations, int noise, int found, int kept, int tooFew, int tooMany, int tooWide) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%d clusters found in %d localizations (%d noise), %d kept; rejected: "
				+ "%d too few localizations, %d too many, %d too wide", found, localizations, noise, kept, tooFew, tooMany,
				tooWide);
		}
	}

	/**
	 * Kept structures, every cluster, the summary, the DBSCAN label of each row (-1 for noise), and the table
	 * segmented, whose other columns (frame, photons, precision...) the structure files keep.
	 */
	public record Segmentation(StructureSet structures, List<Cluster> clusters, Summary summary, int[] labels,
		LocalizationTable table) {}

	private final SegmentConfig config;

	public Segmenter(SegmentConfig config) {
		this.config = config;
	}

	public SegmentConfig config() {
		return config;
	}

	/** The table's file name without extension, the usual prefix of its structure keys. */
	public static String name(LocalizationTable table) {
		if (table.source() == null || table.source().getFileName() == null) return "table";
		String name = table.source().getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	public Segmentation segment(LocalizationTable table, Progress progress) {
		return segment(table, name(table), progress);
	}

	public Segmentation segment(LocalizationTable table, String name, Progress progress) {
		if (progress == null) progress = Progress.NONE;
		double[] x = table.x(), y = table.y(), z = table.z();
		Dbscan.Result result = new Dbscan(config.eps(), config.minPoints()).cluster(x, y, z, progress);
		int[] labels = result.labels();
		int k = result.clusters();
		int[] size = new int[k];
		double[] box = new double[6 * k];
		for (int c = 0; c < k; c++) {
			for (int a = 0; a < 3; a++) {
				box[6 * c + a] = Double.POSITIVE_INFINITY;
				box[6 * c + 3 + a] = Double.NEGATIVE_INFINITY;
			}
		}
		int noise = 0;
		for (int r = 0; r < labels.length; r++) {
			int c = labels[r];
			if (c < 0) {
				noise++;
				continue;
			}
			size[c]++;
			grow(box, c, 0, x[r]);
			grow(box, c, 1, y[r]);
			grow(box, c, 2, z == null ? 0 : z[r]);
		}

		// Kept clusters get their points in one more pass, placed by a running offset per cluster.
		List<Cluster> clusters = new ArrayList<>(k);
		int[] keptIndex = new int[k];
		double[][] points = new double[k][];
		int kept = 0, tooFew = 0, tooMany = 0, tooWide = 0;
		for (int c = 0; c < k; c++) {
			double[] min = { box[6 * c], box[6 * c + 1], box[6 * c + 2] };
			double[] max = { box[6 * c + 3], box[6 * c + 4], box[6 * c + 5] };
			Cluster probe = new Cluster(c, null, size[c], min, max, Verdict.KEPT);
			Verdict v = size[c] < config.minSize() ? Verdict.TOO_FEW
				: size[c] > config.maxSize() ? Verdict.TOO_MANY
				: probe.extent() > config.maxExtent() ? Verdict.TOO_WIDE : Verdict.KEPT;
			keptIndex[c] = -1;
			switch (v) {
				case TOO_FEW -> tooFew++;
				case TOO_MANY -> tooMany++;
				case TOO_WIDE -> tooWide++;
				case KEPT -> {
					keptIndex[c] = kept++;
					points[c] = new double[3 * size[c]];
				}
			}
			clusters.add(new Cluster(c, v == Verdict.KEPT ? name + "-" + kept : null, size[c], min, max, v));
		}
		int[] fill = new int[k];
		for (int r = 0; r < labels.length; r++) {
			int c = labels[r];
			if (c < 0 || points[c] == null) continue;
			double[] p = points[c];
			p[fill[c]++] = x[r];
			p[fill[c]++] = y[r];
			p[fill[c]++] = z == null ? 0 : z[r];
		}
		List<Structure> structures = new ArrayList<>(kept);
		String source = String.valueOf(table.source());
		for (Cluster c : clusters)
			if (c.verdict() == Verdict.KEPT) structures.add(new Structure(c.key(), source, points[c.id()], null));
		List<String> warnings = new ArrayList<>(table.warnings());
		if (!table.is3D()) warnings.add(source + ": 2D table: z set to 0 (3D data expected)");
		Summary summary = new Summary(labels.length, noise, k, kept, tooFew, tooMany, tooWide);
		return new Segmentation(new StructureSet(structures, warnings), clusters, summary, labels, table);
	}

	private static void grow(double[] box, int c, int axis, double v) {
		box[6 * c + axis] = Math.min(box[6 * c + axis], v);
		box[6 * c + 3 + axis] = Math.max(box[6 * c + 3 + axis], v);
	}
}
