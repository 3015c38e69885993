package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.SharedData;

/**
 * The real particle sets as users would bring them: the four DNA-origami Picasso files, one class per
 * folder, evaluated as a 4-class problem; the NUP107 MAT particles classified as structures.
 */
class RealParticlesTest {

	private static final String ORIGAMI = "particles/origami-cuboctahedra/";

	@Test
	void origamiParticlesAreAFourClassProblem(@TempDir Path tmp) throws Exception {
		List<String> args = new ArrayList<>(List.of("evaluate"));
		for (String c : List.of("0_1", "0_3", "4_2", "7_4"))
			args.addAll(List.of("--input", SharedData.file(ORIGAMI + c + "/" + c + "_cuboctahedron_DNA-PAINT.hdf5")
				.toString()));
		Path json = tmp.resolve("origami.json");
		args.addAll(List.of("--roi-column", "group", "--class-from", "file", "--encoders", "lab", "--folds", "3",
			"--centring", "centroid", "--json", json.toString()));
		MainTest.Result r = MainTest.cli(args.toArray(String[]::new));
		assertEquals(0, r.exit(), r.out() + r.err());
		assertTrue(r.out().contains("on 745 labelled of 745 structures"), "210 + 156 + 185 + 194 particles: " + r.out());
		String written = Files.readString(json);
		for (String c : List.of("0_1", "0_3", "4_2", "7_4")) assertTrue(written.contains("\"" + c + "\""), written);
		double lab = Double.parseDouble(written.replaceAll("(?s).*\"accuracy\": \\{\\s*\"lab\": ([0-9.]+).*", "$1"));
		assertTrue(lab > 0.5, "well above the 0.25 of guessing: " + lab);
	}

	@Test
	void nup107ParticlesLoadAsStructures(@TempDir Path tmp) throws Exception {
		Path model = tmp.resolve("m.zip"), out = tmp.resolve("nup.csv");
		assertEquals(0, Main.run("train", "--input", "test-data/simulated/structures", "--labels",
			"test-data/simulated/labels.csv", "--encoder", "lab", "--out", model.toString()));
		MainTest.Result r = MainTest.cli("classify", "--model", model.toString(), "--input",
			SharedData.file("particles/nup107/NUP107_STORM.mat").toString(), "--pixel-size", "100", "--out",
			out.toString());
		assertEquals(0, r.exit(), r.out() + r.err());
		assertEquals(357, Files.readAllLines(out).size(), "header + 356 particles");
	}
}
