package io.github.clathrin.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ThunderStormCsvWriter;
import io.github.clathrin.structures.CsvRecords;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Writes a segmentation in the layouts the rest of Clathrin reads: a folder of one ThunderSTORM CSV per
 * structure, or one table with an {@code roi} column, plus {@code segments.csv} listing every cluster
 * and why it was kept or not, which file it went to, and the settings of the run. Every file is written
 * atomically, and a new segmentation into the same folder replaces exactly the files the last one recorded.
 */
public final class SegmentFiles {

	/** The summary file next to the structures. */
	public static final String SUMMARY = "segments.csv";

	/** The roi column of the one-table layout, numbered like the keys' suffix. */
	public static final String ROI = "roi";

	/** The folder of one CSV per structure, and the one table of the other layout, inside the output folder. */
	public static final String STRUCTURES = "structures", TABLE = "structures.csv";

	/** The column of {@link #SUMMARY} that names the file each kept cluster went to, relative to the output folder. */
	public static final String FILE_COLUMN = "file";

	private SegmentFiles() {}

	/**
	 * Writes a segmentation into {@code dir} (structures and {@link #SUMMARY}) so that afterwards the
	 * structures there are exactly this run's: files an earlier segmentation recorded in its summary and this
	 * run does not write again are removed; files the tool did not write are never touched, and a user's file
	 * where this run would write one is refused before anything changes. The new files are built in a
	 * temporary folder first; the old ones go before the new summary is written, so that at every moment
	 * each structure file the tool left there is one its summary names.
	 *
	 * @return the files written, relative to {@code dir}
	 */
	public static List<String> save(Path dir, Segmenter.Segmentation segmentation, SegmentConfig config,
		boolean oneTable, Progress progress) throws IOException
	{
		Files.createDirectories(dir);
		Set<String> earlier = recordedFiles(dir.resolve(SUMMARY));
		Map<String, String> fileOfKey = new LinkedHashMap<>();
		for (Structure s : segmentation.structures())
			fileOfKey.put(s.key(), oneTable ? TABLE : STRUCTURES + "/" + s.key() + ".csv");
		Set<String> files = new LinkedHashSet<>(fileOfKey.values());
		for (String f : files) {
			Path target = dir.resolve(f);
			if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !earlier.contains(f))
				throw new InputException(target + ": exists and was not written by a segmentation recorded in " + dir
					.resolve(SUMMARY) + "; move it away or choose another output folder (nothing was written)");
		}
		AtomicFiles.removeStaleTemporaries(dir.resolve(STRUCTURES));
		Path tmp = AtomicFiles.temporarySibling(dir.resolve(STRUCTURES));
		try {
			Files.createDirectory(tmp);
			if (oneTable) writeTable(tmp.resolve(TABLE), segmentation);
			else writeStructures(tmp, segmentation, progress);
			progress.checkCancelled(); // the last moment at which the earlier segmentation is still whole
			boolean hadFolder = false;
			for (String f : earlier) {
				if (files.contains(f)) continue; // replaced below
				Path old = inside(dir, f);
				// Only files: a summary edited by hand must not make us empty a folder.
				if (old != null && (Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(old))
					&& Files.deleteIfExists(old) && f.startsWith(STRUCTURES + "/")) hadFolder = true;
			}
			if (hadFolder && oneTable) deleteIfEmpty(dir.resolve(STRUCTURES));
			writeSummary(dir.resolve(SUMMARY), segmentation.clusters(), config, fileOfKey);
			if (!oneTable) Files.createDirectories(dir.resolve(STRUCTURES));
			for (String f : files) {
				Path from = tmp.resolve(oneTable ? TABLE : f.substring(STRUCTURES.length() + 1));
				try {
					Files.move(from, dir.resolve(f), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException e) {
					Files.move(from, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		finally {
			deleteTemporary(tmp);
		}
		return List.copyOf(files);
	}

	/**
	 * The files an earlier segmentation wrote into the folder of {@code summary}, relative to it: its
	 * {@value #FILE_COLUMN} column, or for a summary from before that column, {@code structures/<key>.csv}.
	 * Nothing when there is no summary or it is not ours.
	 */
	static Set<String> recordedFiles(Path summary) throws IOException {
		Set<String> files = new LinkedHashSet<>();
		if (!Files.isRegularFile(summary)) return files;
		// Lenient decoding: a summary saved again by a spreadsheet in another encoding still names its files.
		List<String> lines = new String(Files.readAllBytes(summary), StandardCharsets.UTF_8).lines().toList();
		if (lines.isEmpty()) return files;
		List<String> header = CsvRecords.splitLine(lines.get(0));
		int file = header.indexOf(FILE_COLUMN), key = header.indexOf("key");
		if (!header.contains("cluster") || (file < 0 && key < 0)) return files;
		for (String line : lines.subList(1, lines.size())) {
			List<String> f = CsvRecords.splitLine(line);
			String name = file >= 0 ? (file < f.size() ? f.get(file) : "")
				: (key < f.size() && !f.get(key).isEmpty() ? STRUCTURES + "/" + f.get(key) + ".csv" : "");
			if (!name.isEmpty()) files.add(name);
		}
		return files;
	}

	/** {@code relative} inside {@code dir}, or null if it points outside (a summary edited by hand). */
	private static Path inside(Path dir, String relative) {
		Path base = dir.toAbsolutePath().normalize();
		Path p = base.resolve(relative).normalize();
		return p.startsWith(base) && !p.equals(base) ? p : null;
	}

	private static void deleteIfEmpty(Path folder) {
		try {
			Files.deleteIfExists(folder);
		}
		catch (IOException e) {
			// not empty: the user's files stay
		}
	}

	/** Removes the temporary folder; what cannot be removed now goes with the next run's stale temporaries. */
	private static void deleteTemporary(Path tmp) {
		if (!Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) return;
		try (Stream<Path> list = Files.list(tmp)) {
			for (Path p : (Iterable<Path>) list::iterator) Files.deleteIfExists(p);
			Files.deleteIfExists(tmp);
		}
		catch (IOException e) {
			// left for AtomicFiles.removeStaleTemporaries
		}
	}

	/**
	 * One {@code <key>.csv} per kept structure in {@code dir}, with every column of the segmented table (frame,
	 * photons, precision...), not only x, y, z.
	 */
	public static void writeStructures(Path dir, Segmenter.Segmentation segmentation, Progress progress)
		throws IOException
	{
		int[][] rows = keptRows(segmentation);
		int i = 0;
		for (Segmenter.Cluster c : segmentation.clusters()) {
			if (c.key() == null) continue;
			progress.checkCancelled();
			Path file = dir.resolve(c.key() + ".csv");
			ThunderStormCsvWriter.write(file, rowsOf(file, segmentation.table(), rows[c.id()], null));
			progress.report("Writing structures", ++i, segmentation.structures().size());
		}
	}

	/**
	 * All kept structures in one table, with every column of the segmented table and an roi column, the number
	 * at the end of each key (a column of the source called roi gives way to it).
	 */
	public static void writeTable(Path file, Segmenter.Segmentation segmentation) throws IOException {
		int[][] rows = keptRows(segmentation);
		int n = 0;
		for (Segmenter.Cluster c : segmentation.clusters()) if (c.key() != null) n += rows[c.id()].length;
		int[] all = new int[n];
		double[] roi = new double[n];
		int at = 0;
		for (Segmenter.Cluster c : segmentation.clusters()) {
			if (c.key() == null) continue;
			double number = roiNumber(c.key());
			for (int r : rows[c.id()]) {
				roi[at] = number;
				all[at++] = r;
			}
		}
		ThunderStormCsvWriter.write(file, rowsOf(file, segmentation.table(), all, roi));
	}

	/** The table rows of each kept cluster, in table order, by cluster id (null for a rejected cluster). */
	private static int[][] keptRows(Segmenter.Segmentation s) {
		int[][] rows = new int[s.clusters().size()][];
		for (Segmenter.Cluster c : s.clusters()) if (c.key() != null) rows[c.id()] = new int[c.size()];
		int[] fill = new int[rows.length];
		int[] labels = s.labels();
		for (int r = 0; r < labels.length; r++) {
			int c = labels[r];
			if (c >= 0 && rows[c] != null) rows[c][fill[c]++] = r;
		}
		return rows;
	}

	/**
	 * The given rows of every column of {@code source}, z = 0 added after y for a 2D table (as the structures
	 * have it), and the roi column when given.
	 */
	private static LocalizationTable rowsOf(Path file, LocalizationTable source, int[] rows, double[] roi) {
		LocalizationTable.Builder b = LocalizationTable.builder(file, "csv");
		for (LocalizationTable.Column c : source.columns()) {
			if (roi != null && c.name().equalsIgnoreCase(ROI)) continue;
			double[] v = new double[rows.length];
			for (int i = 0; i < rows.length; i++) v[i] = c.values()[rows[i]];
			b.column(c.name(), c.unit(), v);
			if (c.name().equalsIgnoreCase(LocalizationTable.Y) && !source.is3D()) b.column(LocalizationTable.Z, "nm",
				new double[rows.length]);
		}
		if (roi != null) b.column(ROI, "", roi);
		return b.build();
	}

	/**
	 * One row per cluster: id, key (empty when rejected), size, bounding box, extent, verdict, the file it was
	 * written to (empty when rejected), and the settings that found it (the same on every row, so that a
	 * spreadsheet filter keeps them).
	 */
	public static void writeSummary(Path file, List<Segmenter.Cluster> clusters, SegmentConfig config,
		Map<String, String> fileOfKey) throws IOException
	{
		StringBuilder s = new StringBuilder("cluster,key,localizations,x_min,x_max,y_min,y_max,z_min,z_max,extent_nm,"
			+ "verdict," + FILE_COLUMN + ",eps_nm,min_points,min_size,max_size,max_extent_nm\n");
		String settings = String.format(Locale.ROOT, ",%s,%d,%d,%d,%s", number(config.eps()), config.minPoints(),
			config.minSize(), config.maxSize(), number(config.maxExtent()));
		for (Segmenter.Cluster c : clusters) {
			s.append(c.id()).append(',').append(c.key() == null ? "" : csvField(c.key())).append(',').append(c.size());
			for (int a = 0; a < 3; a++)
				s.append(String.format(Locale.ROOT, ",%.1f,%.1f", c.min()[a], c.max()[a]));
			s.append(String.format(Locale.ROOT, ",%.1f,", c.extent())).append(c.verdict().words()).append(',')
				.append(c.key() == null ? "" : csvField(fileOfKey.getOrDefault(c.key(), ""))).append(settings).append('\n');
		}
		AtomicFiles.write(file, out -> out.write(s.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static String number(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}

	private static String csvField(String s) {
		return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
	}


	/** The n of "cell-n"; keys come from {@link Segmenter}, so the suffix is always a number. */
	static double roiNumber(String key) {
		return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
	}
}
