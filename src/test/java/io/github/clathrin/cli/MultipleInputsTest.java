package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several inputs at once, each of one class named by its folder, as the DNA-origami particles come:
 * {@code evaluate --input a/x.csv --input b/x.csv --roi-column roi --class-from file}.
 */
class MultipleInputsTest {

	private static final Path SIMULATED = Path.of("test-data", "simulated");

	@Test
	void tablesInClassFoldersBecomeOneLabelledSet(@TempDir Path tmp) throws Exception {
		Path table = SIMULATED.resolve("all-structures.csv");
		for (String c : List.of("flat", "curved")) {
			Files.createDirectories(tmp.resolve(c));
			Files.copy(table, tmp.resolve(c).resolve("cell.csv"));
		}
		Path json = tmp.resolve("eval.json");
		MainTest.Result r = MainTest.cli("evaluate", "--input", tmp.resolve("flat/cell.csv").toString(), "--input",
			tmp.resolve("curved/cell.csv").toString(), "--roi-column", "roi", "--class-from", "file", "--encoders", "lab",
			"--folds", "2", "--json", json.toString());
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().contains("on 32 labelled of 32 structures"), "two copies of 16 structures: " + r.out());
		String written = Files.readString(json);
		assertTrue(written.contains("\"flat\"") && written.contains("\"curved\""), written);
	}

	@Test
	void foldersAsInputsTakeTheirOwnNameAndConflictsAreRefused(@TempDir Path tmp) throws Exception {
		Path structures = SIMULATED.resolve("structures");
		List<Path> files;
		try (Stream<Path> s = Files.list(structures)) {
			files = s.sorted().toList();
		}
		for (int i = 0; i < files.size(); i++) {
			Path dir = Files.createDirectories(tmp.resolve(i % 2 == 0 ? "even" : "odd"));
			Files.copy(files.get(i), dir.resolve(files.get(i).getFileName()));
		}
		Path model = tmp.resolve("m.zip");
		MainTest.Result r = MainTest.cli("train", "--input", tmp.resolve("even").toString(), "--input",
			tmp.resolve("odd").toString(), "--class-from", "file", "--encoder", "lab", "--out", model.toString());
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().contains("{even=8, odd=8}"), r.out());

		MainTest.Result both = MainTest.cli("train", "--input", tmp.resolve("even").toString(), "--labels",
			SIMULATED.resolve("labels.csv").toString(), "--class-from", "file", "--encoder", "lab", "--out",
			model.toString());
		assertEquals(2, both.exit());
		assertTrue(both.err().contains("either a labels file or class-from file"), both.err());
		MainTest.Result twice = MainTest.cli("train", "--input", tmp.resolve("even").toString(), "--input",
			tmp.resolve("even").toString(), "--class-from", "file", "--encoder", "lab", "--out", model.toString());
		assertEquals(2, twice.exit());
		assertTrue(twice.err().contains("given twice"), twice.err());
		MainTest.Result bad = MainTest.cli("train", "--input", tmp.resolve("even").toString(), "--class-from", "folder",
			"--encoder", "lab", "--out", model.toString());
		assertEquals(2, bad.exit());
		assertTrue(bad.err().contains("'labels' or 'file'"), bad.err());
	}
}
