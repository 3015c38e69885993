package io.github.clathrin.pipeline;

import io.github.clathrin.Cancelling;
import static io.github.clathrin.Simulation.simulated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/** Training and the evaluation protocol on simulated clathrin structures. */
class TrainingTest {

	@Test
	void trainingNeedsTwoLabelledClasses() {
		StructureSet set = simulated(30, 0, 1);
		InputException e = assertThrows(InputException.class, () -> Training.train(set,
			Training.Options.defaults("pca", 1), Progress.NONE));
		assertTrue(e.getMessage().contains("--labels"), e.getMessage());

		List<Structure> oneClass = new ArrayList<>();
		for (Structure s : set.structures()) oneClass.add(s.withLabel("yes"));
		assertThrows(InputException.class, () -> Training.train(new StructureSet(oneClass),
			Training.Options.defaults("pca", 1), Progress.NONE));
	}

	@Test
	void multiClassLabelsGiveAMultiClassModel() {
		StructureSet set = simulated(60, 60, 2);
		List<Structure> relabelled = new ArrayList<>();
		String[] names = { "flat", "dome", "cup" };
		for (int i = 0; i < set.size(); i++) relabelled.add(set.get(i).withLabel(names[i % 3]));
		Model model = Training.train(new StructureSet(relabelled), new Training.Options(VoxelConfig.DEFAULT, "lab",
			Map.of(), "svm", 1), Progress.NONE);
		assertEquals(List.of("cup", "dome", "flat"), model.classNames());
		List<Classification.Prediction> p = Classification.classify(model, set, Progress.NONE);
		assertEquals(3, p.get(0).probabilities().length);
		assertEquals(1.0, p.get(0).probabilities()[0] + p.get(0).probabilities()[1] + p.get(0).probabilities()[2], 1e-9);
	}

	@Test
	void evaluationReportsEveryEncoderAndTheBaselineAboveChance() {
		StructureSet set = simulated(150, 100, 4);
		EvaluationReport r = EvaluationProtocol.run(set, VoxelConfig.DEFAULT, List.of("pca", "lab"), 4, 1,
			Progress.NONE);
		assertEquals(List.of("pca", "lab", EvaluationProtocol.BASELINE),
			r.rows().stream().map(EvaluationReport.Row::name).toList());
		for (EvaluationReport.Row row : r.rows()) {
			assertEquals(100, row.evaluation().n(), row.name());
			assertTrue(row.evaluation().accuracy() > 0.65, row.name() + " " + row.evaluation().accuracy());
		}
		assertTrue(r.table().contains("lab+logistic"));
		assertEquals(3, ((Map<?, ?>) r.toMap().get("accuracy")).size());
	}

	@Test
	void cancellationStopsTraining() {
		StructureSet set = simulated(40, 20, 5);
		Progress cancelled = Cancelling.always();
		assertThrows(io.github.clathrin.task.CancelledException.class, () -> Training.train(set,
			Training.Options.defaults("pca", 1), cancelled));
	}
}
