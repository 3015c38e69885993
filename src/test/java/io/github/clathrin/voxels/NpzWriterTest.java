package io.github.clathrin.voxels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzWriterTest {

	@TempDir
	Path tmp;

	private static final int[] INTS = { 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 7 };
	private static final long[] LONGS = { 0, 2, Long.MAX_VALUE, Long.MIN_VALUE };
	private static final float[] FLOATS = { 0f, -1.5f, Float.MIN_VALUE, 3.25e7f, Float.NaN, 1f, 2f, 3f };

	private Path writeAll() throws IOException {
		Path f = tmp.resolve("a.npz");
		NpzWriter.write(f, npz -> {
			npz.int32("X_train", new int[] { 1, 2, 3 }, INTS);
			npz.int64("y_train", new int[] { 4 }, LONGS);
			npz.float32("f", new int[] { 2, 2, 2 }, FLOATS);
		});
		return f;
	}

	@Test
	void roundTripsThroughTheReaders() throws IOException {
		Path f = writeAll();
		try (NpzReader zip = new NpzReader(f)) {
			assertEquals(List.of("X_train", "y_train", "f"), zip.names());
			try (NpyReader r = zip.open("X_train")) {
				assertEquals(NpyReader.DType.INT32, r.dtype());
				assertArrayEquals(new int[] { 1, 2, 3 }, r.shape());
				long[] v = r.readAllLongs();
				for (int i = 0; i < INTS.length; i++) assertEquals(INTS[i], v[i]);
			}
			try (NpyReader r = zip.open("y_train")) {
				assertEquals(NpyReader.DType.INT64, r.dtype());
				assertArrayEquals(new int[] { 4 }, r.shape());
				assertArrayEquals(LONGS, r.readAllLongs());
			}
			try (NpyReader r = zip.open("f")) {
				assertEquals(NpyReader.DType.FLOAT32, r.dtype());
				float[] v = new float[FLOATS.length];
				r.readFloats(v, 0, v.length);
				assertArrayEquals(FLOATS, v);
			}
		}
		try (ZipFile z = new ZipFile(f.toFile())) {
			for (ZipEntry e : java.util.Collections.list(z.entries()))
				assertEquals(ZipEntry.DEFLATED, e.getMethod(), e.getName() + " should be DEFLATE like savez_compressed");
		}
	}

	/** The NumPy format spec, version 1.0: magic, version, little-endian header length, dict, padding to 64, newline. */
	@Test
	void headerFollowsTheNpyFormatSpec() throws IOException {
		for (int[] shape : new int[][] { { 300, 20, 20, 20 }, { 3 }, {}, { 0, 2 } }) {
			byte[] h = NpyWriter.header(NpyWriter.DType.INT32, shape);
			assertEquals((byte) 0x93, h[0]);
			assertEquals("NUMPY", new String(h, 1, 5, StandardCharsets.ISO_8859_1));
			assertEquals(1, h[6]);
			assertEquals(0, h[7]);
			int len = (h[8] & 0xff) | (h[9] & 0xff) << 8;
			assertEquals(h.length, 10 + len);
			assertEquals(0, h.length % 64, "data must start 64-byte aligned");
			String dict = new String(h, 10, len, StandardCharsets.ISO_8859_1);
			assertTrue(dict.endsWith("\n"));
			assertTrue(dict.startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': ("), dict);
		}
		// Exactly what numpy 2.x writes for these shapes (checked with numpy.save).
		String numpy = "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }";
		String dict = new String(NpyWriter.header(NpyWriter.DType.INT64, new int[] { 3 }), 10, 118,
			StandardCharsets.ISO_8859_1);
		assertEquals(numpy + " ".repeat(118 - numpy.length() - 1) + "\n", dict);
		assertTrue(new String(NpyWriter.header(NpyWriter.DType.FLOAT32, new int[0]), StandardCharsets.ISO_8859_1)
			.contains("'descr': '<f4', 'fortran_order': False, 'shape': (), }"));
		// The data is little-endian.
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		NpyWriter.writeInt32(out, new int[] { 1 }, new int[] { 0x01020304 });
		byte[] b = out.toByteArray();
		assertArrayEquals(new byte[] { 4, 3, 2, 1 }, java.util.Arrays.copyOfRange(b, b.length - 4, b.length));
	}

	@Test
	void refusesWrongShapesAndDuplicateNames() {
		Path f = tmp.resolve("bad.npz");
		assertThrows(IllegalArgumentException.class, () -> NpzWriter.write(f, npz -> npz.int32("a", new int[] { 4 },
			new int[3])));
		assertThrows(IllegalArgumentException.class, () -> NpzWriter.write(f, npz -> {
			npz.int32("a", new int[] { 1 }, new int[1]);
			npz.int32("a", new int[] { 1 }, new int[1]);
		}));
		assertFalse(Files.exists(f), "a failed write leaves no file");
	}

	@Test
	void aFailedWriteKeepsTheOldFile() throws IOException {
		Path f = writeAll();
		byte[] before = Files.readAllBytes(f);
		assertThrows(IOException.class, () -> NpzWriter.write(f, npz -> {
			npz.int32("X", new int[] { 2 }, new int[2]);
			throw new IOException("disk full");
		}));
		assertArrayEquals(before, Files.readAllBytes(f));
		try (var files = Files.list(tmp)) {
			assertEquals(1, files.count(), "no temporary file is left behind");
		}
	}

	/** NumPy itself reads the file, with the right dtypes, shapes and values (skipped without python3 + numpy). */
	@Test
	void numpyReadsIt() throws Exception {
		assumeTrue(hasNumpy(), "python3 with numpy is not installed");
		Path f = writeAll();
		String script = "import numpy as np, sys\n"
			+ "d = np.load(sys.argv[1])\n"
			+ "assert list(d.keys()) == ['X_train', 'y_train', 'f'], list(d.keys())\n"
			+ "x = d['X_train']; assert x.dtype == np.dtype('<i4') and x.shape == (1, 2, 3)\n"
			+ "assert x.ravel().tolist() == [0, 1, -1, 2**31 - 1, -2**31, 7], x\n"
			+ "y = d['y_train']; assert y.dtype == np.dtype('<i8') and y.tolist() == [0, 2, 2**63 - 1, -2**63]\n"
			+ "v = d['f']; assert v.dtype == np.dtype('<f4') and v.shape == (2, 2, 2) and v.flags['C_CONTIGUOUS']\n"
			+ "assert v[0, 0, 1] == -1.5 and np.isnan(v[1, 0, 0]) and v[1, 1, 1] == 3\n"
			+ "import io; b = io.BytesIO(); np.save(b, x); import zipfile\n"
			+ "assert zipfile.ZipFile(sys.argv[1]).read('X_train.npy') == b.getvalue(), 'bytes differ from numpy.save'\n"
			+ "print('ok')\n";
		Path py = tmp.resolve("check.py");
		Files.writeString(py, script);
		Process p = new ProcessBuilder("python3", py.toString(), f.toString()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), out);
		assertEquals("ok", out.trim());
	}

	private static boolean hasNumpy() {
		try {
			Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (IOException | InterruptedException e) {
			return false;
		}
	}
}
