package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.task.Progress;

/**
 * classify says when its classes cannot be trusted: a status for structures too small to classify, and an
 * outside_training mark with a loud warning when the input is unlike what the model was trained on (here:
 * nm files read as 100 nm pixels).
 */
class ClassifyTrustTest {

	@TempDir
	static Path dir;

	private static Path train, heldOut, model;

	/** Simulated structures: the first 80 train the model (plus a tiny labelled one), the last 40 are held out. */
	@BeforeAll
	static void trainOnPart() throws IOException {
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(120, 80).withSeed(4)).simulate(Progress.NONE)
			.write(dir);
		Path all = dir.resolve(SimulatedDataset.STRUCTURES_DIR);
		train = Files.createDirectories(dir.resolve("train"));
		heldOut = Files.createDirectories(dir.resolve("held-out"));
		List<Path> files;
		try (Stream<Path> s = Files.list(all)) {
			files = s.sorted().toList();
		}
		for (int i = 0; i < files.size(); i++) {
			if (i < 80) Files.copy(files.get(i), train.resolve(files.get(i).getFileName()));
			else plainXyz(files.get(i), heldOut.resolve(files.get(i).getFileName()));
		}
		Files.writeString(train.resolve("tiny.csv"), "x,y,z\n1,2,3\n4,5,6\n");
		Files.writeString(heldOut.resolve("tiny.csv"), "x,y,z\n1,2,3\n4,5,6\n");
		Path labels = dir.resolve("labels-and-tiny.csv");
		Files.writeString(labels, Files.readString(dir.resolve(SimulatedDataset.LABELS)) + "tiny.csv,yes\n");
		model = dir.resolve("lab.zip");
		MainTest.Result r = MainTest.cli("train", "--input", train.toString(), "--labels", labels.toString(),
			"--encoder", "lab", "--units", "nm", "--out", model.toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("warning: not learned from 1 structures that cannot be classified "
			+ "{too few localizations=1}"), r.toString());
	}

	/** The simulator's CSV with a header that states no unit, so --units decides (as in many real exports). */
	private static void plainXyz(Path from, Path to) throws IOException {
		List<String> lines = Files.readAllLines(from), out = new ArrayList<>();
		out.add("x,y,z");
		for (String l : lines.subList(1, lines.size())) {
			String[] c = l.split(",");
			out.add(c[2] + "," + c[3] + "," + c[4]);
		}
		Files.write(to, out);
	}

	@Test
	void heldOutStructuresAreInsideAndATinyOneGetsNoClass() throws IOException {
		Path csv = dir.resolve("held-out.csv");
		MainTest.Result r = MainTest.cli("classify", "--model", model.toString(), "--input", heldOut.toString(),
			"--units", "nm", "--out", csv.toString());
		assertEquals(0, r.exit(), r.toString());
		List<String> lines = Files.readAllLines(csv);
		assertEquals("structure,prediction,probability,label,p_no,p_yes,status,outside_training"
			+ ",localizations,centroid_x_nm,centroid_y_nm,centroid_z_nm,extent_x_nm,extent_y_nm,extent_z_nm", lines.get(0));
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("tiny.csv,,,,,,too few localizations,,")), lines.toString());
		long outside = lines.stream().skip(1).filter(l -> !l.split(",", -1)[7].isEmpty()).count();
		assertTrue(outside <= 1, outside + " of 40 held-out structures outside the training range:\n" + lines);
		assertTrue(r.out().contains("Classified 40 of 41 structures"), r.toString());
		assertTrue(r.out().contains("warning: 1 structures got no class {too few localizations=1}"), r.toString());
		assertFalse(r.out().contains("WARNING"), r.toString());
	}

	@Test
	void nanometresReadAsPixelsAreOutsideTheTrainingRangeWithALoudWarning() throws IOException {
		Path csv = dir.resolve("as-pixels.csv");
		MainTest.Result r = MainTest.cli("classify", "--model", model.toString(), "--input", heldOut.toString(),
			"--units", "px", "--pixel-size", "100", "--out", csv.toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("40 of 40 structures lie outside the model's training range"), r.toString());
		assertTrue(r.out().contains("WARNING: most structures are unlike the training data: wrong --pixel-size"),
			r.toString());
		List<String> lines = Files.readAllLines(csv);
		assertTrue(lines.get(1).matches(".*,ok,extent x [0-9]+ nm > training max [0-9]+ nm;.*"), lines.get(1));
	}

	@Test
	void aModelFileWithoutATrainingRangeSaysOnceThatNothingIsChecked() throws IOException {
		Path old = dir.resolve("old.zip"), csv = dir.resolve("old.csv");
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(model.toFile());
			java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(old)))
		{
			for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
				byte[] bytes = in.getInputStream(e).readAllBytes();
				if (e.getName().equals("manifest.json")) {
					com.google.gson.JsonObject m = com.google.gson.JsonParser.parseString(new String(bytes,
						java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
					assertTrue(m.getAsJsonObject("training").remove("range") != null, "a new model records its range");
					bytes = m.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		MainTest.Result r = MainTest.cli("classify", "--model", old.toString(), "--input", heldOut.toString(),
			"--units", "px", "--pixel-size", "100", "--out", csv.toString());
		assertEquals(0, r.exit(), r.toString());
		assertEquals(1, r.out().split("records no training range", -1).length - 1, r.toString());
		assertFalse(r.out().contains("WARNING"), r.toString());
		assertTrue(Files.readAllLines(csv).get(1).contains(",ok,,"), Files.readAllLines(csv).get(1));
	}
}
