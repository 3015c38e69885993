package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.Cancelling;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

class DenseAutoencoderTest {

	@Test
	void learnsToReconstructAndKeepsTheContract() throws Exception {
		List<Sample> samples = DeepSamples.structures(40, 3);
		DenseAutoencoder ae = (DenseAutoencoder) Encoders.create("dense-ae",
			Map.of("hidden", List.of(32), "latent", 8, "epochs", 3, "batch", 8));
		ae.fit(samples, 11, Progress.NONE);
		assertEquals(8, ae.dimension());

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> history = (List<Map<String, Object>>) ae.parameters().get("history");
		assertEquals(3, history.size());
		double first = ((Number) history.get(0).get("loss")).doubleValue(), last = ((Number) history.get(2).get("loss")).doubleValue();
		assertTrue(last < first, "training loss should fall: " + history);
		assertEquals(List.of("dense 32 relu", "dense 8 identity", "batch-norm", "code sigmoid", "dense 32 relu",
			"output 27000 sigmoid, binary cross-entropy (mean over voxels)"), ae.parameters().get("architecture"));
		assertTrue(((String) ae.parameters().get("backend")).contains("oneDNN"), "" + ae.parameters().get("backend"));

		List<Volume> r = ae.reconstruct(samples.subList(0, 6));
		EncoderContract.inUnitRange(r);
		assertEquals(30, r.get(0).nx());
		for (double[] code : ae.encodeBatch(samples.subList(0, 6)))
			for (double c : code) assertTrue(c >= 0 && c <= 1, "sigmoid code " + c);
		EncoderContract.check(ae, samples.subList(0, 10));

		// The pipeline encodes through Encoders.encodeAll, which hands over batches of preferredBatchSize().
		assertEquals(64, ae.preferredBatchSize());
		double[][] all = Encoders.encodeAll(ae, samples, Progress.NONE);
		for (int i = 0; i < samples.size(); i++) assertArrayEquals(ae.encode(samples.get(i)), all[i], 1e-5);
	}

	@Test
	void cancelledTrainingLeavesTheEncoderUnfitted() {
		DenseAutoencoder ae = DenseAutoencoder.fromOptions(Map.of("hidden", List.of(8), "latent", 4));
		assertThrows(CancelledException.class, () -> ae.fit(DeepSamples.structures(8, 1), 1, Cancelling.always()));
		assertFalse(ae.isFitted());
	}

	@Test
	void countsAreScaledToUnitRangeTheSameWayWhenEncoding() {
		List<Sample> samples = DeepSamples.structures(12, 4);
		DenseAutoencoder ae = DenseAutoencoder.fromOptions(Map.of("hidden", List.of(16), "latent", 4, "epochs", 1, "validation", 0));
		ae.fit(samples, 1, Progress.NONE);
		float[] binary = samples.get(0).volume().data();
		float[] counts = new float[binary.length], scaled = new float[binary.length];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = binary[i] * (1 + i % 5); // up to 5 localizations per voxel
			scaled[i] = counts[i] * (1f / 5);
		}
		double[] a = ae.encode(new Sample(new Volume(30, 30, 30, counts), null));
		double[] b = ae.encode(new Sample(new Volume(30, 30, 30, scaled), null));
		assertArrayEquals(b, a, 0.0, "a counts volume is divided by its largest count");
	}
}
