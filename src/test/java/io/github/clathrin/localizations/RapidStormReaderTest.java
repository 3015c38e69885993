package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.SharedData;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/** rapidSTORM text files of locan; row counts are the non-blank lines after the XML line (grep -c). */
class RapidStormReaderTest {

	@TempDir
	Path dir;

	private static final String FIELD = "<field identifier=\"%s\" syntax=\"floating point\" unit=\"%s\" />";

	@Test
	void readsLocanSamples() throws IOException {
		LocalizationTable t = read(SharedData.file("formats/locan/rapidSTORM_dstorm_data.txt"));
		assertEquals(14, t.rowCount());
		assertEquals("rapidSTORM text", t.format());
		assertEquals(List.of("x", "y", "imagenumber_0_0", "amplitude_0_0", "fitresidues_0_0", "localbackground_0_0"),
			t.columnNames());
		assertEquals(9657.4, t.x()[0]);
		assertEquals(24533.5, t.y()[0]);
		assertEquals(1.19225e6, t.column("fitresidues_0_0").values()[0]);
		assertEquals("A/D count", t.column("amplitude_0_0").unit());
		assertFalse(t.is3D());

		LocalizationTable images = read(SharedData.file("formats/locan/rapidSTORM_from_images.txt"));
		assertEquals(12, images.rowCount());
		assertEquals(345.357, images.column("psfwidth_0_0").values()[0]);
		assertEquals("nm", images.column("psfwidth_0_0").unit());
	}

	@Test
	void trackFileReadsTracksAndSkipsTheirMembers() throws IOException {
		// first line: 5417.67 8439.85 1 4339.29 2 <two member localizations of 8 values>
		LocalizationTable t = read(SharedData.file("formats/locan/rapidSTORM_dstorm_track_data.txt"));
		assertEquals(14, t.rowCount());
		assertEquals(List.of("x", "y", "imagenumber_0_0", "amplitude_0_0"), t.columnNames());
		assertEquals(5417.67, t.x()[0]);
		assertEquals(4339.29, t.column("amplitude_0_0").values()[0]);
		assertTrue(t.warnings().stream().anyMatch(w -> w.contains("skipped")), t.warnings().toString());
	}

	@Test
	void metresAndZAreConvertedToNm() throws IOException {
		Path f = write("m.txt", "# <localizations>" + String.format(FIELD, "Position-0-0", "meter")
			+ String.format(FIELD, "Position-1-0", "micrometer") + String.format(FIELD, "Position-2-0", "nanometer")
			+ "</localizations>\n1.5e-6 2.5 -30\n");
		LocalizationTable t = read(f);
		assertEquals(1500, t.x()[0], 1e-9);
		assertEquals(2500, t.y()[0], 1e-9);
		assertEquals(-30, t.z()[0]);
		assertTrue(t.is3D());
	}

	@Test
	void badFilesNameFileAndLine() throws IOException {
		String header = "# <localizations>" + String.format(FIELD, "Position-0-0", "nanometer")
			+ String.format(FIELD, "Position-1-0", "nanometer") + "</localizations>\n";
		assertRefused(write("short.txt", header + "1 2\n3\n"), "short.txt, line 3");
		assertRefused(write("word.txt", header + "1 abc\n"), "'abc'");
		assertRefused(write("xml.txt", "# <localizations><field identifier=\"Position-0-0\"\n1 2\n"), "XML header");
		assertRefused(write("frame.txt", "# <localizations>" + String.format(FIELD, "Position-0-0", "frame")
			+ String.format(FIELD, "Position-1-0", "nanometer") + "</localizations>\n1 2\n"), "not a length");
		// a copy of a real file cut in the middle of a line
		byte[] real = Files.readAllBytes(SharedData.file("formats/locan/rapidSTORM_dstorm_data.txt"));
		Path cut = dir.resolve("cut.txt");
		Files.write(cut, java.util.Arrays.copyOf(real, real.length - 30));
		assertRefused(cut, "cut.txt, line 15");
	}

	private static LocalizationTable read(Path f) throws IOException {
		return LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE);
	}

	private void assertRefused(Path f, String expected) {
		InputException e = assertThrows(InputException.class, () -> read(f));
		assertTrue(e.getMessage().contains(f.getFileName().toString()) && e.getMessage().contains(expected), e.getMessage());
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(dir.resolve(name), text);
	}
}
