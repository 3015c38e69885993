package io.github.clathrin.voxels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.task.InputException;

class NpyReaderTest {

	/** Writes an .npy the way numpy does: magic, version, padded header dict, raw little-endian data. */
	static byte[] npy(int major, String descr, boolean fortran, String shape, byte[] data) throws IOException {
		String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + shape + "), }";
		int prefix = major == 1 ? 10 : 12;
		StringBuilder h = new StringBuilder(dict);
		while ((prefix + h.length() + 1) % 64 != 0) h.append(' ');
		h.append('\n');
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0 });
		ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
		if (major == 1) len.putShort((short) h.length());
		else len.putInt(h.length());
		out.write(len.array());
		out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(data);
		return out.toByteArray();
	}

	static byte[] le(int bytesPer, double[] values, char kind) {
		ByteBuffer b = ByteBuffer.allocate(bytesPer * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (double v : values) {
			switch (kind) {
			case 'b' -> b.put((byte) v);
			case 'i' -> { if (bytesPer == 4) b.putInt((int) v); else b.putLong((long) v); }
			case 'f' -> { if (bytesPer == 4) b.putFloat((float) v); else b.putDouble(v); }
			}
		}
		return b.array();
	}

	private static double[] read(byte[] npy) throws IOException {
		try (NpyReader r = new NpyReader(new ByteArrayInputStream(npy), "test.npy")) {
			return r.readAllDoubles();
		}
	}

	@Test
	void readsEveryDtype() throws IOException {
		double[] v = { 0, 1, 2, 127 };
		assertArrayEquals(v, read(npy(1, "|i1", false, "4,", le(1, v, 'b'))));
		assertArrayEquals(v, read(npy(1, "|u1", false, "4,", le(1, v, 'b'))));
		assertArrayEquals(new double[] { 0, 1, 1, 1 }, read(npy(1, "|b1", false, "4,", le(1, new double[] { 0, 1, 1, 1 }, 'b'))));
		assertArrayEquals(new double[] { -128, 255 }, new double[] {
			read(npy(1, "|i1", false, "1,", new byte[] { (byte) 0x80 }))[0],
			read(npy(1, "|u1", false, "1,", new byte[] { (byte) 0xff }))[0] });
		double[] s = { -5, 0, 7, 123456 };
		assertArrayEquals(s, read(npy(1, "<i4", false, "2, 2", le(4, s, 'i'))));
		assertArrayEquals(s, read(npy(2, "<i8", false, "4,", le(8, s, 'i'))));
		double[] f = { -1.5, 0.25, 3e10, 1e-3 };
		double[] f32 = read(npy(1, "<f4", false, "4,", le(4, f, 'f')));
		for (int i = 0; i < 4; i++) assertEquals((float) f[i], f32[i]);
		assertArrayEquals(f, read(npy(1, "<f8", false, "4,", le(8, f, 'f'))));
	}

	@Test
	void readsInt64LabelsExactly() throws IOException {
		double[] s = { 3, 9, 0 };
		try (NpyReader r = new NpyReader(new ByteArrayInputStream(npy(1, "<i8", false, "3,", le(8, s, 'i'))), "t")) {
			assertArrayEquals(new long[] { 3, 9, 0 }, r.readAllLongs());
		}
	}

	@Test
	void rejectsBigEndianFortranAndTruncated() {
		double[] s = { 1, 2 };
		InputException be = assertThrows(InputException.class, () -> read(npy(1, ">i4", false, "2,", le(4, s, 'i'))));
		assertTrue(be.getMessage().contains("big-endian"), be.getMessage());
		InputException fo = assertThrows(InputException.class, () -> read(npy(1, "<i4", true, "2,", le(4, s, 'i'))));
		assertTrue(fo.getMessage().contains("fortran_order"), fo.getMessage());
		assertThrows(InputException.class, () -> read(npy(1, "<c16", false, "2,", new byte[32])));
		assertThrows(EOFException.class, () -> read(npy(1, "<i4", false, "3,", le(4, s, 'i'))));
		assertThrows(InputException.class, () -> read("not numpy at all".getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void readsVolumesFromADeflatedNpz(@TempDir Path dir) throws IOException {
		// two 2x3x4 volumes (d0=z, d1=y, d2=x) with value = flat C index
		double[] v = new double[2 * 24];
		for (int i = 0; i < v.length; i++) v[i] = i;
		Path file = dir.resolve("small.npz");
		try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
			zip.putNextEntry(new ZipEntry("X_train.npy"));
			zip.write(npy(1, "|u1", false, "2, 2, 3, 4", le(1, v, 'b')));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("y_train.npy"));
			zip.write(npy(1, "<i8", false, "2,", le(8, new double[] { 1, 0 }, 'i')));
			zip.closeEntry();
		}
		VolumeSet set = VolumeSet.readNpz(file, "train");
		assertEquals(List.of("0", "1"), set.classNames());
		assertArrayEquals(new int[] { 1, 0 }, set.labels());
		Volume second = set.volumes().get(1);
		assertEquals(4, second.nx());
		assertEquals(3, second.ny());
		assertEquals(2, second.nz());
		// element [1, z=1, y=2, x=3] of the C-order array
		assertEquals(24 + 1 * 12 + 2 * 4 + 3, second.get(3, 2, 1));
	}
}
