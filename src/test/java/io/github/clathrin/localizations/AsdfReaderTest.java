package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.SharedData;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/** locan's ASDF files: the real sample, files built here, and damaged copies. */
class AsdfReaderTest {

	private static final ReadOptions NM = ReadOptions.DEFAULT.withUnits(LengthUnit.NM);

	@TempDir
	Path dir;

	@Test
	void readsLocanSampleAndMatchesAnIndependentDecode() throws IOException {
		Path f = SharedData.file("formats/locan/npc_gp210.asdf");
		LocalizationTable t = LocalizationReaders.read(f, NM, Progress.NONE);
		assertEquals("ASDF (locan)", t.format());
		assertEquals(202, t.rowCount());
		assertEquals(List.of("x", "y", "frame", "intensity", "two_kernel_improvement", "chi_square", "local_background"),
			t.columnNames());
		// Independent decode: the single block's data starts 6 + header size after its magic; the array
		// is column-major float32 little-endian (strides [4, 808]), so column c, row r is at 4 r + 808 c.
		byte[] b = Files.readAllBytes(f);
		int magic = indexOf(b, new byte[] { (byte) 0xd3, 'B', 'L', 'K' });
		ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
		int data = magic + 6 + (bb.getShort(magic + 4) & 0xffff);
		bb.order(ByteOrder.LITTLE_ENDIAN);
		for (int r : new int[] { 0, 1, 100, 201 }) {
			assertEquals(bb.getFloat(data + 4 * r), t.x()[r], 0, "x row " + r);
			assertEquals(bb.getFloat(data + 4 * r + 808), t.y()[r], 0, "y row " + r);
			assertEquals(bb.getFloat(data + 4 * r + 2 * 808), t.column("frame").values()[r], 0, "frame row " + r);
		}
		// locan's own summary in the tree: mean position_x 5623.49, mean position_y 6625.53
		assertEquals(5623.49, Arrays.stream(t.x()).average().orElseThrow(), 0.01);
		assertEquals(6625.53, Arrays.stream(t.y()).average().orElseThrow(), 0.01);
	}

	@Test
	void withoutUnitsTheSampleIsRefusedWithAHint() throws IOException {
		Path f = SharedData.file("formats/locan/npc_gp210.asdf");
		InputException e = assertThrows(InputException.class, () -> LocalizationReaders.read(f, ReadOptions.DEFAULT, null));
		assertTrue(e.getMessage().contains("npc_gp210.asdf") && e.getMessage().contains("--units nm"), e.getMessage());
	}

	@Test
	void truncatedCopiesAreRefusedNamingTheFile() throws IOException {
		byte[] b = Files.readAllBytes(SharedData.file("formats/locan/npc_gp210.asdf"));
		// The data block ends at byte 8018; locan's block index follows it and may be lost.
		for (int length : new int[] { 20, 600, 2300, 2310, 2340, 2400, 8017 }) {
			Path f = dir.resolve("cut" + length + ".asdf");
			Files.write(f, Arrays.copyOf(b, length));
			InputException e = assertThrows(InputException.class, () -> new AsdfReader().read(f, NM, Progress.NONE),
				"cut at " + length);
			assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
		}
	}

	@Test
	void builtFilesRowMajorBigEndianFloat64() throws IOException {
		ByteBuffer d = ByteBuffer.allocate(2 * 3 * 8).order(ByteOrder.BIG_ENDIAN);
		d.putDouble(1.5).putDouble(2.5).putDouble(7).putDouble(-1).putDouble(0.25).putDouble(8);
		Path f = asdf("rows.asdf", "columns: [position_x, position_y, frame]\n"
			+ "data: !core/ndarray-1.0.0 {source: 0, datatype: float64, byteorder: big, shape: [2, 3], strides: [24, 8]}\n",
			d.array(), "\0\0\0\0");
		LocalizationTable t = new AsdfReader().read(f, ReadOptions.DEFAULT.withUnits(LengthUnit.UM), Progress.NONE);
		assertEquals(2, t.rowCount());
		assertEquals(1500, t.x()[0], 1e-9);
		assertEquals(250, t.y()[1], 1e-9);
		assertEquals(8, t.column("frame").values()[1]);
	}

	@Test
	void compressedBlocksWrongMagicAndMissingColumnsAreRefused() throws IOException {
		String tree = "columns: [position_x, position_y]\n"
			+ "data: !core/ndarray-1.0.0 {source: 0, datatype: float32, byteorder: little, shape: [1, 2]}\n";
		assertRefused(asdf("zlib.asdf", tree, new byte[8], "zlib"), "zlib");
		assertRefused(asdf("nocols.asdf", tree.replace("columns", "names"), new byte[8], "\0\0\0\0"), "'columns'");
		assertRefused(asdf("nodata.asdf", tree.replace("data:", "table:"), new byte[8], "\0\0\0\0"), "'data'");
		assertRefused(asdf("noxy.asdf", tree.replace("position_y", "frame"), new byte[8], "\0\0\0\0"), "no x and y");
		assertRefused(asdf("three.asdf", tree.replace("position_y]", "position_y, frame]"), new byte[8], "\0\0\0\0"),
			"columns");
		Path wrong = asdf("magic.asdf", tree, new byte[8], "\0\0\0\0");
		byte[] b = Files.readAllBytes(wrong);
		b[indexOf(b, "BLK".getBytes(StandardCharsets.US_ASCII)) - 1] = 0;
		Files.write(wrong, b);
		assertRefused(wrong, "block");
		Path notAsdf = dir.resolve("not.asdf");
		Files.writeString(notAsdf, "#ASDX 1.0.0\n");
		assertRefused(notAsdf, "#ASDF");
	}

	private void assertRefused(Path f, String words) {
		Exception e = assertThrows(Exception.class, () -> new AsdfReader().read(f, NM, Progress.NONE), f.toString());
		assertInstanceOf(InputException.class, e, e.toString());
		assertTrue(e.getMessage().contains(f.getFileName().toString()) && e.getMessage().contains(words), e.getMessage());
	}

	/** A minimal ASDF file: header lines, the tree, the end marker, one block. */
	private Path asdf(String name, String tree, byte[] data, String compression) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("#ASDF 1.0.0\n#ASDF_STANDARD 1.5.0\n%YAML 1.1\n--- !core/asdf-1.1.0\n" + tree + "...\n")
			.getBytes(StandardCharsets.US_ASCII));
		ByteBuffer h = ByteBuffer.allocate(4 + 2 + 48).order(ByteOrder.BIG_ENDIAN);
		h.put(new byte[] { (byte) 0xd3, 'B', 'L', 'K' }).putShort((short) 48).putInt(0)
			.put(compression.getBytes(StandardCharsets.US_ASCII)).putLong(data.length).putLong(data.length)
			.putLong(data.length).put(new byte[16]);
		out.writeBytes(h.array());
		out.writeBytes(data);
		Path f = dir.resolve(name);
		Files.write(f, out.toByteArray());
		return f;
	}

	private static int indexOf(byte[] b, byte[] m) {
		outer: for (int i = 0; i + m.length <= b.length; i++) {
			for (int k = 0; k < m.length; k++)
				if (b[i + k] != m[k]) continue outer;
			return i;
		}
		return -1;
	}
}
