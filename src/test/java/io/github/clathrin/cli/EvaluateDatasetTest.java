package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.cli.MainTest.Result;

/** simulate --kind geometries, then evaluate --dataset on its official split, from the command line. */
class EvaluateDatasetTest {

	@TempDir
	static Path dir;

	private static Path npz;

	@BeforeAll
	static void simulate() {
		Result r = MainTest.cli("simulate", "--kind", "geometries", "--out", dir.toString(), "--seed", "3");
		assertEquals(0, r.exit(), r.toString());
		npz = dir.resolve("geometries.npz");
		assertTrue(Files.isRegularFile(npz), r.toString());
		assertTrue(r.out().contains("300 training + 300 test"), r.toString());
	}

	@Test
	void evaluatesOnTheOfficialSplitWithNamesJsonAndConfusionPlots() throws Exception {
		Path json = dir.resolve("e.json"), plots = dir.resolve("plots");
		Result r = MainTest.cli("evaluate", "--dataset", npz.toString(), "--grid", "20", "--encoders", "lab",
			"--class-names", "cube,diamond,sphere", "--json", json.toString(), "--confusion", plots.toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("official split: 300 train, 300 test"), r.out());
		assertTrue(r.out().contains("cube") && r.out().contains("sphere"), r.out());
		assertFalse(r.out().contains("-fold"), r.out());
		String text = Files.readString(json);
		assertTrue(text.contains("\"confusion\""), text.substring(0, Math.min(400, text.length())));
		assertTrue(text.contains("\"split\""));
		assertTrue(Files.size(plots.resolve("confusion-lab.png")) > 1000);
		assertTrue(Files.size(plots.resolve("confusion-lab+logistic.png")) > 1000);
	}

	@Test
	void refusesMixedOrMismatchedInputs() {
		Result both = MainTest.cli("evaluate", "--dataset", npz.toString(), "--input", dir.toString(), "--grid", "20");
		assertEquals(2, both.exit(), both.toString());
		assertTrue(both.err().contains("not both"), both.err());
		Result names = MainTest.cli("evaluate", "--dataset", npz.toString(), "--grid", "20", "--encoders", "lab",
			"--class-names", "cube,sphere");
		assertEquals(2, names.exit(), names.toString());
		assertTrue(names.err().contains("2 class names") && names.err().contains("geometries.npz"), names.err());
		// Without --grid the grid is the volumes' own; a --grid that contradicts them is refused.
		Result grid = MainTest.cli("evaluate", "--dataset", npz.toString(), "--grid", "30", "--encoders", "lab");
		assertEquals(2, grid.exit(), grid.toString());
		assertTrue(grid.err().contains("--grid") && grid.err().contains("20x20x20"), "a 30^3 grid does not fit 20^3 "
			+ "volumes: " + grid.err());
		Result none = MainTest.cli("evaluate", "--encoders", "lab");
		assertEquals(2, none.exit(), none.toString());
		assertTrue(none.err().contains("--input"), none.err());
	}
}
