package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/** The model's training summary is a record that the manifest's training section round-trips through unchanged. */
class TrainingSummaryTest {

	// As ModelFile reads manifests: whole numbers come back as Long, others as Double.
	private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

	private static Map<String, Object> parse(String json) {
		return GSON.fromJson(json, new TypeToken<Map<String, Object>>() {}.getType());
	}

	private static final TrainingRange RANGE = new TrainingRange(new double[] { 120, 900 },
		new double[][] { { 80, 200 }, { 90, 210 }, { 40, 120 } }, null, 40);

	private static TrainingSummary full() {
		Map<String, Object> enlargement = new LinkedHashMap<>();
		enlargement.put("augmentation", Map.of("copies", 2));
		enlargement.put("testTime", true);
		return new TrainingSummary(42, 40, Map.of("no", 20, "yes", 20), 17, 3, 5, Map.of("zero extent", 2), RANGE,
			enlargement, 120, Map.of("no", 1, "yes", 1), List.of("pca collapsed: test"), Map.of());
	}

	@Test
	void writesTheManifestSectionInItsDocumentedOrderAndReadsItBack() {
		Map<String, Object> m = full().toMap();
		assertEquals(List.of("structures", "labelled", "perClass", "localizationsOutsideBox", "structuresPartlyOutsideBox",
			"seed", "skipped", "range", "enlargement", "classifierTrainingRows", "spreadLabels", "warnings"), List.copyOf(
				m.keySet()));
		assertEquals(RANGE.toMap(), m.get("range"));
		String json = ModelFile.toJson(m);
		TrainingSummary back = TrainingSummary.fromMap(parse(json));
		assertEquals(json, ModelFile.toJson(back.toMap()), "the section survives a read and a write unchanged");
		assertEquals(40, back.labelled());
		assertEquals(Map.of("no", 20, "yes", 20), back.perClass());
		assertEquals(5, back.seed());
		assertEquals(120, back.classifierTrainingRows().intValue());
		assertEquals(List.of("pca collapsed: test"), back.warnings());
		assertEquals(List.of(80.0, 200.0), ((Map<?, ?>) back.range().toMap().get("extentNm")).get("x"));
	}

	@Test
	void theOptionalPartsAreLeftOutWhenAbsent() {
		TrainingSummary plain = new TrainingSummary(10, 10, Map.of("a", 5, "b", 5), 0, 0, 1, Map.of(), RANGE, null, null,
			null, List.of(), Map.of());
		assertEquals(List.of("structures", "labelled", "perClass", "localizationsOutsideBox", "structuresPartlyOutsideBox",
			"seed", "range"), List.copyOf(plain.toMap().keySet()));
		assertEquals(List.of("structures", "labelled", "perClass", "localizationsOutsideBox", "structuresPartlyOutsideBox",
			"seed"), List.copyOf(plain.withoutRange().toMap().keySet()));
	}

	@Test
	void anOlderOrNewerSectionLoadsAndKeepsWhatItDoesNotKnow() {
		// Written before ranges and box counts were recorded, with a key from some newer version.
		Map<String, Object> old = parse("{\"structures\": 80, \"labelled\": 40, \"perClass\": {\"no\": 20, \"yes\": 20}, "
			+ "\"seed\": 5, \"fromTheFuture\": {\"x\": 1}}");
		TrainingSummary s = TrainingSummary.fromMap(old);
		assertNull(s.range(), "no range: classify checks nothing");
		assertEquals(0, s.localizationsOutsideBox());
		assertEquals(Map.of("x", 1L), s.other().get("fromTheFuture"));
		assertEquals(Map.of("x", 1L), s.toMap().get("fromTheFuture"), "written back");
		assertNull(TrainingSummary.fromMap(Map.of()).enlargement());
	}

	@Test
	void aTrainedModelFileHoldsTheSummaryAndReadsBackTheSame(@TempDir Path dir) throws IOException {
		var data = new ClathrinSimulator(SimulationConfig.defaults().withCounts(40, 20).withSeed(3)).simulate()
			.toStructureSet();
		Model model = Training.train(data, new Training.Options(VoxelConfig.DEFAULT, "lab", Map.of(), "svm", 5),
			Progress.NONE);
		Path file = dir.resolve("model.zip");
		ModelFile.write(model, file);
		Object section = ModelFile.manifest(file).get("training");
		assertEquals(ModelFile.toJson(model.training().toMap()), ModelFile.toJson(section));
		Model back = ModelFile.read(file);
		assertEquals(ModelFile.toJson(model.training().toMap()), ModelFile.toJson(back.training().toMap()));
		assertNotNull(back.training().range());
		assertEquals(model.training().perClass(), back.training().perClass());
	}
}
