package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.classifier.LabelSpreading;
import io.github.clathrin.datasets.GeometriesConfig;
import io.github.clathrin.datasets.GeometriesSimulator;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;

/** The official train/test split protocol on a small Geometries set: results, and that the test split stays unseen. */
class OfficialSplitTest {

	private static final int TRAIN = 60, TEST = 45;
	private static final VoxelConfig GRID20 = new VoxelConfig(20, 20, 20, 200, 200, 700,
		VoxelConfig.Centring.BOUNDING_BOX, true, Double.NaN);
	private static final List<String> NAMES = GeometriesSimulator.CLASSES;
	private static final EvaluationProtocol.Settings SETTINGS = EvaluationProtocol.Settings.of(List.of("pca", "lab"), 5, 3);

	@TempDir
	static Path tmp;

	private static StructureSet loaded;
	private static GeometriesSimulator.Dataset data;

	@BeforeAll
	static void simulate() throws IOException {
		data = new GeometriesSimulator(GeometriesConfig.defaults().withCounts(TRAIN, TEST).withSeed(4))
			.simulate(Progress.NONE);
		Path f = tmp.resolve(GeometriesSimulator.FILE);
		data.write(f);
		loaded = StructureLoader.fromPath(f, null, file -> {
			throw new AssertionError("no tables");
		});
	}

	@Test
	void trainsOnTheTrainingSplitAndScoresTheTestSplit() {
		OfficialSplit split = OfficialSplit.of(loaded, "geometries.npz", NAMES);
		assertEquals(TRAIN, split.train().length);
		assertEquals(TEST, split.test().length);
		assertEquals("cube", split.structures().structures().get(indexOfClass(0)).label());
		EvaluationReport r = EvaluationProtocol.run(split, GRID20, SETTINGS, Progress.NONE);
		assertEquals(List.of("pca", "lab", EvaluationProtocol.BASELINE), r.rows().stream().map(EvaluationReport.Row::name)
			.toList());
		assertEquals(new EvaluationReport.SplitSizes(TRAIN, TEST), r.split());
		assertEquals(NAMES, r.classNames());
		int[] truth = new int[TEST];
		for (int i = 0; i < TEST; i++) truth[i] = (int) data.test().labels()[i];
		for (EvaluationReport.Row row : r.rows()) {
			assertEquals(TEST, row.evaluation().n(), row.name());
			assertArrayEquals(truth, row.evaluation().truth(), "test items in file order: " + row.name());
			// Hand-made features are made for point clouds and do poorly on 60 voxel shapes; PCA does well.
			assertTrue(row.evaluation().accuracy() > 1 / 3.0, row.name() + " should beat chance (1/3): "
				+ row.evaluation().accuracy());
		}
		assertTrue(r.rows().get(0).evaluation().accuracy() > 0.75, "pca: " + r.rows().get(0).evaluation().accuracy());
		String table = r.table();
		assertTrue(table.startsWith("official split: 60 train, 45 test"), table);
		assertFalse(table.contains("fold"), table);
		Map<String, Object> json = r.toMap();
		assertEquals(Map.of("train", TRAIN, "test", TEST), json.get("split"));
		assertFalse(json.containsKey("folds"));
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> details = (Map<String, Map<String, Object>>) json.get("details");
		assertTrue(details.get("pca").containsKey("confusion"));
		// Same seed, same result.
		EvaluationReport again = EvaluationProtocol.run(split, GRID20, SETTINGS, Progress.NONE);
		assertArrayEquals(r.rows().get(0).evaluation().probabilities(), again.rows().get(0).evaluation().probabilities());
	}

	/**
	 * Whatever the other test volumes are, the prediction for one test volume cannot change: nothing
	 * learned (PCA axes, feature scaling, SVM kernel/C/gamma search, the classifiers) saw the test split.
	 * Changing one training volume does change it, so the check is sensitive.
	 */
	@Test
	void theTestSplitNeverReachesEncoderFittingOrModelSelection() {
		OfficialSplit split = OfficialSplit.of(loaded, "geometries.npz", NAMES);
		EvaluationReport base = EvaluationProtocol.run(split, GRID20, SETTINGS, Progress.NONE);

		int firstTest = split.test()[0];
		SplittableRandom random = new SplittableRandom(99);
		OfficialSplit otherTests = OfficialSplit.of(replace(loaded, i -> i > firstTest
			&& loaded.structures().get(i).key().startsWith("test/"), random), "geometries.npz", NAMES);
		EvaluationReport changed = EvaluationProtocol.run(otherTests, GRID20, SETTINGS, Progress.NONE);
		for (int r = 0; r < base.rows().size(); r++) {
			String name = base.rows().get(r).name();
			assertArrayEquals(base.rows().get(r).evaluation().probabilities()[0],
				changed.rows().get(r).evaluation().probabilities()[0], 0.0, name + ": the other test volumes leaked in");
		}

		OfficialSplit otherTrain = OfficialSplit.of(replace(loaded,
			i -> i == 0 || i == 1, random), "geometries.npz", NAMES);
		EvaluationReport trainChanged = EvaluationProtocol.run(otherTrain, GRID20, SETTINGS, Progress.NONE);
		assertFalse(java.util.Arrays.equals(base.rows().get(0).evaluation().probabilities()[0],
			trainChanged.rows().get(0).evaluation().probabilities()[0]), "pca must depend on the training volumes");
	}

	@Test
	void refusesWhatDoesNotFit() {
		InputException names = assertThrows(InputException.class, () -> OfficialSplit.of(loaded,
			"g.npz", List.of("cube", "diamond")));
		assertTrue(names.getMessage().contains("2 class names") && names.getMessage().contains("3 classes"),
			names.getMessage());
		assertThrows(InputException.class, () -> OfficialSplit.of(loaded, "g.npz",
			List.of("cube", "cube", "sphere")));
		List<Structure> trainOnly = new ArrayList<>();
		for (Structure s : loaded.structures())
			if (s.key().startsWith("train/")) trainOnly.add(s);
		InputException noTest = assertThrows(InputException.class, () -> OfficialSplit.of(
			new StructureSet(trainOnly, List.of()), "g.npz", null));
		assertTrue(noTest.getMessage().contains("X_test"), noTest.getMessage());
		OfficialSplit split = OfficialSplit.of(loaded, "g.npz", null);
		assertEquals(List.of("0", "1", "2"), split.classNames());
		EvaluationProtocol.Settings spreading = new EvaluationProtocol.Settings(List.of("lab"), Map.of(), 5, 1,
			new Enlargement(null, LabelSpreading.Options.DEFAULTS));
		assertThrows(InputException.class, () -> EvaluationProtocol.run(split, GRID20, spreading, Progress.NONE));
	}

	private static int indexOfClass(int c) {
		for (int i = 0; i < TRAIN; i++)
			if (data.train().labels()[i] == c) return i;
		throw new AssertionError();
	}

	/** The set with the chosen structures' volumes replaced by random 0/1 volumes (labels kept). */
	private static StructureSet replace(StructureSet set, java.util.function.IntPredicate which, SplittableRandom random) {
		List<Structure> out = new ArrayList<>();
		for (int i = 0; i < set.size(); i++) {
			Structure s = set.structures().get(i);
			if (!which.test(i)) {
				out.add(s);
				continue;
			}
			float[] v = new float[8000];
			for (int k = 0; k < v.length; k++) v[k] = random.nextDouble() < 0.2 ? 1 : 0;
			out.add(Structure.ofVolume(s.key(), s.source(), new Volume(20, 20, 20, v), s.label()));
		}
		return new StructureSet(out, List.of());
	}
}
