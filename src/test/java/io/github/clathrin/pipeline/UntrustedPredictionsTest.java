package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Predictions that cannot be trusted say so: structures too small or degenerate to voxelize get no class
 * and a status, training skips them, and structures unlike the training data are marked.
 */
class UntrustedPredictionsTest {

	@TempDir
	static Path dir;

	/** 300 simulated structures: the model learns from the first 200, the rest are held out. */
	static List<Structure> all;
	static Model model;

	@BeforeAll
	static void train() {
		all = new ClathrinSimulator(SimulationConfig.defaults().withCounts(300, 150).withSeed(11)).simulate()
			.toStructureSet().structures();
		model = Training.train(new StructureSet(all.subList(0, 200)), new Training.Options(VoxelConfig.DEFAULT, "lab",
			Map.of(), "svm", 5), Progress.NONE);
	}

	private static Structure points(String key, double... xyz) {
		return new Structure(key, "test", xyz, null);
	}

	private static double[] repeated(int n, double x, double y, double z) {
		double[] p = new double[3 * n];
		for (int i = 0; i < n; i++) {
			p[3 * i] = x;
			p[3 * i + 1] = y;
			p[3 * i + 2] = z;
		}
		return p;
	}

	/** Broken structures between two good ones: today an empty structure gets a confident class. */
	static StructureSet withBrokenOnes() {
		double[] nan = all.get(250).points().clone();
		nan[4] = Double.NaN;
		double[] few = java.util.Arrays.copyOf(all.get(251).points(), 3 * (StructureStatus.MIN_LOCALIZATIONS - 1));
		List<Structure> s = new ArrayList<>();
		s.add(all.get(200));
		s.add(points("empty"));
		s.add(points("one", 1, 2, 3));
		s.add(points("few", few));
		s.add(points("same", repeated(50, 10, 20, 30)));
		s.add(points("line", repeated(50, 10, 20, 30)));
		for (int i = 0; i < 50; i++) s.get(5).points()[3 * i] = 4 * i; // a line along x: no area
		s.add(points("nan", nan));
		s.add(all.get(201));
		return new StructureSet(s);
	}

	@Test
	void structuresThatCannotBeVoxelizedGetNoClassAndSayWhy() {
		List<Classification.Prediction> p = Classification.classify(model, withBrokenOnes(), Progress.NONE);
		List<String> status = p.stream().map(Classification.Prediction::status).toList();
		assertEquals(List.of("ok", "too few localizations", "too few localizations", "too few localizations",
			"zero extent", "zero extent", "non-finite coordinates", "ok"), status);
		for (Classification.Prediction q : p) {
			assertEquals(q.status().equals("ok"), q.hasClass(), q.key());
			if (!q.hasClass()) {
				assertNull(q.predicted(), q.key());
				assertTrue(Double.isNaN(q.probability()), q.key());
			}
		}
		// The good ones get exactly the classes they get without the broken ones beside them.
		List<Classification.Prediction> alone = Classification.classify(model,
			new StructureSet(List.of(all.get(200), all.get(201))), Progress.NONE);
		assertEquals(alone.get(0).probability(), p.get(0).probability(), 0.0);
		assertEquals(alone.get(1).probability(), p.get(7).probability(), 0.0);
	}

	@Test
	void theResultsCsvHasStatusAndOutsideTrainingColumnsAndEmptyCellsWithoutAClass() throws IOException {
		List<Classification.Prediction> p = Classification.classify(model, withBrokenOnes(), Progress.NONE);
		Path csv = dir.resolve("results.csv");
		Classification.writeCsv(csv, p, model.classNames());
		List<String> lines = Files.readAllLines(csv);
		assertEquals("structure,prediction,probability,label,p_no,p_yes,status,outside_training", lines.get(0));
		assertEquals("empty,,,,,,too few localizations,", lines.get(2));
		assertTrue(lines.get(1).matches(all.get(200).key() + ",(yes|no),[0-9.]+,,[0-9.]+,[0-9.]+,ok,"), lines.get(1));
	}

	@Test
	void trainingSkipsStructuresThatCannotBeVoxelizedAndCountsThem() {
		List<Structure> s = new ArrayList<>(all.subList(0, 40));
		s.add(points("empty-yes").withLabel("yes"));
		s.add(points("one-no", 1, 2, 3).withLabel("no"));
		s.add(points("same-no", repeated(20, 5, 5, 5)).withLabel("no"));
		Model m = Training.train(new StructureSet(s), new Training.Options(VoxelConfig.DEFAULT, "lab", Map.of(), "svm",
			5), Progress.NONE);
		assertEquals(Map.of("too few localizations", 2L, "zero extent", 1L),
			longs(m.training().skipped()));
		Model clean = Training.train(new StructureSet(all.subList(0, 40)), new Training.Options(VoxelConfig.DEFAULT,
			"lab", Map.of(), "svm", 5), Progress.NONE);
		assertEquals(clean.training().labelled(), m.training().labelled());
		assertEquals(clean.training().perClass(), m.training().perClass());
	}

	private static Map<String, Long> longs(Map<?, ?> m) {
		Map<String, Long> out = new LinkedHashMap<>();
		m.forEach((k, v) -> out.put((String) k, ((Number) v).longValue()));
		return out;
	}

	@Test
	void heldOutStructuresFromTheTrainingDistributionAreInsideTheTrainingRange() throws IOException {
		Path file = dir.resolve("model.zip");
		ModelFile.write(model, file);
		Model back = ModelFile.read(file);
		assertNotNull(TrainingRange.of(back), "the model file records what it was trained on");
		List<Classification.Prediction> train = Classification.classify(back, new StructureSet(all.subList(0, 200)),
			Progress.NONE);
		assertEquals(0, train.stream().filter(Classification.Prediction::isOutsideTraining).count(),
			"the training structures themselves are inside");
		List<Classification.Prediction> held = Classification.classify(back, new StructureSet(all.subList(200, 300)),
			Progress.NONE);
		long outside = held.stream().filter(Classification.Prediction::isOutsideTraining).count();
		assertTrue(outside <= 2, outside + " of 100 held-out structures outside: " + held.stream()
			.filter(Classification.Prediction::isOutsideTraining).map(Classification.Prediction::outsideTraining).toList());
	}

	@Test
	void coordinatesOneHundredTimesTooLargeAreOutsideWithTheReason() {
		List<Structure> scaled = new ArrayList<>();
		for (Structure s : all.subList(200, 220)) {
			double[] p = s.points().clone();
			for (int i = 0; i < p.length; i++) p[i] *= 100; // nm read as 100 nm pixels
			scaled.add(new Structure(s.key(), s.source(), p, null));
		}
		List<Classification.Prediction> p = Classification.classify(model, new StructureSet(scaled), Progress.NONE);
		for (Classification.Prediction q : p) {
			assertTrue(q.isOutsideTraining(), q.key());
			assertTrue(q.outsideTraining().matches(".*extent x [0-9]+ nm > training max [0-9]+ nm.*"),
				q.outsideTraining());
		}
	}

	@Test
	void aModelWithoutATrainingRangeChecksNothing() {
		Model before = new Model(model.voxels(), model.encoder(), model.classifier(), model.classNames(),
			model.training().withoutRange());
		assertNull(TrainingRange.of(before));
		List<Classification.Prediction> p = Classification.classify(before, withBrokenOnes(), Progress.NONE);
		for (Classification.Prediction q : p) assertFalse(q.isOutsideTraining(), q.key());
	}

	@Test
	void readyVolumesAreCheckedAgainstTheTrainingValueRange() {
		List<Structure> train = new ArrayList<>();
		for (int i = 0; i < 20; i++) train.add(Structure.ofVolume("v" + i, "test", blob(i % 2 == 0 ? 3 : 8, 1f),
			i % 2 == 0 ? "small" : "large"));
		Model m = Training.train(new StructureSet(train), new Training.Options(VoxelConfig.DEFAULT, "pca",
			Map.of("components", 4), "svm", 5), Progress.NONE);
		List<Classification.Prediction> p = Classification.classify(m, new StructureSet(List.of(
			Structure.ofVolume("same", "test", blob(5, 1f), null), Structure.ofVolume("bytes", "test", blob(5, 255f), null),
			Structure.ofVolume("zeros", "test", blob(0, 1f), null), all.get(0))), Progress.NONE);
		assertEquals("", p.get(0).outsideTraining());
		assertTrue(p.get(1).outsideTraining().contains("values up to 255 > training max 1"), p.get(1).outsideTraining());
		assertEquals("empty volume", p.get(2).status());
		assertTrue(p.get(3).outsideTraining().contains("trained on ready volumes"), p.get(3).outsideTraining());
	}

	/** A filled ball of radius r voxels with the given value in a 30^3 grid (r = 0: all zero). */
	private static Volume blob(double r, float value) {
		float[] v = new float[30 * 30 * 30];
		for (int z = 0; z < 30; z++)
			for (int y = 0; y < 30; y++)
				for (int x = 0; x < 30; x++)
					if (r > 0 && (x - 15) * (x - 15) + (y - 15) * (y - 15) + (z - 15) * (z - 15) <= r * r)
						v[x + 30 * (y + 30 * z)] = value;
		return new Volume(30, 30, 30, v);
	}
}
