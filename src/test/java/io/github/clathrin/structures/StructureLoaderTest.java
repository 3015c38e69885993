package io.github.clathrin.structures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.TinyThunderStorm;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.task.InputException;

class StructureLoaderTest {

	@TempDir
	Path tmp;

	private static LocalizationTable table(double[] roi, boolean threeD) {
		int n = roi.length;
		double[] x = new double[n], y = new double[n], z = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = i;
			y[i] = 10 * i;
			z[i] = 100 * i;
		}
		LocalizationTable.Builder b = LocalizationTable.builder(Path.of("table.csv"), "test").column("x", "nm", x)
			.column("y", "nm", y);
		if (threeD) b.column("z", "nm", z);
		return b.column("roi", "", roi).column("frame", "", roi.clone()).build();
	}

	@Test
	void fromTableGroupsByRoiInNumericOrder() {
		LocalizationTable t = table(new double[] { 10, 2, 1, 2, 10, 2.5, 10, Double.NaN, -0.0, 0 }, true);
		StructureSet set = StructureLoader.fromTable(t, "ROI");
		assertEquals(List.of("0", "1", "2", "2.5", "10"), set.keys());
		assertEquals(List.of(2, 1, 2, 1, 3), set.structures().stream().map(Structure::size).toList());
		assertArrayEquals(new double[] { 1, 10, 100, 3, 30, 300 }, set.get(2).points(), "rows of ROI 2 in table order");
		assertTrue(set.warnings().stream().anyMatch(w -> w.contains("skipped 1 rows")), set.warnings().toString());
	}

	@Test
	void insight3FramesAreStructures() {
		StructureSet set = StructureLoader.fromTable(table(new double[] { 1, 1, 2 }, true), StructureLoader.INSIGHT3_FRAME);
		assertEquals(List.of("1", "2"), set.keys());
	}

	@Test
	void twoDimensionalTablesGetZeroZAndAWarning() {
		StructureSet set = StructureLoader.fromTable(table(new double[] { 1, 1 }, false), "roi");
		assertArrayEquals(new double[] { 0, 0, 0, 1, 10, 0 }, set.get(0).points());
		assertTrue(set.warnings().stream().anyMatch(w -> w.contains("2D")));
	}

	@Test
	void unknownRoiColumnListsTheColumns() {
		InputException e = assertThrows(InputException.class,
			() -> StructureLoader.fromTable(table(new double[] { 1 }, true), "group"));
		assertTrue(e.getMessage().contains("'group'"), e.getMessage());
		assertTrue(e.getMessage().contains("x, y, z, roi, frame"), e.getMessage());
	}

	@Test
	void fromFolderReadsOneStructurePerFileSortedByName() throws IOException {
		TinyThunderStorm.write(tmp.resolve("b.csv"), new double[] { 1, 2 }, new double[] { 3, 4 }, new double[] { 5, 6 });
		TinyThunderStorm.write(tmp.resolve("a.csv"), new double[] { 7 }, new double[] { 8 }, new double[] { 9 });
		TinyThunderStorm.write(tmp.resolve("c.txt"), new double[] { 1 }, new double[] { 1 }, null);
		Files.writeString(tmp.resolve("notes.md"), "not data");
		StructureSet set = StructureLoader.fromFolder(tmp, TinyThunderStorm::read);
		assertEquals(List.of("a.csv", "b.csv", "c.txt"), set.keys());
		assertArrayEquals(new double[] { 1, 3, 5, 2, 4, 6 }, set.get(1).points());
		assertTrue(set.warnings().stream().anyMatch(w -> w.contains("ignored 1")), set.warnings().toString());
		assertTrue(set.warnings().stream().anyMatch(w -> w.contains("1 of 3 files are 2D")), set.warnings().toString());
		assertEquals(set.keys(), StructureLoader.fromPath(tmp, null, TinyThunderStorm::read).keys());
	}

	@Test
	void fromFolderNamesTheFileThatFails() throws IOException {
		TinyThunderStorm.write(tmp.resolve("good.csv"), new double[] { 1 }, new double[] { 1 }, new double[] { 1 });
		Files.writeString(tmp.resolve("broken.csv"), "\"x [nm]\",\"y [nm]\"\n1,oops\n");
		InputException e = assertThrows(InputException.class, () -> StructureLoader.fromFolder(tmp, TinyThunderStorm::read));
		assertTrue(e.getMessage().contains("broken.csv"), e.getMessage());

		// A reader that fails without naming the file still gets it named.
		Path other = Files.createDirectory(tmp.resolve("other"));
		Files.writeString(other.resolve("x.bin"), "");
		InputException wrapped = assertThrows(InputException.class,
			() -> StructureLoader.fromFolder(other, f -> { throw new IOException("truncated record"); }));
		assertTrue(wrapped.getMessage().contains("x.bin") && wrapped.getMessage().contains("truncated record"),
			wrapped.getMessage());
	}

	@Test
	void emptyFolderIsAnError() {
		assertThrows(InputException.class, () -> StructureLoader.fromFolder(tmp, TinyThunderStorm::read));
	}

	@Test
	void fromPathGroupsASingleFileOrTakesItWhole() throws IOException {
		Path file = tmp.resolve("all.csv");
		Files.writeString(file, "\"x [nm]\",\"y [nm]\",\"z [nm]\",\"roi\"\n1,1,1,3\n2,2,2,1\n3,3,3,3\n");
		assertEquals(List.of("1", "3"), StructureLoader.fromPath(file, "roi", TinyThunderStorm::read).keys());
		StructureSet whole = StructureLoader.fromPath(file, "", TinyThunderStorm::read);
		assertEquals(List.of("all.csv"), whole.keys());
		assertEquals(3, whole.get(0).size());
	}
}
