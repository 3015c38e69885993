package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/** Options, configuration records and grid geometry: none of this starts ND4J. */
class DeepOptionsTest {

	@Test
	void unknownOptionIsNamedWithTheValidOnes() {
		for (String name : DeepEncoders.NAMES) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> DeepEncoders.create(name, Map.of("epoch", 3)));
			assertTrue(e.getMessage().contains("'epoch'") && e.getMessage().contains("epochs") && e.getMessage().contains("learningRate"),
				e.getMessage());
		}
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> DeepEncoders.create("conv-ae", Map.of("sparsityWeight", 0.1)));
		assertTrue(e.getMessage().contains("sparsityWeight"), "conv-ae has no sparsity: " + e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> DeepEncoders.create("vae", Map.of()));
	}

	@Test
	void badValuesAreRefusedClearly() {
		assertMessage("batch", () -> DeepEncoders.create("conv-ae", Map.of("batch", 0)));
		assertMessage("learningRate", () -> DeepEncoders.create("conv-ae", Map.of("learningRate", -1)));
		assertMessage("validation", () -> DeepEncoders.create("cnn", Map.of("validation", 1.0)));
		assertMessage("epochs", () -> DeepEncoders.create("dense-ae", Map.of("epochs", 2.5)));
		assertMessage("kernel", () -> DeepEncoders.create("conv-ae", Map.of("kernel", 4)));
		assertMessage("pools", () -> DeepEncoders.create("conv-ae", Map.of("pools", List.of(2))));
		assertMessage("sparsityTarget", () -> DeepEncoders.create("sparse-conv-ae", Map.of("sparsityTarget", 1.5)));
		assertMessage("hidden", () -> DeepEncoders.create("dense-ae", Map.of("hidden", "256,abc")));
	}

	private static void assertMessage(String word, org.junit.jupiter.api.function.Executable e) {
		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
		assertTrue(ex.getMessage().contains(word), ex.getMessage());
	}

	@Test
	void optionsSurviveJsonAndAcceptDialogText() {
		DeepEncoder a = DeepEncoders.create("sparse-conv-ae",
			Map.of("filters", "4, 8", "latent", 12, "sparsityWeight", 0.5, "pools", List.of(2, 3)));
		Gson gson = new Gson();
		Map<String, Object> back = gson.fromJson(gson.toJson(a.parameters()), new TypeToken<Map<String, Object>>() {}.getType());
		DeepEncoder b = DeepEncoders.create("sparse-conv-ae", back);
		assertEquals(a.parameters(), b.parameters());
		assertEquals(List.of(4, 8), b.parameters().get("filters"));
		assertEquals(0.5, b.parameters().get("sparsityWeight"));
		assertEquals(TrainingConfig.DEFAULT, b.training());
		assertFalse(a.isFitted());
		assertThrows(IllegalStateException.class, a::dimension);
	}

	@Test
	void poolingFollowsTheGrid() {
		ConvGeometry study = ConvGeometry.of(ConvStack.DEFAULT, 30, 30, 30);
		assertEquals(List.of(2, 3), study.pools());
		assertFalse(study.needsPadding());
		assertEquals(5, study.pooledDepth());

		ConvGeometry modelNet = ConvGeometry.of(ConvStack.DEFAULT, 32, 32, 32);
		assertEquals(List.of(2, 2), modelNet.pools());
		assertEquals(8 * 8 * 8, modelNet.pooledVoxels());

		// Neither 6 nor 4 divides 14: pad to 18 (z: 20 -> 24), pool by 6.
		ConvGeometry odd = ConvGeometry.of(ConvStack.DEFAULT, 14, 14, 20);
		assertEquals(List.of(2, 3), odd.pools());
		assertTrue(odd.needsPadding());
		assertEquals(List.of(3, 3, 4), List.of(odd.pooledWidth(), odd.pooledHeight(), odd.pooledDepth()));
		assertEquals(List.of(0, 4, 0, 4, 0, 4), java.util.Arrays.stream(odd.padding()).boxed().toList());

		IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> ConvGeometry.of(ConvStack.DEFAULT, 5, 5, 5));
		assertTrue(small.getMessage().contains("too small"), small.getMessage());
		ConvStack explicit = new ConvStack(List.of(8, 16), List.of(3, 2), 3);
		assertEquals(List.of(3, 2), ConvGeometry.of(explicit, 32, 32, 32).pools());
	}

	@Test
	void durationsReadAsClockTime() {
		assertEquals("1:20", DeepTrainer.duration(80));
		assertEquals("0:00", DeepTrainer.duration(-3));
		assertEquals("2:00:05", DeepTrainer.duration(7205));
	}
}
