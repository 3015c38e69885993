package io.github.clathrin.structures;

import io.github.clathrin.task.AtomicFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.task.InputException;

class LabelsTest {

	private static final Path FILE = Path.of("labels.csv");

	@TempDir
	Path tmp;

	@Test
	void yesNoSpellingsBecomeYesAndNo() {
		Labels l = Labels.parse("structure,label\n"
			+ "a,yes\nb,YES\nc, 1 \nd,true\ne,Match\nf,CME match\ng,y\n"
			+ "h,no\ni,No\nj,0\nk,FALSE\nl,no match\nm,n\n", FILE);
		for (String k : List.of("a", "b", "c", "d", "e", "f", "g")) assertEquals("yes", l.label(k), k);
		for (String k : List.of("h", "i", "j", "k", "l", "m")) assertEquals("no", l.label(k), k);
	}

	@Test
	void otherLabelsAreClassNamesAndNumbersStayNumbersInMultiClassFiles() {
		Labels l = Labels.parse("id,label\n1,chair\n2, bathtub \n3,0\n4,9\n5,1\n", FILE);
		assertEquals("chair", l.label("1"));
		assertEquals("bathtub", l.label("2"));
		assertEquals("0", l.label("3")); // a class id, not "no": the file is not yes/no
		assertEquals("9", l.label("4"));
		assertEquals("1", l.label("5"));
		Labels origami = Labels.parse("group,label\n7,0_1\n8,4_2\n", FILE);
		assertEquals("0_1", origami.label("7"));
	}

	@Test
	void emptyLabelsMeanUnlabelled() {
		Labels l = Labels.parse("structure,label\na,yes\nb,\nc\nd,  \n", FILE);
		assertEquals(4, l.size());
		assertEquals("yes", l.label("a"));
		assertNull(l.label("b"));
		assertNull(l.label("c"));
		assertNull(l.label("d"));
		assertTrue(l.asMap().containsKey("c"));
	}

	@Test
	void quotedFieldsCrlfBomAndLabelColumnAnywhere() {
		String text = "\uFEFF\"Structure\",\"radius, nm\",\"LABEL\"\r\n"
			+ "\"cell 1, pit \"\"A\"\"\",\"80,5\",\"yes\"\r\n"
			+ "plain.csv,70,no\r\n\r\n";
		Labels l = Labels.parse(text, FILE);
		assertEquals(2, l.size());
		assertEquals("yes", l.label("cell 1, pit \"A\""));
		assertEquals("no", l.label("plain.csv"));
	}

	@Test
	void tabSeparatedFilesWork() {
		Labels l = Labels.parse("structure\tlabel\na\tno\n", FILE);
		assertEquals("no", l.label("a"));
	}

	@Test
	void duplicateKeysNameFileAndBothLines() {
		InputException e = assertThrows(InputException.class,
			() -> Labels.parse("structure,label\na,yes\nb,no\n\na,no\n", Path.of("my-labels.csv")));
		assertTrue(e.getMessage().contains("my-labels.csv"), e.getMessage());
		assertTrue(e.getMessage().contains("lines 2 and 5"), e.getMessage());
	}

	@Test
	void missingLabelColumnListsColumns() {
		InputException e = assertThrows(InputException.class, () -> Labels.parse("structure,class\na,yes\n", FILE));
		assertTrue(e.getMessage().contains("structure, class"), e.getMessage());
	}

	@Test
	void unclosedQuoteIsAnError() {
		InputException e = assertThrows(InputException.class, () -> Labels.parse("structure,label\n\"a,yes\n", FILE));
		assertTrue(e.getMessage().contains("line 2"), e.getMessage());
	}

	@Test
	void applyReportsUnknownKeysAndStrictModeThrows() {
		StructureSet set = set("s1.csv", "s2.csv", "s3.csv");
		Labels l = Labels.parse("structure,label\ns1.csv,yes\ns2,no\ntypo.csv,yes\n", FILE);
		Labels.Applied applied = l.apply(set, false);
		assertEquals(List.of("typo.csv"), applied.unknownKeys());
		assertEquals("yes", applied.structures().get(0).label());
		assertEquals("no", applied.structures().get(1).label()); // matched by name without extension
		assertNull(applied.structures().get(2).label());
		assertTrue(applied.structures().warnings().get(0).contains("typo.csv"));
		InputException e = assertThrows(InputException.class, () -> l.apply(set, true));
		assertTrue(e.getMessage().contains("typo.csv"), e.getMessage());
	}

	@Test
	void integerSpellingsMatchRoiKeys() {
		StructureSet set = set("1", "2");
		Labels.Applied applied = Labels.parse("roi,label\n1.0,yes\n2,no\n", FILE).apply(set);
		assertTrue(applied.unknownKeys().isEmpty());
		assertEquals(Map.of("no", 1, "yes", 1), applied.structures().labelCounts());
	}

	@Test
	void writeIsAtomicReplacesAndRoundTrips() throws IOException {
		Path file = tmp.resolve("labels.csv");
		Files.writeString(file, "old content that must go\n");
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("z.csv", "yes");
		labels.put("a, with comma", "no");
		labels.put("m.csv", null);
		Labels.write(file, labels);
		try (var files = Files.list(tmp)) {
			assertEquals(List.of(file), files.toList(), "no temporary file may be left behind");
		}
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertTrue(text.startsWith("structure,label\nz.csv,yes\n\"a, with comma\",no\nm.csv,\n"), text);
		Labels back = Labels.read(file);
		assertEquals(List.of("z.csv", "a, with comma", "m.csv"), List.copyOf(back.asMap().keySet()));
		assertEquals("no", back.label("a, with comma"));
		assertNull(back.label("m.csv"));
	}

	@Test
	void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
		Path file = tmp.resolve("keep.csv");
		Files.writeString(file, "precious");
		assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
			out.write(1);
			throw new IOException("disk full");
		}));
		assertEquals("precious", Files.readString(file));
		try (var files = Files.list(tmp)) {
			assertEquals(1, files.count());
		}
		assertFalse(Files.exists(tmp.resolve("keep.csv.tmp")));
	}

	static StructureSet set(String... keys) {
		List<Structure> list = new java.util.ArrayList<>();
		for (String k : keys) list.add(new Structure(k, "test", new double[] { 0, 0, 0 }, null));
		return new StructureSet(list);
	}

	@Test
	void classNamesThatDifferOnlyInCaseOrSpacesAreOneClassWithAWarning() {
		Labels l = Labels.parse("structure,label\na,Pit\nb, pit \nc,PIT\nd,plaque\ne,Plaque\nf,flat\n", FILE);
		assertEquals(List.of("Pit", "Pit", "Pit", "plaque", "plaque", "flat"),
			List.of("a", "b", "c", "d", "e", "f").stream().map(l::label).toList());
		assertEquals(2, l.warnings().size(), l.warnings().toString());
		assertTrue(l.warnings().get(0).contains("'Pit', 'pit', 'PIT'") && l.warnings().get(0).contains("labels.csv"),
			l.warnings().toString());
		assertTrue(l.warnings().get(1).contains("'plaque', 'Plaque'"), l.warnings().toString());

		Labels same = Labels.parse("structure,label\na,Pit\nb,flat\n", FILE);
		assertTrue(same.warnings().isEmpty(), same.warnings().toString());
		Labels yesNo = Labels.parse("structure,label\na,Yes\nb,yes \nc,YES\nd,no\n", FILE);
		assertEquals("yes", yesNo.label("c"));
		assertEquals("no", yesNo.label("d"));
	}

	@Test
	void noMatchingKeyShowsKeysOfBothSides() {
		StructureSet set = new StructureSet(List.of(new Structure("cell1.csv", "x", new double[] { 0, 0, 0 }, null),
			new Structure("cell2.csv", "x", new double[] { 0, 0, 0 }, null)));
		Labels l = Labels.parse("structure,label\n1,yes\n2,no\n3,yes\n4,no\n5,yes\n6,no\n", FILE);
		String m = l.noKeyMatches(set);
		assertTrue(m.contains("1, 2, 3, 4, 5, ...") && !m.contains(", 6") && m.contains("cell1.csv, cell2.csv"), m);
	}
}
