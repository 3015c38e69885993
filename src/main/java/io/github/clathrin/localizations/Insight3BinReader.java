package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.TreeSet;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Reads Insight3 {@code .bin} molecule lists (the Zhuang lab format of the original clathrin data).
 * <p>
 * The drift-corrected positions {@code xc, yc, zc} become x, y, z; the raw {@code x, y, z} are kept
 * as {@code x_raw, y_raw, z_raw}. Insight3 stores x and y in camera pixels, so the pixel size must
 * be given; z is in nm. {@code frame} is kept because in the original data every frame holds one
 * cropped structure. A z that is 0 in every record means a 2D fit and gives a 2D table.
 */
public final class Insight3BinReader extends LocalizationReader.ByMagic {

	private static final String MAGIC = "M425";
	private static final int HEADER_BYTES = 16;
	private static final int RECORD_BYTES = 72;
	private static final int RECORDS_PER_CHUNK = 16384;

	// float fields in file order (after them come 5 ints, then z and zc)
	private static final String[] FLOATS = { "x_raw", "y_raw", "x", "y", "height", "area", "width", "phi",
		"aspect", "background", "intensity" };
	// c = category, fi = the "Valid" column of Insight3 text exports, fr = frame, tl = track length
	private static final String[] INTS = { "category", "valid", "frame", "track_length", "link" };

	public Insight3BinReader() {
		super("Insight3 bin", MAGIC);
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		if (options.pixelSizeNm() == null)
			throw InputException.inFile(file, "Insight3 coordinates are in pixels: give the pixel size in nm (--pixel-size)");
		double px = options.pixelSizeNm();
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = ch.size();
			ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
			readFully(ch, header);
			if (header.position() < HEADER_BYTES || !TextSniffing.startsWith(header.array(), 0, MAGIC))
				throw InputException.inFile(file, "not an Insight3 .bin file (it does not start with 'M425' and a 16-byte header)");
			int n = header.getInt(12);
			if (n < 0) throw InputException.inFile(file, "Insight3 header gives a negative molecule count (" + n + ")");
			long complete = (size - HEADER_BYTES) / RECORD_BYTES;
			if (complete < n)
				throw InputException.atRecord(file, complete + 1, "the file ends inside this record: the header announces "
					+ n + " records but only " + complete + " are complete (truncated file?)");

			double[][] f = new double[FLOATS.length][n];
			double[][] in = new double[INTS.length][n];
			double[] zRaw = new double[n], z = new double[n];
			ByteBuffer buf = ByteBuffer.allocate(RECORD_BYTES * RECORDS_PER_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
			for (int start = 0; start < n; start += RECORDS_PER_CHUNK) {
				progress.checkCancelled();
				int count = Math.min(RECORDS_PER_CHUNK, n - start);
				buf.clear().limit(count * RECORD_BYTES);
				readFully(ch, buf);
				for (int r = 0; r < count; r++) {
					int o = r * RECORD_BYTES;
					for (int k = 0; k < FLOATS.length; k++) f[k][start + r] = buf.getFloat(o + 4 * k);
					for (int k = 0; k < INTS.length; k++) in[k][start + r] = buf.getInt(o + 44 + 4 * k);
					zRaw[start + r] = buf.getFloat(o + 64);
					z[start + r] = buf.getFloat(o + 68);
				}
				progress.report("Reading " + file.getFileName(), start + count, n);
			}
			for (int k = 0; k < 4; k++) // x_raw, y_raw, x, y: pixels to nm
				for (int i = 0; i < n; i++) f[k][i] *= px;

			int[] keep = categoryRows(file, in[0], options.category());
			LocalizationTable.Builder table = LocalizationTable.builder(file, formatName());
			boolean is3D = !TableChecks.allZero(z) || !TableChecks.allZero(zRaw);
			table.column(LocalizationTable.X, "nm", pick(f[2], keep)).column(LocalizationTable.Y, "nm", pick(f[3], keep));
			if (is3D) table.column(LocalizationTable.Z, "nm", pick(z, keep));
			table.column("x_raw", "nm", pick(f[0], keep)).column("y_raw", "nm", pick(f[1], keep));
			if (is3D) table.column("z_raw", "nm", pick(zRaw, keep));
			for (int k = 4; k < FLOATS.length; k++) table.column(FLOATS[k], "", pick(f[k], keep));
			for (int k = 0; k < INTS.length; k++) table.column(INTS[k], "", pick(in[k], keep));
			if (!is3D && n > 0) table.warn("z is 0 in every record: read as 2D");
			long extra = size - HEADER_BYTES - (long) n * RECORD_BYTES - 4;
			if (extra > 0) table.warn(extra + " bytes after the last record were ignored");
			return TableChecks.withAbsurdWarning(table.build());
		}
	}

	/** Rows of the wanted category, or null for all rows. */
	private static int[] categoryRows(Path file, double[] category, Integer wanted) {
		if (wanted == null) return null;
		int[] keep = new int[category.length];
		int m = 0;
		TreeSet<Integer> present = new TreeSet<>();
		for (int i = 0; i < category.length; i++) {
			present.add((int) category[i]);
			if (category[i] == wanted) keep[m++] = i;
		}
		if (m == 0)
			throw InputException.inFile(file, "no localizations of category " + wanted + " (categories present: " + present + ")");
		return Arrays.copyOf(keep, m);
	}

	private static double[] pick(double[] v, int[] rows) {
		if (rows == null) return v;
		double[] out = new double[rows.length];
		for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
		return out;
	}

	private static void readFully(FileChannel ch, ByteBuffer buf) throws IOException {
		while (buf.hasRemaining())
			if (ch.read(buf) < 0) return;
	}
}
