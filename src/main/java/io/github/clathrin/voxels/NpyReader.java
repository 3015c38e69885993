package io.github.clathrin.voxels;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.clathrin.task.InputException;

/**
 * Reads one NumPy {@code .npy} array (format 1.0 to 3.0, little-endian, C order) from a stream: the
 * header on construction, then the values in chunks, so a large array is never held twice.
 */
public final class NpyReader implements Closeable {

	/** The element types we read; anything else is rejected with the dtype in the message. */
	public enum DType {
		INT8(1), UINT8(1), BOOL(1), INT32(4), INT64(8), FLOAT32(4), FLOAT64(8);

		final int bytes;

		DType(int bytes) {
			this.bytes = bytes;
		}
	}

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };
	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
	private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	private final InputStream in;
	private final String source;
	private final DType dtype;
	private final int[] shape;
	private final long size;
	private long remaining;
	private final byte[] buffer = new byte[1 << 16];
	/** Bytes of the magic, version, header length and header. */
	private long headerBytes;

	/**
	 * Reads the header from {@code in}; {@code source} names the file (and entry) in error messages.
	 *
	 * @throws InputException if the stream is not an .npy array we can read
	 */
	public NpyReader(InputStream in, String source) throws IOException {
		this(in, source, Long.MAX_VALUE);
	}

	/**
	 * As {@link #NpyReader(InputStream, String)}, for a source of at most {@code availableBytes} bytes
	 * (header included): a header whose shape needs more is refused before anything is allocated.
	 */
	public NpyReader(InputStream in, String source, long availableBytes) throws IOException {
		this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
		this.source = source;
		String header = readHeader();
		this.dtype = parseDtype(header);
		Matcher f = FORTRAN.matcher(header);
		if (!f.find()) throw bad("header has no fortran_order: " + header);
		if (f.group(1).equals("True"))
			throw bad("fortran_order arrays are not supported; save with numpy.ascontiguousarray(a)");
		this.shape = parseShape(header);
		long n = 1;
		try {
			for (int d : shape) n = Math.multiplyExact(n, d);
			long needed = Math.multiplyExact(n, dtype.bytes), present = availableBytes - headerBytes;
			if (needed > present)
				throw bad("array data ends early: the header's shape " + Arrays.toString(shape) + " of " + dtype
					+ " needs " + needed + " bytes, but only " + present + " follow the header (truncated file, or a wrong "
					+ "shape)");
		}
		catch (ArithmeticException e) {
			throw bad("the header's shape " + Arrays.toString(shape) + " is too large for any file");
		}
		this.size = n;
		this.remaining = n;
	}

	/** Opens an .npy file; its header's shape is checked against the file's size. */
	public static NpyReader open(Path file) throws IOException {
		return new NpyReader(Files.newInputStream(file), file.toString(), Files.size(file));
	}

	public DType dtype() {
		return dtype;
	}

	/** The array's shape, outermost axis first (C order: the last axis varies fastest). */
	public int[] shape() {
		return shape.clone();
	}

	/** Number of elements in the whole array. */
	public long size() {
		return size;
	}

	/** Reads the next {@code len} elements, converted to float. */
	public void readFloats(float[] dst, int off, int len) throws IOException {
		read(len, (i, v) -> dst[off + i] = (float) v);
	}

	/** Reads the next {@code len} elements, converted to double (int64 beyond 2^53 loses precision). */
	public void readDoubles(double[] dst, int off, int len) throws IOException {
		read(len, (i, v) -> dst[off + i] = v);
	}

	/** Reads all remaining elements as longs; only for integer and bool arrays. */
	public long[] readAllLongs() throws IOException {
		if (dtype == DType.FLOAT32 || dtype == DType.FLOAT64)
			throw bad("expected an integer array, found " + dtype);
		long[] out = new long[checkedRemaining()];
		// Doubles hold every int8/int32 value exactly; int64 is read separately to keep all 64 bits.
		if (dtype != DType.INT64) {
			double[] tmp = new double[out.length];
			readDoubles(tmp, 0, tmp.length);
			for (int i = 0; i < out.length; i++) out[i] = (long) tmp[i];
			return out;
		}
		int done = 0;
		while (done < out.length) {
			int chunk = Math.min(out.length - done, buffer.length / 8);
			ByteBuffer bb = fill(chunk * 8);
			for (int i = 0; i < chunk; i++) out[done + i] = bb.getLong();
			done += chunk;
		}
		remaining -= out.length;
		return out;
	}

	/** Reads all remaining elements as doubles. */
	public double[] readAllDoubles() throws IOException {
		double[] out = new double[checkedRemaining()];
		readDoubles(out, 0, out.length);
		return out;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	private interface Sink {
		void put(int index, double value);
	}

	private void read(int len, Sink sink) throws IOException {
		if (len > remaining) throw bad("asked for " + len + " more elements but only " + remaining + " remain");
		int per = buffer.length / dtype.bytes;
		int done = 0;
		while (done < len) {
			int chunk = Math.min(len - done, per);
			ByteBuffer bb = fill(chunk * dtype.bytes);
			switch (dtype) {
			case INT8 -> { for (int i = 0; i < chunk; i++) sink.put(done + i, bb.get()); }
			case UINT8, BOOL -> { for (int i = 0; i < chunk; i++) sink.put(done + i, bb.get() & 0xff); }
			case INT32 -> { for (int i = 0; i < chunk; i++) sink.put(done + i, bb.getInt()); }
			case INT64 -> { for (int i = 0; i < chunk; i++) sink.put(done + i, bb.getLong()); }
			case FLOAT32 -> { for (int i = 0; i < chunk; i++) sink.put(done + i, bb.getFloat()); }
			case FLOAT64 -> { for (int i = 0; i < chunk; i++) sink.put(done + i, bb.getDouble()); }
			}
			done += chunk;
		}
		remaining -= len;
	}

	private ByteBuffer fill(int bytes) throws IOException {
		int got = in.readNBytes(buffer, 0, bytes);
		if (got < bytes) throw new EOFException(source + ": array data ends early (truncated file?)");
		return ByteBuffer.wrap(buffer, 0, bytes).order(ByteOrder.LITTLE_ENDIAN);
	}

	private int checkedRemaining() {
		if (remaining > Integer.MAX_VALUE - 8) throw bad("array too large to read at once: " + remaining + " elements");
		return (int) remaining;
	}

	private String readHeader() throws IOException {
		byte[] magic = in.readNBytes(8);
		if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC))
			throw bad("not a NumPy .npy array (missing \\x93NUMPY magic)");
		int major = magic[6];
		int headerLength;
		if (major == 1) {
			byte[] b = in.readNBytes(2);
			if (b.length < 2) throw new EOFException(source + ": header ends early");
			headerLength = (b[0] & 0xff) | (b[1] & 0xff) << 8;
		} else if (major == 2 || major == 3) {
			byte[] b = in.readNBytes(4);
			if (b.length < 4) throw new EOFException(source + ": header ends early");
			headerLength = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
			if (headerLength < 0 || headerLength > 1 << 24) throw bad("implausible header length " + headerLength);
		} else {
			throw bad("unsupported .npy format version " + major + "." + magic[7]);
		}
		byte[] h = in.readNBytes(headerLength);
		if (h.length < headerLength) throw new EOFException(source + ": header ends early");
		headerBytes = 8 + (major == 1 ? 2 : 4) + (long) headerLength;
		// v1/v2 headers are latin-1, v3 is UTF-8; the keys we need are ASCII either way
		return new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
	}

	private DType parseDtype(String header) {
		Matcher m = DESCR.matcher(header);
		if (!m.find()) throw bad("header has no simple 'descr' (structured dtypes are not supported): " + header);
		String d = m.group(1);
		if (d.length() < 2) throw bad("unknown dtype '" + d + "'");
		char order = d.charAt(0);
		String kind = d.substring(1);
		if (order == '>' && !kind.endsWith("1"))
			throw bad("big-endian dtype '" + d + "' is not supported; save with a.astype(a.dtype.newbyteorder('<'))");
		if (order != '<' && order != '|' && order != '>')
			throw bad("dtype '" + d + "' has no explicit byte order");
		return switch (kind) {
		case "i1" -> DType.INT8;
		case "u1" -> DType.UINT8;
		case "b1" -> DType.BOOL;
		case "i4" -> DType.INT32;
		case "i8" -> DType.INT64;
		case "f4" -> DType.FLOAT32;
		case "f8" -> DType.FLOAT64;
		default -> throw bad("unsupported dtype '" + d + "' (supported: int8, uint8, bool, int32, int64, float32, float64)");
		};
	}

	private int[] parseShape(String header) {
		Matcher m = SHAPE.matcher(header);
		if (!m.find()) throw bad("header has no shape: " + header);
		String body = m.group(1).trim();
		if (body.isEmpty()) return new int[0];
		String[] parts = body.split(",");
		int count = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
		int[] s = new int[count];
		for (int i = 0; i < count; i++) {
			try {
				s[i] = Integer.parseInt(parts[i].trim().replace("L", ""));
			} catch (NumberFormatException e) {
				throw bad("bad shape (" + body + ")");
			}
			if (s[i] < 0) throw bad("negative dimension in shape (" + body + ")");
		}
		return s;
	}

	private InputException bad(String message) {
		return new InputException(source + ": " + message);
	}
}
