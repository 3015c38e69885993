package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

class ConvAutoencoder3DTest {

	/** Small filters so the study's architecture trains in seconds. */
	private static final Map<String, Object> SMALL = Map.of("filters", List.of(4, 8), "latent", 16, "epochs", 2, "batch", 8);

	@Test
	void trainsOnTheStudyGridReproduciblyAndKeepsTheContract() throws Exception {
		List<Sample> samples = DeepSamples.structures(32, 5);
		List<String> stages = new ArrayList<>();
		List<long[]> counts = new ArrayList<>();
		ConvAutoencoder3D a = (ConvAutoencoder3D) Encoders.create("conv-ae", SMALL);
		a.fit(samples, 21, (stage, done, total) -> {
			stages.add(stage);
			counts.add(new long[] { done, total });
		});
		assertEquals(16, a.dimension());
		assertEquals(List.of("conv3d 4 x 3^3 relu", "max-pool 2", "conv3d 8 x 3^3 relu", "max-pool 3", "dense 16 identity",
			"batch-norm", "code sigmoid", "dense 1000 relu", "upsample 3", "conv3d 4 x 3^3 relu", "upsample 2", "conv3d 1 x 3^3 identity",
			"per-voxel sigmoid, binary cross-entropy (mean over voxels)"), a.parameters().get("architecture"));

		// 29 training structures (3 held out) in batches of 8: 4 batches per epoch, reported one by one.
		assertEquals(8, stages.size());
		assertArrayEquals(new long[] { 4, 4 }, counts.get(7));
		Matcher m = Pattern.compile("Training conv-ae: epoch 2/2, loss [0-9.]+, validation [0-9.]+, [0-9]+ samples/s, ~[0-9]+:[0-9]{2} left")
			.matcher(stages.get(7));
		assertTrue(m.matches(), stages.get(7));

		List<Volume> r = a.reconstruct(samples.subList(0, 4));
		assertEquals(List.of(30, 30, 30), List.of(r.get(0).nx(), r.get(0).ny(), r.get(0).nz()));
		EncoderContract.inUnitRange(r);
		EncoderContract.check(a, samples.subList(0, 6));

		ConvAutoencoder3D b = (ConvAutoencoder3D) Encoders.create("conv-ae", SMALL);
		b.fit(samples, 21, Progress.NONE);
		assertArrayEquals(a.network().params().toFloatVector(), b.network().params().toFloatVector(),
			"the same seed must give bit-identical weights");
		assertEquals(a.parameters().get("history").toString().replaceAll("seconds=[0-9.]+", ""),
			b.parameters().get("history").toString().replaceAll("seconds=[0-9.]+", ""));
	}

	@Test
	void anyGridWorks() {
		// 32^3 (ModelNet10) pools by 2 and 2; 14^3 divides by neither 6 nor 4, so it is padded to 18^3 and cropped back.
		for (int grid : new int[] { 32, 14 }) {
			List<Sample> samples = DeepSamples.structures(6, grid, grid);
			ConvAutoencoder3D ae = ConvAutoencoder3D.fromOptions("conv-ae",
				Map.of("filters", List.of(2, 4), "latent", 4, "epochs", 1, "validation", 0));
			ae.fit(samples, 1, Progress.NONE);
			Volume r = ae.reconstruct(samples.subList(0, 1)).get(0);
			assertEquals(List.of(grid, grid, grid), List.of(r.nx(), r.ny(), r.nz()));
			@SuppressWarnings("unchecked")
			List<String> layers = (List<String>) ae.parameters().get("architecture");
			assertEquals(grid == 14, layers.get(0).startsWith("zero-pad"), layers.toString());
			assertEquals(grid == 14 ? "max-pool 3" : "max-pool 2", layers.get(grid == 14 ? 4 : 3), layers.toString());
			IllegalArgumentException wrongGrid = assertThrows(IllegalArgumentException.class,
				() -> ae.encode(DeepSamples.structures(1, 1).get(0)));
			assertTrue(wrongGrid.getMessage().contains(grid + "x" + grid + "x" + grid), wrongGrid.getMessage());
		}
	}

	@Test
	void refusesAGridTooSmallForThePooling() {
		ConvAutoencoder3D ae = ConvAutoencoder3D.fromOptions("conv-ae", Map.of("pools", List.of(3, 3)));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ae.fit(DeepSamples.structures(4, 1, 8), 1, Progress.NONE));
		assertTrue(e.getMessage().contains("too small"), e.getMessage());
	}
}
