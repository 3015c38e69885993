package io.github.clathrin.localizations;

import io.github.clathrin.Cancelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/** Broken and awkward files made on the spot: each is read correctly or refused with file and place. */
class MalformedInputTest {

	@TempDir
	Path dir;

	private static final String TS_TITLES = "\"frame\",\"x [nm]\",\"y [nm]\",\"z [nm]\"\n";

	@Test
	void rowWithTooFewFields() throws IOException {
		Path f = write("few.csv", TS_TITLES + "1,10,20,30\n2,11,21\n");
		String m = refused(f, ReadOptions.DEFAULT);
		assertTrue(m.contains("line 3") && m.contains("expected 4 fields") && m.contains("found 3"), m);
	}

	@Test
	void rowWithTooManyFields() throws IOException {
		Path f = write("many.csv", TS_TITLES + "1,10,20,30,40\n");
		String m = refused(f, ReadOptions.DEFAULT);
		assertTrue(m.contains("line 2") && m.contains("found 5"), m);
	}

	@Test
	void textInNumberField() throws IOException {
		Path f = write("text.csv", TS_TITLES + "1,10,20,30\n2,abc,21,31\n");
		String m = refused(f, ReadOptions.DEFAULT);
		assertTrue(m.contains("line 3") && m.contains("'abc' in column 'x [nm]' is not a number"), m);
	}

	@Test
	void emptyCoordinateIsAnErrorButEmptyOtherFieldIsNaN() throws IOException {
		Path f = write("gap.csv", TS_TITLES + "1,10,,30\n");
		String m = refused(f, ReadOptions.DEFAULT);
		assertTrue(m.contains("line 2") && m.contains("y [nm]"), m);
		LocalizationTable t = read(write("gap2.csv", TS_TITLES + ",10,20,30\n"), ReadOptions.DEFAULT);
		assertTrue(Double.isNaN(t.column("frame").values()[0]));
	}

	@Test
	void emptyFile() throws IOException {
		String m = refused(write("empty.csv", ""), ReadOptions.DEFAULT);
		assertTrue(m.contains("is empty"), m);
	}

	@Test
	void randomBytes() throws IOException {
		byte[] b = new byte[5000];
		new Random(42).nextBytes(b);
		b[0] = 7; // make sure no magic number is hit by chance
		Path f = dir.resolve("noise.csv");
		Files.write(f, b);
		String m = refused(f, ReadOptions.DEFAULT);
		assertTrue(m.contains("not a localization file"), m);
	}

	@Test
	void binaryFileOfAnotherKind() throws IOException {
		Path f = dir.resolve("picture.png");
		Files.write(f, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0 });
		assertTrue(refused(f, ReadOptions.DEFAULT).contains("not a localization file"));
	}

	@Test
	void missingFileAndFolder() {
		assertTrue(refused(dir.resolve("nothing.csv"), ReadOptions.DEFAULT).contains("no such file"));
		assertTrue(refused(dir, ReadOptions.DEFAULT).contains("folder"));
	}

	@Test
	void unsupportedKnownFormats() throws IOException {
		Path h5 = dir.resolve("locs.hdf5");
		Files.write(h5, "\u0089HDF\r\n\u001a\n\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
		assertTrue(refused(h5, ReadOptions.DEFAULT).contains("truncated or corrupt")); // HDF5 is read now
		Path zip = dir.resolve("locs.smlm");
		Files.write(zip, "PK\u0003\u0004rest".getBytes(StandardCharsets.ISO_8859_1));
		assertTrue(refused(zip, ReadOptions.DEFAULT).contains("damaged or truncated ZIP"));
		Path other = dir.resolve("locs.zip");
		Files.write(other, "PK\u0003\u0004rest".getBytes(StandardCharsets.ISO_8859_1));
		assertTrue(refused(other, ReadOptions.DEFAULT).contains("not supported yet"));
	}

	@Test
	void tableWithoutXAndY() throws IOException {
		String m = refused(write("noxy.csv", "frame,intensity\n1,200\n"), ReadOptions.DEFAULT);
		assertTrue(m.contains("no x and y columns"), m);
		m = refused(write("numbers.txt", "1.0 2.0 3.0\n4.0 5.0 6.0\n"), ReadOptions.DEFAULT);
		assertTrue(m.contains("line 1") && m.contains("not column titles"), m);
	}

	@Test
	void pixelsNeedAPixelSize() throws IOException {
		Path f = write("px.csv", "\"frame\",\"x [px]\",\"y [px]\",\"z [nm]\"\n1,10.5,20,-30\n");
		String m = refused(f, ReadOptions.DEFAULT);
		assertTrue(m.contains("x [px]") && m.contains("--pixel-size"), m);
		LocalizationTable t = read(f, ReadOptions.DEFAULT.withPixelSize(100.0));
		assertEquals(1050, t.x()[0], 1e-9);
		assertEquals(-30, t.z()[0]);
	}

	/** An Insight3 .bin of {@code bytes} bytes whose header announces {@code records} records; the records follow. */
	private static ByteBuffer insight3(int bytes, int records) {
		ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
		b.put("M425".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(6).putInt(records);
		return b;
	}

	/** The message that refuses an Insight3 file {@code name} made by {@link #insight3} with no records written. */
	private String refusedInsight3(String name, int bytes, int records) throws IOException {
		Path f = dir.resolve(name);
		Files.write(f, insight3(bytes, records).array());
		return refused(f, ReadOptions.DEFAULT.withPixelSize(160.0));
	}

	@Test
	void truncatedInsight3() throws IOException {
		String m = refusedInsight3("cut.bin", 16 + 72 * 2 + 30, 5);
		assertTrue(m.contains("cut.bin") && m.contains("record 3"), m);
	}

	@Test
	void insight3HeaderAnnouncingAHugeCountIsRefusedBeforeAllocating() throws IOException {
		// Two billion molecules (tens of GB of columns) announced by a file of two records.
		String m = refusedInsight3("huge_n.bin", 16 + 72 * 2 + 4, 2_000_000_000);
		assertTrue(m.contains("huge_n.bin") && m.contains("2000000000 records"), m);
	}

	@Test
	void insight3RecordsRoundTrip() throws IOException {
		Path f = dir.resolve("two.bin");
		ByteBuffer b = insight3(16 + 72 * 2 + 4, 2);
		for (int r = 0; r < 2; r++) {
			b.putFloat(10 + r).putFloat(20).putFloat(11 + r).putFloat(21); // x, y, xc, yc
			for (int k = 0; k < 7; k++) b.putFloat(k); // h, a, w, phi, ax, bg, i
			b.putInt(r + 1).putInt(1).putInt(7 + r).putInt(1).putInt(-1); // c, fi, fr, tl, lk
			b.putFloat(100).putFloat(-50 + r); // z, zc
		}
		b.putInt(0);
		Files.write(f, b.array());
		LocalizationTable t = read(f, ReadOptions.DEFAULT.withPixelSize(100.0));
		assertEquals(1100, t.x()[0]);
		assertEquals(2100, t.y()[0]);
		assertEquals(-50, t.z()[0]);
		assertEquals(1000, t.column("x_raw").values()[0]);
		assertEquals(8, t.column("frame").values()[1]);
		LocalizationTable only2 = read(f, new ReadOptions(null, 100.0, 2));
		assertEquals(1, only2.rowCount());
		assertEquals(1200, only2.x()[0]);
	}

	@Test
	void headerVariants() throws IOException {
		// BOM, CRLF, '#' comments, semicolons, unit spellings
		Path f = write("v.csv", "\uFEFF# made by hand\r\nPosition X [nm];Y (nm);z(nm);Xc;frame\r\n1;2;3;4;5\r\n\r\n");
		LocalizationTable t = read(f, ReadOptions.DEFAULT);
		assertEquals(1, t.rowCount());
		assertEquals(1, t.x()[0]);
		assertEquals(3, t.z()[0]);
		assertEquals(4, t.column("xc").values()[0]);
		// glued units, whitespace delimiter, micrometres
		t = read(write("w.txt", "xum yum  frame\n  1.5   2 3\n"), ReadOptions.DEFAULT);
		assertEquals(1500, t.x()[0], 1e-9);
		assertEquals(3, t.column("frame").values()[0]);
		// tabs, NaN spelled the Python way, X preferred over a second x-like column
		t = read(write("t.tsv", "X\tY\tx [nm]\tI\n1\t2\t9\tnan\n"), ReadOptions.DEFAULT.withUnits(LengthUnit.NM));
		assertEquals(1, t.x()[0]);
		assertTrue(Double.isNaN(t.column("i").values()[0]));
		assertEquals(9, t.column("x_2").values()[0]);
	}

	@Test
	void cancellationStopsReading() throws IOException {
		StringBuilder s = new StringBuilder(TS_TITLES);
		for (int i = 0; i < 200_000; i++) s.append(i).append(",1.5,2.5,3.5\n");
		Path f = write("big.csv", s.toString());
		Progress cancelAfterFirst = Cancelling.after(1);
		assertThrows(CancelledException.class, () -> LocalizationReaders.read(f, ReadOptions.DEFAULT, cancelAfterFirst));
		assertEquals(200_000, read(f, ReadOptions.DEFAULT).rowCount()); // spans several 1 MiB chunks
	}

	@Test
	void writerRoundTrip() throws IOException {
		LocalizationTable t = read(write("in.csv", TS_TITLES + "1,10.25,20,-30.125\n2,1e-3,NaN,4\n"), ReadOptions.DEFAULT);
		Path out = dir.resolve("out.csv");
		ThunderStormCsvWriter.write(out, t);
		String text = Files.readString(out);
		assertTrue(text.startsWith(TS_TITLES), text);
		LocalizationTable back = read(out, ReadOptions.DEFAULT);
		assertEquals(t.columnNames(), back.columnNames());
		for (int c = 0; c < t.columns().size(); c++)
			for (int r = 0; r < t.rowCount(); r++)
				assertEquals(t.columns().get(c).values()[r], back.columns().get(c).values()[r]);
		try (var files = Files.list(dir)) {
			assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "temp file left behind");
		}
	}

	private Path write(String name, String text) throws IOException {
		Path f = dir.resolve(name);
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	private static LocalizationTable read(Path f, ReadOptions o) throws IOException {
		return LocalizationReaders.read(f, o, Progress.NONE);
	}

	/** Reads, expects an InputException naming the file, returns its message. */
	private static String refused(Path f, ReadOptions o) {
		InputException e = assertThrows(InputException.class, () -> read(f, o));
		assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
		return e.getMessage();
	}
}
