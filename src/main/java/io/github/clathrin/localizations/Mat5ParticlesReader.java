package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * Reads picked particles from a MATLAB v5 MAT-file: a cell array (NUP107 data of Heydarian et al.:
 * {@code particles}) whose elements are structs with {@code points} (N x 3 x, y, z) and optionally
 * {@code sigma} and {@code sigmaz} (N x 1), all in camera pixels. The table holds every point with a
 * {@code particle} column (1 for {@code particles{1}}, as MATLAB counts), so the structures package
 * cuts it into one structure per particle. Pixels need {@code --pixel-size}; never guessed.
 */
public final class Mat5ParticlesReader extends LocalizationReader.ByMagic {

	/** The column that says which cell element a point came from, counting from 1. */
	public static final String PARTICLE = "particle";

	private static final String MAGIC = "MATLAB 5.0 MAT-file";

	public Mat5ParticlesReader() {
		super("MAT v5 particles", MAGIC);
	}

	/** Whether the first bytes are a MAT v5 header (v7.3 files say "MATLAB 7.3" and are HDF5). */
	public static boolean isMat5(byte[] head) {
		return TextSniffing.startsWith(head, 0, MAGIC);
	}

	/** Whether the file starts with a MAT v5 header. */
	public static boolean isMat5(Path file) throws IOException {
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
			return isMat5(in.readNBytes(MAGIC.length()));
		}
	}

	/** Whether the MAT v5 file holds a cell array of particles that {@link #read} can read. */
	public static boolean holdsParticles(Path file) {
		try (Mat5File mat = open(file)) {
			for (MatFile.Entry e : mat.getEntries())
				if (e.getValue() instanceof Cell c && holdsParticles(c)) return true;
			return false;
		} catch (IOException | RuntimeException e) {
			if (e instanceof InputException ie) throw ie;
			throw damaged(file, e);
		}
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		try (Mat5File mat = open(file)) {
			String name = null;
			Cell cell = null;
			for (MatFile.Entry e : mat.getEntries())
				if (e.getValue() instanceof Cell c && holdsParticles(c) && (cell == null || e.getName().equals("particles"))) {
					name = e.getName();
					cell = c;
				}
			if (cell == null)
				throw InputException.inFile(file, "no cell array of particles (structs with a 'points' field) in this MAT-file; "
					+ "it holds " + describe(mat) + (hasVolume(mat) ? ". A 3D array is a ready volume: give the file (or its "
						+ "folder) as the structure input, not as a localization file" : ""));
			if (options.pixelSizeNm() == null)
				throw InputException.inFile(file, "the particles in '" + name + "' are in camera pixels: give the pixel size in nm "
					+ "(--pixel-size, about 100 for the NUP107 data)");
			double px = options.pixelSizeNm();
			int n = cell.getNumElements();
			int total = 0;
			for (int i = 0; i < n; i++) total += points(file, name, cell, i).getNumRows();
			double[] x = new double[total], y = new double[total], z = new double[total], particle = new double[total];
			double[] sigma = new double[total], sigmaz = new double[total];
			boolean anySigma = false, anySigmaZ = false;
			int at = 0;
			for (int i = 0; i < n; i++) {
				progress.checkCancelled();
				Struct s = cell.get(i);
				Matrix p = points(file, name, cell, i);
				int rows = p.getNumRows();
				Matrix sg = optionalColumn(file, name, s, "sigma", rows, i);
				Matrix sz = optionalColumn(file, name, s, "sigmaz", rows, i);
				anySigma |= sg != null;
				anySigmaZ |= sz != null;
				for (int r = 0; r < rows; r++, at++) {
					x[at] = p.getDouble(r, 0) * px;
					y[at] = p.getDouble(r, 1) * px;
					z[at] = p.getDouble(r, 2) * px;
					particle[at] = i + 1;
					sigma[at] = sg == null ? Double.NaN : sg.getDouble(r) * px;
					sigmaz[at] = sz == null ? Double.NaN : sz.getDouble(r) * px;
				}
				progress.report("Reading " + file.getFileName(), i + 1, n);
			}
			LocalizationTable.Builder table = LocalizationTable.builder(file, formatName())
				.column(LocalizationTable.X, "nm", x).column(LocalizationTable.Y, "nm", y).column(LocalizationTable.Z, "nm", z)
				.column(PARTICLE, "", particle);
			if (anySigma) table.column("sigma", "nm", sigma);
			if (anySigmaZ) table.column("sigmaz", "nm", sigmaz);
			return TableChecks.withAbsurdWarning(table.build());
		} catch (InputException | CancelledException e) {
			throw e;
		} catch (IOException | RuntimeException e) {
			throw damaged(file, e);
		}
	}

	/** Opens a MAT v5 file; a damaged or truncated one is refused naming the file. */
	public static Mat5File open(Path file) {
		try {
			return Mat5.readFromFile(file.toFile());
		} catch (IOException | RuntimeException e) {
			throw damaged(file, e);
		}
	}

	/** A clear refusal for a file that mfl-core cannot parse; one that ends early is called truncated. */
	public static InputException damaged(Path file, Exception e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof java.io.EOFException || String.valueOf(t.getMessage()).contains("EOFException"))
				return new InputException(file + ": the MAT v5 file ends early (truncated?)", e);
		String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return new InputException(file + ": not a readable MAT v5 file (damaged?): " + what, e);
	}

	/** "particles (1x356 cell), instance (30x30x30 int8)": the variables with their sizes and classes. */
	public static String describe(MatFile mat) {
		List<String> parts = new ArrayList<>();
		for (MatFile.Entry e : mat.getEntries()) {
			Array v = e.getValue();
			String dims = Arrays.stream(v.getDimensions()).mapToObj(Integer::toString).collect(Collectors.joining("x"));
			parts.add(e.getName() + " (" + dims + " " + v.getType().toString().toLowerCase(Locale.ROOT) + ")");
		}
		return parts.isEmpty() ? "no variables" : "the variables " + String.join(", ", parts);
	}

	/** One line per variable, for {@code clathrin info} on MAT files that hold no particles. */
	public static String describe(Path file) {
		try (Mat5File mat = open(file)) {
			return file + ": MAT v5 file with " + describe(mat);
		} catch (IOException | RuntimeException e) {
			if (e instanceof InputException ie) throw ie;
			throw damaged(file, e);
		}
	}

	private static boolean hasVolume(MatFile mat) {
		for (MatFile.Entry e : mat.getEntries())
			if (e.getValue() instanceof Matrix m && m.getNumDimensions() == 3) return true;
		return false;
	}

	private static boolean holdsParticles(Cell c) {
		if (c.getNumElements() == 0) return false;
		Array first = c.get(0);
		return first instanceof Struct s && s.getFieldNames().contains("points");
	}

	private static Matrix points(Path file, String name, Cell cell, int i) {
		Array a = cell.get(i);
		if (!(a instanceof Struct s) || !s.getFieldNames().contains("points"))
			throw InputException.atRecord(file, i + 1, name + "{" + (i + 1) + "} is not a struct with a 'points' field");
		Array p = s.get("points");
		if (!(p instanceof Matrix m) || p.getNumDimensions() != 2 || (p.getNumCols() != 3 && p.getNumElements() > 0))
			throw InputException.atRecord(file, i + 1, name + "{" + (i + 1) + "}.points must be an N x 3 numeric array (x, y, z), is "
				+ Arrays.toString(p.getDimensions()));
		return m;
	}

	private static Matrix optionalColumn(Path file, String name, Struct s, String field, int rows, int i) {
		if (!s.getFieldNames().contains(field)) return null;
		Array a = s.get(field);
		if (!(a instanceof Matrix m) || a.getNumElements() != rows)
			throw InputException.atRecord(file, i + 1, name + "{" + (i + 1) + "}." + field + " must hold one value per point ("
				+ rows + "), has " + Arrays.toString(a.getDimensions()));
		return m;
	}
}
