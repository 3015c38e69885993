package io.github.clathrin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test-only writer of NumPy .npy and .npz files, laid out as numpy.save and numpy.savez_compressed write them. */
public final class NumpyFiles {

	/** One array: a dtype as NumPy spells it, a shape and little-endian data. */
	public record Array(String descr, int[] shape, byte[] data) {}

	private NumpyFiles() {}

	/** A float32 array of the given shape (C order). */
	public static Array float32(float[] values, int... shape) {
		ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : values) b.putFloat(v);
		return new Array("<f4", shape, b.array());
	}

	/** An int64 array of the given shape (C order). */
	public static Array int64(long[] values, int... shape) {
		ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (long v : values) b.putLong(v);
		return new Array("<i8", shape, b.array());
	}

	/** The bytes of an .npy file, format version 1.0, header padded to 64 bytes as numpy does. */
	public static byte[] npy(Array a) throws IOException {
		StringBuilder shape = new StringBuilder();
		for (int d : a.shape()) shape.append(d).append(", ");
		String s = a.shape().length == 1 ? shape.toString().trim() : shape.toString().replaceAll(", $", "");
		StringBuilder h = new StringBuilder("{'descr': '" + a.descr() + "', 'fortran_order': False, 'shape': (" + s + "), }");
		while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
		h.append('\n');
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
		out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) h.length()).array());
		out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(a.data());
		return out.toByteArray();
	}

	public static void writeNpy(Path file, Array a) throws IOException {
		Files.write(file, npy(a));
	}

	/** An .npz (DEFLATE, like numpy.savez_compressed) with the arrays in map order. */
	public static void writeNpz(Path file, Map<String, Array> arrays) throws IOException {
		try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
			for (Map.Entry<String, Array> e : arrays.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
				zip.write(npy(e.getValue()));
				zip.closeEntry();
			}
		}
	}

	/** Convenience for two arrays, in this order. */
	public static void writeNpz(Path file, String name1, Array a1, String name2, Array a2) throws IOException {
		Map<String, Array> m = new LinkedHashMap<>();
		m.put(name1, a1);
		m.put(name2, a2);
		writeNpz(file, m);
	}
}
