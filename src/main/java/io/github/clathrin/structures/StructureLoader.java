package io.github.clathrin.structures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.Mat5ParticlesReader;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Cuts localizations into structures: one file per structure in a folder, or one table grouped by an
 * ROI/group column (Insight3 files with one cropped structure per frame use the column "frame").
 *
 * <p>Structures may also be ready volumes: a NumPy {@code .npz}/{@code .npy} file of (N, z, y, x)
 * arrays, or 3D TIFF stacks ({@code .tif}, {@code .tiff}) in a folder, one structure per stack.
 *
 * <p>Keys: in a folder the key is the file name <em>with</em> its extension ("s0001.csv"), which is
 * unambiguous when "a.csv" and "a.bin" sit side by side; {@link Labels} also accepts the name without
 * extension. In a table the key is the group value, written as an integer when it is one ("12"). In a
 * NumPy file the key is the index in the array ("7"), prefixed by the split ("train/7") for the
 * ModelNet layout with arrays X_train and X_test.
 */
public final class StructureLoader {

	/** Localization file extensions read from a folder; other files there are skipped (with a warning). */
	public static final List<String> EXTENSIONS = List.of("csv", "txt", "tsv", "bin");

	/** The extensions of localization tables: the text and Insight3 ones, and those of plug-in readers. */
	public static List<String> tableExtensions() {
		List<String> out = new ArrayList<>(EXTENSIONS);
		for (String e : LocalizationReaders.folderExtensions())
			if (!out.contains(e)) out.add(e);
		return out;
	}

	/** Volume file extensions read from a folder, one 3D TIFF stack per structure. */
	public static final List<String> VOLUME_EXTENSIONS = ReadyVolumes.TIFF;

	/** The localization file extensions of text tables, which may also hold labels, notes or results. */
	private static final List<String> TEXT_EXTENSIONS = List.of("csv", "txt", "tsv");

	/** Skipped files named in a warning; more are counted. */
	private static final int NAMED = 10;

	/** MATLAB v5 files: ready volumes (3D ShapeNets) or cell arrays of particles (NUP107). */
	public static final String MAT = "mat";

	/** The group column of Insight3 files that hold one cropped structure per frame. */
	public static final String INSIGHT3_FRAME = "frame";

	private StructureLoader() {}

	/**
	 * A folder gives one structure per file; a file with a group column gives one structure per group;
	 * a file without one (null or blank) is a single structure. An .npz or .npy file gives one volume
	 * structure per array entry, a TIFF file one volume structure.
	 */
	public static StructureSet fromPath(Path input, String roiColumn, TableSource source, Progress progress)
		throws IOException
	{
		if (Files.isDirectory(input)) return fromFolder(input, source, progress);
		if (!Files.isRegularFile(input)) throw InputException.inFile(input, "no such file or folder");
		String ext = extension(input.getFileName().toString());
		if (ext.equals("npz")) return ReadyVolumes.fromNpz(input, progress);
		if (ext.equals("npy")) return ReadyVolumes.fromNpy(input, progress);
		if (ReadyVolumes.isTiff(ext))
			return new StructureSet(List.of(ReadyVolumes.fromTiff(input, input.getFileName().toString())));
		if (ext.equals(MAT)) {
			List<String> warnings = new ArrayList<>();
			return new StructureSet(fromMat(input, source, warnings), warnings);
		}
		LocalizationTable table = read(source, input);
		if (roiColumn == null || roiColumn.isBlank()) {
			List<String> warnings = new ArrayList<>(table.warnings());
			Structure s = toStructure(input.getFileName().toString(), table, warnings);
			return new StructureSet(List.of(s), warnings);
		}
		return fromTable(table, roiColumn);
	}

	public static StructureSet fromPath(Path input, String roiColumn, TableSource source) throws IOException {
		return fromPath(input, roiColumn, source, Progress.NONE);
	}

	/**
	 * One structure per file with a known extension, sorted by file name: localization files are read
	 * by {@code source}, TIFF stacks become volume structures. Files that are clearly no structure (other
	 * extensions, and text files that {@link LocalizationReaders#notLocalizations} recognises: a labels file,
	 * a README, this tool's results or segments.csv) are skipped with one warning that names them; a folder
	 * of nothing else is an error. A structure file that cannot be read stops the load with its name:
	 * silently dropping a structure would shift every later result.
	 */
	public static StructureSet fromFolder(Path dir, TableSource source, Progress progress) throws IOException {
		List<Path> files = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		try (Stream<Path> list = Files.list(dir)) {
			for (Path p : (Iterable<Path>) list.sorted()::iterator) {
				String name = p.getFileName().toString();
				if (name.startsWith(".") || !Files.isRegularFile(p)) continue;
				String ext = extension(name);
				String why = null;
				if (!readsAsStructure(name))
					why = ext.isEmpty() ? "no extension" : "." + ext + " files are not read";
				else if (TEXT_EXTENSIONS.contains(ext)) why = LocalizationReaders.notLocalizations(p);
				if (why == null) files.add(p);
				else skipped.add(name + " (" + why + ")");
			}
		}
		if (files.isEmpty())
			throw InputException.inFile(dir, "no structure files in this folder: expected localization files (."
				+ String.join(" .", EXTENSIONS) + " .mat"
				+ LocalizationReaders.folderExtensions().stream().map(e -> " ." + e).collect(Collectors.joining())
				+ ") or TIFF stacks (." + String.join(" .", VOLUME_EXTENSIONS)
				+ ")" + (skipped.isEmpty() ? ", found none" : ", found only " + names(skipped)));
		List<String> warnings = new ArrayList<>();
		if (!skipped.isEmpty())
			warnings.add(dir + ": skipped " + skipped.size() + (skipped.size() == 1 ? " file that holds" : " files that hold")
				+ " no structure: " + names(skipped));
		List<Structure> structures = new ArrayList<>(files.size());
		int flat = 0;
		for (int i = 0; i < files.size(); i++) {
			progress.checkCancelled();
			Path file = files.get(i);
			String name = file.getFileName().toString();
			if (ReadyVolumes.isTiff(extension(name))) {
				structures.add(ReadyVolumes.fromTiff(file, name));
				progress.report("Reading structures", i + 1, files.size());
				continue;
			}
			if (extension(name).equals(MAT)) {
				structures.addAll(fromMat(file, source, warnings));
				progress.report("Reading structures", i + 1, files.size());
				continue;
			}
			LocalizationTable table = read(source, file);
			for (String w : table.warnings()) warnings.add(file.getFileName() + ": " + w);
			if (!table.is3D()) flat++;
			structures.add(toStructure(file.getFileName().toString(), table, warnings));
			progress.report("Reading structures", i + 1, files.size());
		}
		if (flat > 0) warnings.add(flat + " of " + files.size() + " files are 2D: z set to 0 (3D data expected)");
		return new StructureSet(structures, warnings);
	}

	/**
	 * Whether {@link #fromFolder} takes a file of this name for a structure (by its extension; hidden
	 * files never). Output checks use the same rule, so that no output replaces or adds a structure.
	 */
	public static boolean readsAsStructure(String fileName) {
		if (fileName.startsWith(".")) return false;
		String ext = extension(fileName);
		return EXTENSIONS.contains(ext) || ReadyVolumes.isTiff(ext) || ext.equals(MAT)
			|| LocalizationReaders.folderExtensions().contains(ext); // a plug-in reader's format
	}

	public static StructureSet fromFolder(Path dir, TableSource source) throws IOException {
		return fromFolder(dir, source, Progress.NONE);
	}

	/**
	 * A MAT v5 file: one ready volume if it holds a 3D array (3D ShapeNets), else the particles of its
	 * cell array read by {@code source} (pixel size from the read options), one structure per cell
	 * element keyed "file.mat/1", "file.mat/2", ... as MATLAB counts.
	 */
	private static List<Structure> fromMat(Path file, TableSource source, List<String> warnings) {
		String name = file.getFileName().toString();
		Structure volume = ReadyVolumes.fromMat(file, name);
		if (volume != null) return List.of(volume);
		LocalizationTable table = read(source, file);
		if (table.column(Mat5ParticlesReader.PARTICLE) == null) return List.of(toStructure(name, table, warnings));
		StructureSet set = fromTable(table, Mat5ParticlesReader.PARTICLE);
		warnings.addAll(set.warnings());
		List<Structure> out = new ArrayList<>(set.size());
		for (Structure s : set.structures())
			out.add(new Structure(name + "/" + s.key(), s.source(), s.points(), s.label(), s.volume()));
		return out;
	}

	private static String names(List<String> skipped) {
		if (skipped.size() <= NAMED) return String.join(", ", skipped);
		return String.join(", ", skipped.subList(0, NAMED)) + " and " + (skipped.size() - NAMED) + " more";
	}

	/**
	 * Column names that often number the structures of one table (ROI exports, Insight3 frames, cluster
	 * ids), most likely first: suggested when a table read whole does not match its labels.
	 */
	public static final List<String> GROUP_COLUMNS = List.of("roi", "roi_id", "group", "group_id", "cluster",
		"cluster_id", "structure", "particle", "frame", "track", "trace", "id");

	/** The columns of {@code table} named like a group column, in the order of {@link #GROUP_COLUMNS}. */
	public static List<LocalizationTable.Column> groupColumns(LocalizationTable table) {
		List<LocalizationTable.Column> out = new ArrayList<>();
		for (String name : GROUP_COLUMNS)
			for (LocalizationTable.Column c : table.columns())
				if (c.name().equalsIgnoreCase(name) && !out.contains(c)) out.add(c);
		return out;
	}

	/** One structure per distinct value of the group column, in numeric order. */
	public static StructureSet fromTable(LocalizationTable table, String roiColumn) {
		LocalizationTable.Column column = table.column(roiColumn);
		if (column == null)
			throw InputException.inFile(table.source(), "no column '" + roiColumn
				+ "' to group structures by; the columns are: " + String.join(", ", table.columnNames()));
		List<String> warnings = new ArrayList<>(table.warnings());
		if (!table.is3D()) warnings.add(table.source() + ": 2D table: z set to 0 (3D data expected)");
		double[] groups = column.values();
		double[] distinct = distinctFinite(groups);
		if (groups.length - countFinite(groups) > 0)
			warnings.add(table.source() + ": skipped " + (groups.length - countFinite(groups))
				+ " rows without a " + column.name() + " value");

		// Counting sort by group index keeps this linear-ish and free of boxing on million-row tables.
		int[] groupOf = new int[groups.length];
		int[] counts = new int[distinct.length];
		for (int r = 0; r < groups.length; r++) {
			double v = groups[r] == 0 ? 0.0 : groups[r]; // -0.0 and 0.0 are one group
			groupOf[r] = Double.isFinite(v) ? Arrays.binarySearch(distinct, v) : -1;
			if (groupOf[r] >= 0) counts[groupOf[r]]++;
		}
		int[][] rows = new int[distinct.length][];
		for (int g = 0; g < distinct.length; g++) rows[g] = new int[counts[g]];
		int[] fill = new int[distinct.length];
		for (int r = 0; r < groups.length; r++)
			if (groupOf[r] >= 0) rows[groupOf[r]][fill[groupOf[r]]++] = r;

		List<Structure> structures = new ArrayList<>(distinct.length);
		String source = String.valueOf(table.source());
		int skipped = 0;
		for (int g = 0; g < distinct.length; g++) {
			double[] points = points(table, rows[g]);
			skipped += rows[g].length - points.length / 3;
			structures.add(new Structure(formatKey(distinct[g]), source, points, null));
		}
		if (skipped > 0) warnings.add(table.source() + ": skipped " + skipped + " rows with non-finite coordinates");
		return new StructureSet(structures, warnings);
	}

	/** "12" for 12.0, otherwise the shortest decimal that reads back as the same number. */
	public static String formatKey(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
		return Double.toString(value);
	}

	private static LocalizationTable read(TableSource source, Path file) {
		try {
			return source.read(file);
		}
		catch (CancelledException e) {
			throw e;
		}
		catch (InputException e) {
			if (String.valueOf(e.getMessage()).contains(file.getFileName().toString())) throw e;
			throw new InputException(file + ": " + e.getMessage(), e);
		}
		catch (IOException | RuntimeException e) {
			throw new InputException(file + ": cannot read localizations: " + e.getMessage(), e);
		}
	}

	private static Structure toStructure(String key, LocalizationTable table, List<String> warnings) {
		int[] all = new int[table.rowCount()];
		for (int i = 0; i < all.length; i++) all[i] = i;
		double[] points = points(table, all);
		if (points.length / 3 < all.length)
			warnings.add(key + ": skipped " + (all.length - points.length / 3) + " rows with non-finite coordinates");
		if (points.length == 0) warnings.add(key + ": no localizations");
		return new Structure(key, String.valueOf(table.source()), points, null);
	}

	/** Interleaved x,y,z of the given rows, z = 0 for 2D tables, dropping rows with NaN or infinity. */
	private static double[] points(LocalizationTable table, int[] rows) {
		double[] x = table.x(), y = table.y(), z = table.z();
		double[] out = new double[rows.length * 3];
		int n = 0;
		for (int r : rows) {
			double zr = z == null ? 0 : z[r];
			if (!Double.isFinite(x[r]) || !Double.isFinite(y[r]) || !Double.isFinite(zr)) continue;
			out[n++] = x[r];
			out[n++] = y[r];
			out[n++] = zr;
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	private static double[] distinctFinite(double[] values) {
		return Arrays.stream(values).filter(Double::isFinite).map(v -> v == 0 ? 0.0 : v).sorted().distinct().toArray();
	}

	private static int countFinite(double[] values) {
		int n = 0;
		for (double v : values)
			if (Double.isFinite(v)) n++;
		return n;
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
