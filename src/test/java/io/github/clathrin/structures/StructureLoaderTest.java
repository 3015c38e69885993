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
		assertTrue(set.warnings().stream().anyMatch(w -> w.contains("skipped 1 file") && w.contains("notes.md")),
			set.warnings().toString());
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

	/** A folder as people keep it: the structures, their labels, notes and this tool's own outputs. */
	private void folderWithOtherFiles() throws IOException {
		TinyThunderStorm.write(tmp.resolve("s0001.csv"), new double[] { 1, 2 }, new double[] { 3, 4 }, new double[] { 5, 6 });
		TinyThunderStorm.write(tmp.resolve("s0002.csv"), new double[] { 7 }, new double[] { 8 }, new double[] { 9 });
		Files.writeString(tmp.resolve("labels.csv"), "structure,label\ns0001.csv,yes\ns0002.csv,no\n");
		Files.writeString(tmp.resolve("README.txt"), "Structures of cell 3, cropped by hand.\nx and y in nm.\n");
		Files.writeString(tmp.resolve("results.csv"), "structure,prediction,probability,label,p_no,p_yes\n"
			+ "s0001.csv,yes,0.900,yes,0.100,0.900\n");
		Files.writeString(tmp.resolve("segments.csv"), "cluster,key,localizations,x_min,x_max,y_min,y_max,z_min,z_max,"
			+ "extent_nm,verdict\n1,cell-1,40,0.0,10.0,0.0,10.0,0.0,10.0,17.3,kept\n");
		Files.writeString(tmp.resolve("notes.md"), "not data");
	}

	@Test
	void filesThatHoldNoStructureAreSkippedWithOneWarningNamingThem() throws IOException {
		folderWithOtherFiles();
		StructureSet set = StructureLoader.fromFolder(tmp, TinyThunderStorm::read);
		assertEquals(List.of("s0001.csv", "s0002.csv"), set.keys());
		List<String> skipped = set.warnings().stream().filter(w -> w.contains("skipped")).toList();
		assertEquals(1, skipped.size(), set.warnings().toString());
		for (String name : List.of("labels.csv", "README.txt", "results.csv", "segments.csv", "notes.md"))
			assertTrue(skipped.get(0).contains(name), name + " named in " + skipped);
	}

	@Test
	void aDamagedStructureFileAmongOtherFilesIsStillAnErrorNamingFileAndLine() throws IOException {
		folderWithOtherFiles();
		StringBuilder rows = new StringBuilder("\"x [nm]\",\"y [nm]\",\"z [nm]\"\n");
		for (int line = 2; line <= 60; line++) rows.append(line == 57 ? "1,2e,3" : "1,2,3").append('\n');
		Files.writeString(tmp.resolve("s0003.csv"), rows);
		InputException e = assertThrows(InputException.class,
			() -> StructureLoader.fromFolder(tmp, f -> io.github.clathrin.localizations.LocalizationReaders.read(f,
				io.github.clathrin.localizations.ReadOptions.DEFAULT, null)));
		assertTrue(e.getMessage().contains("s0003.csv") && e.getMessage().contains("line 57"), e.getMessage());
	}

	@Test
	void onlyFilesThatAreClearlyNoLocalizationTableAreSkipped() throws IOException {
		TinyThunderStorm.write(tmp.resolve("a.csv"), new double[] { 1 }, new double[] { 2 }, new double[] { 3 });
		Files.writeString(tmp.resolve("comments.txt"), "# exported 2026-01-02\n\n# nothing else\n");
		Files.writeString(tmp.resolve("roi-labels.csv"), "roi,label\n1,pit\n");
		Path headerless = tmp.resolve("b.txt");
		Files.writeString(headerless, "1 2 3\n4 5 6\n");
		TableSource real = f -> io.github.clathrin.localizations.LocalizationReaders.read(f,
			io.github.clathrin.localizations.ReadOptions.DEFAULT, null);
		// Numbers without titles are localizations that need --columns: an error that says so, not a skip.
		InputException e = assertThrows(InputException.class, () -> StructureLoader.fromFolder(tmp, real));
		assertTrue(e.getMessage().contains("b.txt") && e.getMessage().contains("--columns"), e.getMessage());
		Files.delete(headerless);
		StructureSet set = StructureLoader.fromFolder(tmp, real);
		assertEquals(List.of("a.csv"), set.keys());
		assertTrue(set.warnings().get(0).contains("comments.txt") && set.warnings().get(0).contains("roi-labels.csv"),
			set.warnings().toString());
	}

	@Test
	void aFolderOfNoStructuresIsAnErrorThatSaysWhatItHolds() throws IOException {
		Files.writeString(tmp.resolve("labels.csv"), "structure,label\ns0001.csv,yes\n");
		Files.writeString(tmp.resolve("README.txt"), "Nothing here yet.\n");
		InputException e = assertThrows(InputException.class, () -> StructureLoader.fromFolder(tmp, TinyThunderStorm::read));
		assertTrue(e.getMessage().contains(tmp.toString()) && e.getMessage().contains("labels.csv")
			&& e.getMessage().contains("README.txt"), e.getMessage());
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
