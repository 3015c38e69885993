package io.github.clathrin.pipeline;

import static io.github.clathrin.Simulation.simulated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.clathrin.augment.Augmentation;
import io.github.clathrin.classifier.LabelSpreading;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/** Augmented copies and spread labels in the classifier's training set, in training and in cross-validation. */
class EnlargementTest {

	@Test
	void trainingSetHoldsOnlyTheTrainingStructuresTheirCopiesAndSpreadLabels() {
		// 6 structures: 0..3 labelled, 4..5 unlabelled; codes are distinct arrays so identity tells where a row came from
		double[][] codes = { { 0, 0 }, { 0, 1 }, { 5, 5 }, { 5, 6 }, { 0.2, 0.5 }, { 5.1, 5.4 } };
		double[][][] copies = new double[6][][];
		for (int i : new int[] { 0, 1, 2, 3 }) copies[i] = new double[][] { { codes[i][0] + 0.01, codes[i][1] }, {
			codes[i][0] - 0.01, codes[i][1] } };
		int[] train = { 0, 2 }, trainY = { 0, 1 };
		ClassifierTrainingSet.Built plain = ClassifierTrainingSet.build(codes, null, train, trainY, new int[] { 4, 5 }, 2,
			null, Progress.NONE);
		assertEquals(2, plain.x().length);
		assertSame(codes[0], plain.x()[0]);
		assertSame(codes[2], plain.x()[1]);

		LabelSpreading.Options rbf = new LabelSpreading.Options(LabelSpreading.Kernel.RBF, 7, 1, 0.2, 30, 1e-3);
		ClassifierTrainingSet.Built more = ClassifierTrainingSet.build(codes, copies, train, trainY, new int[] { 4, 5 }, 2,
			rbf, Progress.NONE);
		Set<double[]> allowed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		for (int i : train) {
			allowed.add(codes[i]);
			allowed.addAll(List.of(copies[i]));
		}
		allowed.add(codes[4]);
		allowed.add(codes[5]);
		for (double[] row : more.x()) assertTrue(allowed.contains(row), "a row from a held-out structure");
		assertEquals(2 * 3 + 2, more.x().length);
		assertArrayEquals(new int[] { 0, 0, 0, 1, 1, 1, 0, 1 }, more.y(), "copies keep their label; 4 and 5 get their cluster's");
		assertArrayEquals(new int[] { 1, 1 }, more.spreadCounts());
	}

	@Test
	void evaluationWithAugmentationAndSpreadingReportsBothRows() {
		StructureSet set = simulated(160, 60, 3);
		EvaluationProtocol.Settings s = new EvaluationProtocol.Settings(List.of("lab"), Map.of(), 3, 1,
			new Enlargement(Augmentation.copies(2), LabelSpreading.Options.DEFAULTS));
		EvaluationReport r = EvaluationProtocol.run(set, VoxelConfig.DEFAULT, s, Progress.NONE);
		assertEquals(List.of("lab", "lab+spread", "lab+logistic"), r.rows().stream().map(EvaluationReport.Row::name).toList());
		for (EvaluationReport.Row row : r.rows()) {
			assertEquals(60, row.evaluation().n());
			assertTrue(row.evaluation().accuracy() > 0.7, row.name() + " " + row.evaluation().accuracy());
		}
		// same folds for every row
		assertArrayEquals(r.rows().get(0).evaluation().folds(), r.rows().get(1).evaluation().folds());
	}

	@Test
	void trainingRecordsAugmentationAndSpreadLabelsInTheModel() {
		StructureSet set = simulated(80, 30, 2);
		Model m = Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "lab", Map.of(), "svm", 1,
			new Enlargement(Augmentation.copies(1), LabelSpreading.Options.DEFAULTS)), Progress.NONE);
		assertEquals(30 * 2 + 50, m.training().classifierTrainingRows());
		Map<?, ?> spread = m.training().spreadLabels();
		assertEquals(50, spread.values().stream().mapToInt(v -> ((Number) v).intValue()).sum());
		assertTrue(m.training().enlargement() != null);
	}

	@Test
	void unlabelledCurveGrowsThePoolAndRefusesTooManySteps() {
		StructureSet set = simulated(160, 60, 5);
		EvaluationProtocol.Settings s = EvaluationProtocol.Settings.of(List.of("pca"), 3, 1);
		UnlabelledCurve.Result r = UnlabelledCurve.run(set, VoxelConfig.DEFAULT, s, new int[] { 0, 50, 100 }, Progress.NONE);
		assertArrayEquals(new int[] { 0, 50, 100 }, r.steps());
		assertEquals(List.of("pca"), new ArrayList<>(r.accuracy().keySet()));
		assertEquals(3, r.accuracy().get("pca").length);
		assertEquals(List.of(60, 110, 160), r.reports().stream().map(EvaluationReport::structures).toList());
		// PCA learns its components from the pool: the codes, and so the accuracies, change with it
		double[] acc = r.accuracy().get("pca");
		assertTrue(acc[0] != acc[1] || acc[1] != acc[2], java.util.Arrays.toString(acc));
		for (double a : acc) assertTrue(a > 0.55 && a <= 1, "accuracy " + a);
		assertTrue(r.table().contains("pca"));
		InputException e = assertThrows(InputException.class,
			() -> UnlabelledCurve.run(set, VoxelConfig.DEFAULT, s, new int[] { 0, 101 }, Progress.NONE));
		assertTrue(e.getMessage().contains("only 100 unlabelled"), e.getMessage());
		assertArrayEquals(new int[] { 0, 100, 300, 619 }, UnlabelledCurve.parseSteps("300, 0,100,619,100"));
		assertThrows(InputException.class, () -> UnlabelledCurve.parseSteps("0,-5"));
		assertThrows(InputException.class, () -> UnlabelledCurve.parseSteps("a lot"));
	}

	@Test
	void encoderOptionsGoToTheRightEncoders() {
		Map<String, Map<String, Object>> o = EncoderOptions.parse("latent=32 filters=4,8 pca.components=5;"
			+ "learningRate=0.01", List.of("pca", "dense-ae", "conv-ae", "cnn"), 3);
		assertEquals(Map.of("components", 5), o.get("pca"));
		assertEquals(Map.of("epochs", 3, "latent", 32, "learningRate", 0.01), o.get("dense-ae"), "dense-ae has no filters");
		assertEquals(List.of(4, 8), o.get("conv-ae").get("filters"));
		assertEquals(Map.of("epochs", 3, "filters", List.of(4, 8), "learningRate", 0.01), o.get("cnn"), "cnn has no latent");
		InputException unknown = assertThrows(InputException.class, () -> EncoderOptions.parse("fast=true",
			List.of("conv-ae"), null));
		assertTrue(unknown.getMessage().contains("no deep encoder"), unknown.getMessage());
		assertTrue(EncoderOptions.parse(null, List.of("pca"), null).isEmpty());
		InputException noDeep = assertThrows(InputException.class, () -> EncoderOptions.parse("components=5",
			List.of("pca"), null));
		assertTrue(noDeep.getMessage().contains("pca.components=20"), noDeep.getMessage());
		assertThrows(InputException.class, () -> EncoderOptions.parse("latent", List.of("conv-ae"), null));
		assertThrows(InputException.class, () -> EncoderOptions.parse("cnn.x=1", List.of("conv-ae"), null));
		assertThrows(InputException.class, () -> EncoderOptions.parse(null, List.of("conv-ae"), 0));
	}
}
