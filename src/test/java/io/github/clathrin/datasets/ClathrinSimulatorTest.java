package io.github.clathrin.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.TinyThunderStorm;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;

class ClathrinSimulatorTest {

	@TempDir
	Path tmp;

	private static SimulationConfig small(long seed) {
		return SimulationConfig.defaults().withCounts(30, 10).withSeed(seed);
	}

	@Test
	void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
		Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
		new ClathrinSimulator(small(7)).simulate().write(a);
		new ClathrinSimulator(small(7)).simulate().write(b);
		new ClathrinSimulator(small(8)).simulate().write(c);
		List<Path> files = relativeFiles(a);
		assertEquals(files, relativeFiles(b));
		assertTrue(files.size() == 30 + 5, files.toString());
		for (Path f : files)
			assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
		assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("all-structures.csv")),
			Files.readAllBytes(c.resolve("all-structures.csv"))));
	}

	@Test
	void defaultsGiveTheStudysCountsBalancedAndWriteQuickly() throws IOException {
		long t0 = System.nanoTime();
		SimulatedDataset data = new ClathrinSimulator(SimulationConfig.defaults()).simulate();
		long t1 = System.nanoTime();
		data.write(tmp);
		long t2 = System.nanoTime();
		long rows = data.structures().stream().mapToLong(s -> s.localizations().size()).sum();
		System.out.printf("simulate 899: %.2f s, write: %.2f s, %d localizations (%d to %d per structure)%n",
			(t1 - t0) / 1e9, (t2 - t1) / 1e9, rows,
			data.structures().stream().mapToInt(s -> s.localizations().size()).min().getAsInt(),
			data.structures().stream().mapToInt(s -> s.localizations().size()).max().getAsInt());
		assertTrue(t2 - t1 < 10e9, "writing 899 structures must take seconds, not minutes");

		assertEquals(899, data.size());
		assertEquals(450, data.structures().stream().filter(s -> s.trueClass().equals("yes")).count());
		StructureSet set = data.toStructureSet();
		assertEquals(280, set.labelled().size());
		assertEquals(Map.of("no", 140, "yes", 140), set.labelCounts());

		// The written files load back through the structures package to the same set.
		StructureSet loaded = StructureLoader.fromFolder(tmp.resolve("structures"), TinyThunderStorm::read);
		Labels.Applied applied = Labels.read(tmp.resolve("labels.csv")).apply(loaded, true);
		assertEquals(set.keys(), applied.structures().keys());
		assertEquals(set.labelCounts(), applied.structures().labelCounts());
		assertEquals(set.get(5).size(), loaded.get(5).size());

		LocalizationTable all = TinyThunderStorm.read(tmp.resolve("all-structures.csv"));
		assertEquals(rows, all.rowCount());
		StructureSet byRoi = StructureLoader.fromTable(all, "roi");
		assertEquals(899, byRoi.size());
		assertEquals("1", byRoi.get(0).key());
		StructureSet byRoiLabelled = Labels.read(tmp.resolve("labels-roi.csv")).apply(byRoi, true).structures();
		assertEquals(set.labelCounts(), byRoiLabelled.labelCounts());
		assertEquals(900, Files.readAllLines(tmp.resolve("truth.csv")).size());
	}

	@Test
	void coordinatesAreFiniteAndInsideTheFieldNeighbourhood() {
		SimulatedDataset data = new ClathrinSimulator(small(3)).simulate();
		for (SimulatedStructure s : data.structures()) {
			double[] p = s.localizations().points();
			assertTrue(p.length > 0);
			for (double v : p) assertTrue(Double.isFinite(v) && v > -2000 && v < 22_000, s.key() + ": " + v);
			for (double u : s.localizations().uncertaintyZ()) assertTrue(u > 0 && u < 200);
		}
	}

	@Test
	void extentAlongZGrowsWithClosingAngle() {
		ClathrinSimulator sim = new ClathrinSimulator(SimulationConfig.defaults().withBackground(0));
		double radius = 80;
		double[] angles = { 0, 30, 60, 90, 120, 180 };
		double[] sd = new double[angles.length];
		for (int i = 0; i < angles.length; i++) {
			Localizations l = sim.simulateCoat(new CoatShape(radius, angles[i], 0, 0), 11 + i);
			sd[i] = sd(l.z());
			assertTrue(Math.abs(mean(l.z())) < 10, "coat centred at the origin");
		}
		for (int i = 1; i < angles.length; i++) assertTrue(sd[i] > sd[i - 1], Arrays.toString(sd));
		// Flat lattice: only the axial precision (~25 nm median, wider by the photon spread).
		assertTrue(sd[0] > 15 && sd[0] < 40, "flat: " + sd[0]);
		// Closed vesicle: z uniform over the diameter (sd R/sqrt 3) blurred by the precision.
		double expected = Math.sqrt(radius * radius / 3 + sd[0] * sd[0]);
		assertEquals(expected, sd[5], 0.15 * expected, "vesicle: " + sd[5]);
		Localizations vesicle = sim.simulateCoat(new CoatShape(radius, 180, 0, 0), 1);
		double range = percentile(vesicle.z(), 0.99) - percentile(vesicle.z(), 0.01);
		assertTrue(range > 1.6 * radius && range < 3.2 * radius, "vesicle z range ~ diameter: " + range);
		Localizations flat = sim.simulateCoat(new CoatShape(radius, 0, 0, 0), 1);
		double width = percentile(flat.x(), 0.99) - percentile(flat.x(), 0.01);
		assertTrue(width > 3 * radius, "flat lattice of the same area is wide: " + width);
	}

	@Test
	void apexPointsDownAndTiltTiltsTheAxis() {
		ClathrinSimulator sim = new ClathrinSimulator(SimulationConfig.defaults().withBackground(0));
		Localizations cup = sim.simulateCoat(new CoatShape(80, 90, 0, 0), 5);
		// Rim points (far from the axis) lie above the apex points (near the axis).
		double rimZ = 0, apexZ = 0;
		int rim = 0, apex = 0;
		for (int i = 0; i < cup.size(); i++) {
			double r = Math.hypot(cup.x()[i], cup.y()[i]);
			if (r > 90) { rimZ += cup.z()[i]; rim++; }
			if (r < 30) { apexZ += cup.z()[i]; apex++; }
		}
		assertTrue(rimZ / rim > apexZ / apex + 50, "rim " + rimZ / rim + " apex " + apexZ / apex);
	}

	@Test
	void invalidConfigIsRejectedWithAMessage() {
		InputException e = assertThrows(InputException.class,
			() -> SimulationConfig.defaults().withCounts(10, 11));
		assertTrue(e.getMessage().contains("labelled"), e.getMessage());
		assertThrows(InputException.class, () -> SimulationConfig.defaults().withAngles(90, 60));
	}

	@Test
	void refusesToMixWithAnotherDataSet() throws IOException {
		Files.createDirectories(tmp.resolve("structures"));
		Files.writeString(tmp.resolve("structures/old-cell.csv"), "x");
		SimulatedDataset data = new ClathrinSimulator(small(1)).simulate();
		assertThrows(InputException.class, () -> data.write(tmp));
		Path again = tmp.resolve("again");
		data.write(again);
		data.write(again); // rewriting the same data set is fine
		try (Stream<Path> s = Files.list(again.resolve("structures"))) {
			assertEquals(30, s.count(), "no temporary files left");
		}
	}

	private static List<Path> relativeFiles(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
		}
	}

	private static double mean(double[] v) {
		return Arrays.stream(v).average().orElseThrow();
	}

	private static double sd(double[] v) {
		double m = mean(v);
		return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
	}

	private static double percentile(double[] v, double q) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s[(int) Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
	}
}
