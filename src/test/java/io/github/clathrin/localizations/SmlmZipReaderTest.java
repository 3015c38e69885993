package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.SharedData;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/** The .smlm ZIP format: locan's sample and archives written here. */
class SmlmZipReaderTest {

	@TempDir
	Path dir;

	@Test
	void readsLocanSample() throws IOException {
		// Python struct '<bffffbf' on table-0.bin (220 bytes = 10 rows of 22): first row
		// (1, 1653.34, 733.022, 6224440.0, 13324.8, 0, 8879.34); units from locdata_meta (nm)
		LocalizationTable t = read(SharedData.file("formats/locan/SMLM_dstorm_data.smlm"), ReadOptions.DEFAULT);
		assertEquals("SMLM ZIP", t.format());
		assertEquals(10, t.rowCount());
		assertEquals(List.of("original_index", "x", "local_background", "chi_square", "intensity", "frame", "y"),
			t.columnNames());
		assertEquals(1653.34f, t.x()[0]);
		assertEquals(8879.34f, t.y()[0]);
		assertEquals(6224440.0, t.column("chi_square").values()[0]);
		assertEquals(10, t.column("original_index").values()[9]);
		assertEquals("nm", t.column("x").unit());
	}

	@Test
	void unitsFromTheManifestAndPackedDtypes() throws IOException {
		ByteBuffer b = ByteBuffer.allocate(2 * (8 + 4 + 2)).order(ByteOrder.LITTLE_ENDIAN);
		b.putDouble(1.5).putFloat(2.5f).putShort((short) 65000);
		b.putDouble(-0.25).putFloat(0).putShort((short) 1);
		Path f = archive("um.smlm", manifest("\"um\", \"um\", \"\"", "float64", "float32", "uint16", "2"), b.array());
		LocalizationTable t = read(f, ReadOptions.DEFAULT);
		assertEquals(1500, t.x()[0], 1e-9);
		assertEquals(2500, t.y()[0], 1e-9);
		assertEquals(-250, t.x()[1], 1e-9);
		assertEquals(65000, t.column("frame").values()[0]);
	}

	@Test
	void missingUnitsAskForUnits() throws IOException {
		Path f = archive("nounits.smlm", manifest("\"\", \"\", \"\"", "float32", "float32", "int32", "1"), new byte[12]);
		InputException e = assertThrows(InputException.class, () -> read(f, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().contains("nounits.smlm") && e.getMessage().contains("--units"), e.getMessage());
		assertEquals(0, read(f, ReadOptions.DEFAULT.withUnits(LengthUnit.NM)).x()[0]);
	}

	@Test
	void truncatedArchivesAreRefusedClearly() throws IOException {
		byte[] real = Files.readAllBytes(SharedData.file("formats/locan/SMLM_dstorm_data.smlm"));
		for (int keep : new int[] { real.length - 10, real.length / 2, 100 }) {
			Path cut = dir.resolve("cut" + keep + ".smlm");
			Files.write(cut, Arrays.copyOf(real, keep));
			InputException e = assertThrows(InputException.class, () -> read(cut, ReadOptions.DEFAULT));
			assertTrue(e.getMessage().contains(cut.getFileName().toString()) && e.getMessage().contains("truncated"),
				e.getMessage());
		}
		// a table shorter than the manifest says: the record is named
		Path short_ = archive("short.smlm", manifest("\"nm\", \"nm\", \"\"", "float32", "float32", "int32", "3"), new byte[30]);
		InputException e = assertThrows(InputException.class, () -> read(short_, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().contains("short.smlm, record 3"), e.getMessage());
		Path noManifest = archive("empty.smlm", null, new byte[12]);
		e = assertThrows(InputException.class, () -> read(noManifest, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().contains("no manifest.json"), e.getMessage());
	}

	/** Ten rows of three float32 coordinates. */
	private static byte[] tenRows() {
		return new byte[10 * 12];
	}

	@Test
	void aManifestAnnouncingMoreRowsThanTheTableHoldsIsRefusedBeforeAllocating() throws IOException {
		// Two billion rows (48 GB of doubles) announced for a table of 120 bytes.
		Path f = archive("bomb.smlm", manifest("\"nm\", \"nm\", \"nm\"", "float32", "float32", "float32", "2000000000"),
			tenRows());
		InputException e = assertThrows(InputException.class, () -> read(f, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("2000000000 rows"), e.getMessage());
	}

	@Test
	void aZipEntryWhoseDeclaredSizeLiesIsBoundedByItsCompressedSize() throws IOException {
		// The rows and the entry's declared size agree (4.2 GB, 8.4 GB of doubles), but its 120 compressed bytes
		// cannot inflate to that.
		int rows = 350_000_000;
		Path f = archive("lying-size.smlm", manifest("\"nm\", \"nm\", \"nm\"", "float32", "float32", "float32",
			Integer.toString(rows)), tenRows());
		byte[] zip = Files.readAllBytes(f);
		ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		boolean patched = false;
		for (int i = zip.length - 46; i >= 0 && !patched; i--)
			if (b.getInt(i) == 0x02014b50 && new String(zip, i + 46, b.getShort(i + 28), StandardCharsets.UTF_8)
				.equals("table-0.bin"))
			{
				b.putInt(i + 24, rows * 12); // uncompressed size in the central directory
				patched = true;
			}
		assertTrue(patched);
		Files.write(f, zip);
		InputException e = assertThrows(InputException.class, () -> read(f, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(rows + " rows"), e.getMessage());
	}

	private static String manifest(String units, String dx, String dy, String df, String rows) {
		return "{\"format_version\": \"0.2\", \"formats\": {\"t\": {\"type\": \"table\", \"mode\": \"binary\","
			+ "\"headers\": [\"position_x\", \"position_y\", \"frame\"], \"dtype\": [\"" + dx + "\", \"" + dy + "\", \""
			+ df + "\"], \"shape\": [\"1\", \"1\", \"1\"], \"units\": [" + units + "]}},"
			+ "\"files\": [{\"name\": \"table-0.bin\", \"type\": \"table\", \"format\": \"t\", \"rows\": \"" + rows + "\"}]}";
	}

	private Path archive(String name, String manifest, byte[] table) throws IOException {
		Path f = dir.resolve(name);
		try (OutputStream o = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(o)) {
			if (manifest != null) {
				z.putNextEntry(new ZipEntry("manifest.json"));
				z.write(manifest.getBytes(StandardCharsets.UTF_8));
			}
			z.putNextEntry(new ZipEntry("table-0.bin"));
			z.write(table);
		}
		return f;
	}

	private static LocalizationTable read(Path f, ReadOptions o) throws IOException {
		return LocalizationReaders.read(f, o, Progress.NONE);
	}
}
