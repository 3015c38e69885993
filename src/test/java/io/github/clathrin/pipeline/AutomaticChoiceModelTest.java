package io.github.clathrin.pipeline;

import static io.github.clathrin.Simulation.simulated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.classifier.ArgmaxClassifier;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/** The auto encoder as a model (train, model file, classify) and as a row of the evaluation report. */
class AutomaticChoiceModelTest {

	private static final Map<String, Object> FAST = Map.of("candidates", "lab,pca,lab+pca", "pca.components", 10);

	@Test
	void aTrainedAutoModelClassifiesTheSameAfterSaveAndLoad(@TempDir Path dir) {
		StructureSet set = simulated(70, 60, 11);
		Model model = Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "auto", FAST, "svm", 1),
			Progress.NONE);
		assertEquals(ArgmaxClassifier.NAME, model.classifier().name(), "auto predicts itself, like the cnn");
		AutomaticChoice auto = (AutomaticChoice) model.encoder();
		assertTrue(List.of("lab", "pca", "lab+pca").contains(auto.chosen()), auto.summary());

		Path file = dir.resolve("auto.zip");
		try {
			ModelFile.write(model, file);
		} catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
		Map<String, Object> manifest = ModelFile.manifest(file);
		String json = ModelFile.toJson(manifest);
		assertTrue(json.contains("\"chosen\": \"" + auto.chosen() + "\"") && json.contains("inner_cv_accuracy"), json);

		Model back = ModelFile.read(file);
		List<Classification.Prediction> before = Classification.classify(model, set, Progress.NONE);
		List<Classification.Prediction> after = Classification.classify(back, set, Progress.NONE);
		int correct = 0, labelled = 0;
		for (int i = 0; i < before.size(); i++) {
			assertArrayEquals(before.get(i).probabilities(), after.get(i).probabilities(), 0);
			String truth = set.get(i).label();
			if (truth == null) continue;
			labelled++;
			if (truth.equals(after.get(i).predicted())) correct++;
		}
		assertTrue(correct > 0.8 * labelled, correct + " of " + labelled + " training structures right");
	}

	@Test
	void evaluationRefitsAutoInEachFoldAndSaysWhatItChose() {
		StructureSet set = simulated(90, 80, 12);
		EvaluationProtocol.Settings settings = new EvaluationProtocol.Settings(List.of("lab", "auto"),
			Map.of("auto", FAST), 4, 1, null);
		EvaluationReport r = EvaluationProtocol.run(set, VoxelConfig.DEFAULT, settings, Progress.NONE);
		EvaluationReport.Row auto = r.rows().stream().filter(row -> row.name().equals("auto")).findFirst().orElseThrow();
		assertEquals(80, auto.evaluation().n());
		assertTrue(auto.evaluation().accuracy() > 0.7, "auto " + auto.evaluation().accuracy());
		assertTrue(auto.note().matches("auto chose: (lab|pca|lab\\+pca) in \\d folds?(, (lab|pca|lab\\+pca) in \\d)*"),
			auto.note());
		int folds = 0;
		for (String part : auto.note().replaceAll("auto chose: ", "").split(", "))
			folds += Integer.parseInt(part.replaceAll(".* in (\\d+).*", "$1"));
		assertEquals(4, folds, "one choice per outer fold: " + auto.note());
		assertTrue(r.table().contains(auto.note()), r.table());
		assertEquals("", r.rows().get(0).note(), "other rows have no note");
		assertEquals(Map.of("auto", auto.note()), r.toMap().get("notes"));
	}
}
