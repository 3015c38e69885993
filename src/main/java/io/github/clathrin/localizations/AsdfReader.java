package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Reads locan's ASDF files: {@code #ASDF 1.0.0}, a YAML tree whose top-level {@code columns} list names
 * the columns and whose {@code data} is a 2-D {@code core/ndarray} (rows x columns) in binary block
 * {@code source}, then the binary blocks.
 * <p>
 * Only the two YAML keys we need are parsed, line by line, so that the project needs no YAML library;
 * anything else in the tree is skipped. Blocks must be uncompressed: zlib, bzp2 and lz4 blocks are
 * refused by name. The file states no unit, so {@link ReadOptions#units()} is required (locan works in
 * nm). {@code position_x/y/z} become x, y, z.
 */
public final class AsdfReader extends LocalizationReader.ByMagic {

	private static final String MAGIC = "#ASDF ";
	private static final byte[] BLOCK_MAGIC = { (byte) 0xd3, 'B', 'L', 'K' };
	/** Fixed part of a block header after the magic and the size field (flags .. checksum). */
	private static final int HEADER_FIELDS = 4 + 4 + 8 + 8 + 8 + 16;
	/** Largest file we read into memory; locan's files are small. */
	private static final long MAX_BYTES = Integer.MAX_VALUE - 64;

	/** The {@code data} ndarray as the tree describes it. */
	private record NdArray(int source, String datatype, ByteOrder order, long rows, long cols, long rowStride,
		long colStride, long offset) {}

	public AsdfReader() {
		super("ASDF (locan)", MAGIC);
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		if (Files.size(file) > MAX_BYTES) throw InputException.inFile(file, "ASDF file too large to read (over 2 GB)");
		byte[] bytes = Files.readAllBytes(file);
		if (!TextSniffing.startsWith(bytes, 0, MAGIC))
			throw InputException.atLine(file, 1, "not an ASDF file: it must start with '#ASDF '");
		int treeEnd = treeEnd(bytes);
		List<String> lines = List.of(new String(bytes, 0, treeEnd, StandardCharsets.ISO_8859_1).split("\r?\n"));
		List<String> columns = columns(file, lines);
		NdArray data = ndArray(file, lines);
		if (data.cols() != columns.size())
			throw InputException.inFile(file, "'data' has " + data.cols() + " columns but 'columns' names " + columns.size());
		if (options.units() == null)
			throw InputException.inFile(file, "ASDF files do not state their units: give them, e.g. --units nm (locan works in nm)");
		double scale;
		try {
			scale = options.units().toNm(options.pixelSizeNm());
		} catch (IllegalArgumentException e) {
			throw InputException.inFile(file, "coordinates are in pixels: give the pixel size in nm (--pixel-size)");
		}

		ByteBuffer block = block(file, bytes, treeEnd, data.source());
		int size = BinaryValues.size(data.datatype());
		if (data.rows() * data.cols() * size > block.limit())
			throw InputException.inFile(file, "'data' announces " + data.rows() + " x " + data.cols() + " values of " + size
				+ " bytes, more than the " + block.limit() + "-byte block holds (truncated file?)");
		int rows = (int) data.rows();
		double[][] values = new double[columns.size()][rows];
		block.order(data.order());
		for (int c = 0; c < columns.size(); c++) {
			for (int r = 0; r < rows; r++) {
				long at = data.offset() + r * data.rowStride() + c * data.colStride();
				if (at < 0 || at + size > block.limit())
					throw InputException.atRecord(file, r + 1, "value of column " + columns.get(c) + " lies at byte " + at
						+ ", outside the " + block.limit() + "-byte block (truncated file or wrong strides)");
				values[c][r] = BinaryValues.read(block, (int) at, data.datatype());
			}
			progress.checkCancelled();
		}

		LocalizationTable.Builder table = LocalizationTable.builder(file, formatName());
		String[] names = new String[columns.size()];
		for (int c = 0; c < names.length; c++) names[c] = SmlmZipReader.columnName(columns.get(c));
		names = RapidStormReader.uniqueNames(names);
		for (int c = 0; c < columns.size(); c++) {
			String name = names[c];
			boolean coordinate = name.equals("x") || name.equals("y") || name.equals("z");
			if (coordinate && scale != 1) for (int r = 0; r < rows; r++) values[c][r] *= scale;
			table.column(name, coordinate ? "nm" : "", values[c]);
		}
		if (rows == 0) table.warn("the ASDF array has no rows");
		return TableChecks.withAbsurdWarning(table.build());
	}

	/** End of the YAML tree: after the {@code ...} line, else where the first block starts, else the file end. */
	private static int treeEnd(byte[] b) {
		for (int i = 0; i + 4 <= b.length; i++) {
			if (TextSniffing.startsWith(b, i, BLOCK_MAGIC)) return i;
			if (b[i] == '\n' && TextSniffing.startsWith(b, i + 1, "...")
				&& (i + 4 == b.length || b[i + 4] == '\n' || b[i + 4] == '\r'))
				return i + 1;
		}
		return b.length;
	}

	/** The top-level {@code key:} value with its indented continuation lines, joined by spaces; null if absent. */
	private static String topLevel(List<String> lines, String key) {
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).startsWith(key + ":")) continue;
			StringBuilder s = new StringBuilder(lines.get(i).substring(key.length() + 1));
			for (int j = i + 1; j < lines.size() && (lines.get(j).startsWith(" ") || lines.get(j).isEmpty()); j++)
				s.append(' ').append(lines.get(j).trim());
			return s.toString().trim();
		}
		return null;
	}

	private static List<String> columns(Path file, List<String> lines) {
		String v = topLevel(lines, "columns");
		if (v == null) throw InputException.inFile(file, "the ASDF tree has no top-level 'columns' list (not a locan file?)");
		if (!v.startsWith("[") || !v.endsWith("]"))
			throw InputException.inFile(file, "'columns' must be a list in brackets, found '" + shorten(v) + "'");
		List<String> out = new ArrayList<>();
		for (String s : v.substring(1, v.length() - 1).split(",")) {
			String name = s.trim().replaceAll("^['\"]|['\"]$", "");
			if (name.isEmpty()) throw InputException.inFile(file, "'columns' has an empty name");
			out.add(name);
		}
		return out;
	}

	private static NdArray ndArray(Path file, List<String> lines) {
		String v = topLevel(lines, "data");
		if (v == null) throw InputException.inFile(file, "the ASDF tree has no top-level 'data' array (not a locan file?)");
		String source = field(v, "source:\\s*([^,}\\s]+)");
		String datatype = field(v, "datatype:\\s*([^,}\\s]+)");
		String byteorder = field(v, "byteorder:\\s*([^,}\\s]+)");
		String shape = field(v, "shape:\\s*\\[([^\\]]*)\\]");
		String strides = field(v, "strides:\\s*\\[([^\\]]*)\\]");
		String offset = field(v, "offset:\\s*([^,}\\s]+)");
		if (source == null || datatype == null || byteorder == null || shape == null)
			throw InputException.inFile(file, "'data' needs source, datatype, byteorder and shape");
		int src = (int) number(file, source, "source (only internal blocks are supported)");
		if (BinaryValues.size(datatype) == 0) throw InputException.inFile(file, "'data' has datatype '" + shorten(datatype)
			+ "' (expected int8..int64, uint8..uint64, float32, float64)");
		ByteOrder order;
		if (byteorder.equals("little")) order = ByteOrder.LITTLE_ENDIAN;
		else if (byteorder.equals("big")) order = ByteOrder.BIG_ENDIAN;
		else throw InputException.inFile(file, "'data' has byteorder '" + shorten(byteorder) + "' (expected little or big)");
		long[] dims = numbers(file, shape, "shape");
		if (dims.length != 2) throw InputException.inFile(file, "'data' has shape [" + shape + "]; expected [rows, columns]");
		if (dims[0] > Integer.MAX_VALUE / 16 || dims[1] > 1 << 16)
			throw InputException.inFile(file, "'data' shape [" + shape + "] is too large");
		long size = BinaryValues.size(datatype);
		long[] st = strides == null ? new long[] { size * dims[1], size } : numbers(file, strides, "strides");
		if (st.length != 2) throw InputException.inFile(file, "'data' has strides [" + strides + "]; expected two");
		long off = offset == null ? 0 : number(file, offset, "offset");
		if (Math.abs(st[0]) > Integer.MAX_VALUE || Math.abs(st[1]) > Integer.MAX_VALUE || off > Integer.MAX_VALUE)
			throw InputException.inFile(file, "'data' strides [" + strides + "] or offset " + off + " are too large");
		return new NdArray(src, datatype, order, dims[0], dims[1], st[0], st[1], off);
	}

	/**
	 * The data of block {@code source}: blocks follow the tree one after another, each {@code 0xD3 BLK},
	 * a big-endian uint16 header size, flags, compression, allocated/used/data sizes, a checksum, the data.
	 */
	private static ByteBuffer block(Path file, byte[] b, int treeEnd, int source) {
		int at = -1;
		for (int i = treeEnd; i + 4 <= b.length; i++)
			if (TextSniffing.startsWith(b, i, BLOCK_MAGIC)) {
				at = i;
				break;
			}
		if (at < 0) throw InputException.inFile(file, "no binary block after the ASDF tree (truncated file?)");
		ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
		for (int index = 0;; index++) {
			if (!TextSniffing.startsWith(b, at, BLOCK_MAGIC))
				throw InputException.inFile(file, "block " + index + " at byte " + at + " does not start with the block magic "
					+ "(damaged or truncated file)");
			if (at + 6 > b.length) throw InputException.inFile(file, "block " + index + " header is cut off (truncated file)");
			int headerSize = bb.getShort(at + 4) & 0xffff;
			int dataStart = at + 6 + headerSize;
			if (headerSize < HEADER_FIELDS || dataStart > b.length)
				throw InputException.inFile(file, "block " + index + " header is cut off or too short (" + headerSize
					+ " bytes; truncated file?)");
			String compression = new String(b, at + 10, 4, StandardCharsets.ISO_8859_1);
			long allocated = bb.getLong(at + 14), used = bb.getLong(at + 22);
			if (allocated < 0 || used < 0 || used > allocated)
				throw InputException.inFile(file, "block " + index + " has used size " + used + " and allocated size " + allocated);
			if (index == source) {
				if (!compression.equals("\0\0\0\0"))
					throw InputException.inFile(file, "block " + index + " is compressed with '" + compression.replace("\0", "")
						+ "'; only uncompressed ASDF blocks are supported (save with all_array_compression=None)");
				if (used > b.length - dataStart)
					throw InputException.inFile(file, "block " + index + " announces " + used + " bytes but the file holds only "
						+ (b.length - dataStart) + " after its header (truncated file)");
				return ByteBuffer.wrap(b, dataStart, (int) used).slice();
			}
			if (allocated > b.length - dataStart)
				throw InputException.inFile(file, "no block " + source + ": block " + index + " runs past the end of the file");
			at = dataStart + (int) allocated;
		}
	}

	private static String field(String text, String regex) {
		Matcher m = Pattern.compile("(?:^|[\\s{,])" + regex).matcher(text);
		return m.find() ? m.group(1).trim() : null;
	}

	private static long[] numbers(Path file, String list, String what) {
		String[] parts = list.split(",");
		long[] out = new long[parts.length];
		for (int i = 0; i < parts.length; i++) out[i] = number(file, parts[i].trim(), what);
		return out;
	}

	private static long number(Path file, String s, String what) {
		try {
			long v = Long.parseLong(s);
			if (v < 0 && !what.equals("strides")) throw new NumberFormatException();
			return v;
		} catch (NumberFormatException e) {
			throw InputException.inFile(file, "'data' " + what + ": '" + shorten(s) + "' is not a valid number");
		}
	}

	private static String shorten(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "..." : s;
	}
}
