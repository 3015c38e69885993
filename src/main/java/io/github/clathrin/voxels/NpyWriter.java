package io.github.clathrin.voxels;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one NumPy {@code .npy} array (format 1.0, little-endian, C order) to a stream, byte for byte
 * as {@code numpy.save} does, header padding included.
 */
public final class NpyWriter {

	/** The element types we write, with NumPy's spelling. */
	public enum DType {
		INT32("<i4", 4), INT64("<i8", 8), FLOAT32("<f4", 4);

		private final String descr;
		private final int bytes;

		DType(String descr, int bytes) {
			this.descr = descr;
			this.bytes = bytes;
		}

		/** NumPy's dtype string, e.g. {@code <i4}. */
		public String descr() {
			return descr;
		}
	}

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 };
	// NumPy (since 1.24) aligns the data to 64 bytes and leaves room for the first axis to grow to 21 digits.
	private static final int ALIGN = 64, GROWTH_DIGITS = 21;
	private static final int CHUNK = 1 << 14;

	private NpyWriter() {}

	/** The header bytes (magic, version, length, dict, padding) of an array of this type and shape. */
	public static byte[] header(DType dtype, int[] shape) {
		StringBuilder dims = new StringBuilder();
		for (int i = 0; i < shape.length; i++) {
			if (shape[i] < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
			if (i > 0) dims.append(", ");
			dims.append(shape[i]);
		}
		if (shape.length == 1) dims.append(','); // Python's one-tuple: (3,)
		StringBuilder h = new StringBuilder("{'descr': '").append(dtype.descr)
			.append("', 'fortran_order': False, 'shape': (").append(dims).append("), }");
		if (shape.length > 0) h.append(" ".repeat(GROWTH_DIGITS - Integer.toString(shape[0]).length()));
		int unpadded = MAGIC.length + 2 + h.length() + 1;
		h.append(" ".repeat((ALIGN - unpadded % ALIGN) % ALIGN)).append('\n');
		if (h.length() > 0xffff) throw new IllegalArgumentException("shape too long for an .npy 1.0 header");
		byte[] text = h.toString().getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put(MAGIC).putShort((short) text.length).put(text);
		return b.array();
	}

	public static void writeInt32(OutputStream out, int[] shape, int[] data) throws IOException {
		start(out, DType.INT32, shape, data.length);
		ByteBuffer b = buffer(DType.INT32);
		for (int i = 0; i < data.length; i += CHUNK) {
			b.clear();
			for (int k = i, end = Math.min(data.length, i + CHUNK); k < end; k++) b.putInt(data[k]);
			out.write(b.array(), 0, b.position());
		}
	}

	public static void writeInt64(OutputStream out, int[] shape, long[] data) throws IOException {
		start(out, DType.INT64, shape, data.length);
		ByteBuffer b = buffer(DType.INT64);
		for (int i = 0; i < data.length; i += CHUNK) {
			b.clear();
			for (int k = i, end = Math.min(data.length, i + CHUNK); k < end; k++) b.putLong(data[k]);
			out.write(b.array(), 0, b.position());
		}
	}

	public static void writeFloat32(OutputStream out, int[] shape, float[] data) throws IOException {
		start(out, DType.FLOAT32, shape, data.length);
		ByteBuffer b = buffer(DType.FLOAT32);
		for (int i = 0; i < data.length; i += CHUNK) {
			b.clear();
			for (int k = i, end = Math.min(data.length, i + CHUNK); k < end; k++) b.putFloat(data[k]);
			out.write(b.array(), 0, b.position());
		}
	}

	private static void start(OutputStream out, DType dtype, int[] shape, int length) throws IOException {
		long n = 1;
		for (int d : shape) n *= d;
		if (n != length)
			throw new IllegalArgumentException(length + " values do not fill shape " + Arrays.toString(shape));
		out.write(header(dtype, shape));
	}

	private static ByteBuffer buffer(DType dtype) {
		return ByteBuffer.allocate(CHUNK * dtype.bytes).order(ByteOrder.LITTLE_ENDIAN);
	}
}
