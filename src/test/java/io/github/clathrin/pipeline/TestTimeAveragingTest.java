package io.github.clathrin.pipeline;

import static io.github.clathrin.Simulation.simulated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.augment.Augmentation;
import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.VoxelConfig;

class TestTimeAveragingTest {

	@Test
	void classifyAveragesTheModelsProbabilitiesOverTheCopiesItWasTrainedWith(@TempDir Path dir) throws Exception {
		StructureSet set = simulated(80, 40, 4);
		Augmentation four = Augmentation.copies(4);
		Training.Options options = new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(), "svm", 7,
			new Enlargement(four, null, true));
		Model trained = Training.train(set, options, Progress.NONE);
		Path file = dir.resolve("tta.zip");
		ModelFile.write(trained, file);
		Model model = ModelFile.read(file); // the averaging must survive the model file

		StructureSet fresh = simulated(12, 0, 99);
		List<Classification.Prediction> got = Classification.classify(model, fresh, Progress.NONE);

		List<Sample> samples = Featurizer.samples(fresh.structures(), model.voxels(), Progress.NONE).samples();
		Augmenter augmenter = new Augmenter(model.voxels(), four, 7);
		boolean differsFromPlain = false;
		for (int i = 0; i < samples.size(); i++) {
			double[] expected = model.classifier().probabilities(model.encoder().encode(samples.get(i))).clone();
			double[] plain = expected.clone();
			for (int c = 1; c <= 4; c++) {
				double[] q = model.classifier().probabilities(model.encoder().encode(augmenter.copy(samples.get(i), i, c)));
				for (int k = 0; k < q.length; k++) expected[k] += q[k];
			}
			for (int k = 0; k < expected.length; k++) expected[k] /= 5;
			assertArrayEquals(expected, got.get(i).probabilities(), 1e-12, "structure " + i);
			differsFromPlain |= Math.abs(plain[0] - expected[0]) > 1e-6;
		}
		assertTrue(differsFromPlain, "averaging over rotated copies must change some probabilities");
	}

	@Test
	void withoutTestTimeAveragingTheModelClassifiesEachStructureAsItIs() {
		Model model = Training.train(simulated(60, 30, 2), new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of(),
			"svm", 3, new Enlargement(Augmentation.copies(2), null, false)), Progress.NONE);
		assertNull(TestTimeAveraging.of(model));
		StructureSet fresh = simulated(5, 0, 8);
		List<Sample> samples = Featurizer.samples(fresh.structures(), model.voxels(), Progress.NONE).samples();
		List<Classification.Prediction> got = Classification.classify(model, fresh, Progress.NONE);
		for (int i = 0; i < samples.size(); i++)
			assertArrayEquals(model.classifier().probabilities(model.encoder().encode(samples.get(i))),
				got.get(i).probabilities(), 0);
	}

	@Test
	void testTimeAveragingNeedsCopies() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new Enlargement(Augmentation.NONE, null, true));
		assertTrue(e.getMessage().contains("--augment"), e.getMessage());
		assertNotNull(new Enlargement(Augmentation.copies(1), null, true));
		assertEquals(true, new Enlargement(Augmentation.copies(1), null, true).toMap().get("testTime"));
	}
}
