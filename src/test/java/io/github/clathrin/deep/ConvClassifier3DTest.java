package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

class ConvClassifier3DTest {

	@Test
	void learnsDisksFromCapsAndGivesProbabilities() throws Exception {
		List<Sample> samples = DeepSamples.structures(40, 6);
		int[] y = DeepSamples.labels(40);
		SupervisedEncoder cnn = (SupervisedEncoder) Encoders.create("cnn",
			Map.of("filters", List.of(4, 8), "hidden", List.of(16), "epochs", 4, "batch", 8, "learningRate", 0.003));
		assertTrue(Encoders.isSupervised(cnn.name()));
		IllegalStateException unlabelled = assertThrows(IllegalStateException.class, () -> cnn.fit(samples, 1, Progress.NONE));
		assertTrue(unlabelled.getMessage().contains("labelled"), unlabelled.getMessage());

		cnn.fitLabelled(samples, y, 2, Augmenter.none(), 2, Progress.NONE);
		assertEquals(2, cnn.dimension());
		double[][] p = cnn.encodeBatch(samples);
		int correct = 0;
		for (int i = 0; i < p.length; i++) {
			assertEquals(1, p[i][0] + p[i][1], 1e-5, "probabilities sum to 1");
			if ((p[i][1] > p[i][0] ? 1 : 0) == y[i]) correct++;
		}
		assertTrue(correct >= 32, "flat disks and closed caps should be told apart: " + correct + "/40");
		@SuppressWarnings("unchecked")
		List<String> layers = (List<String>) cnn.parameters().get("architecture");
		assertEquals("output 2 softmax, cross-entropy", layers.get(layers.size() - 1));
		EncoderContract.check((DeepEncoder) cnn, samples.subList(0, 6));
	}

	@Test
	void refusesBadLabels() {
		List<Sample> samples = DeepSamples.structures(4, 1);
		SupervisedEncoder cnn = ConvClassifier3D.fromOptions(Map.of());
		assertThrows(IllegalArgumentException.class, () -> cnn.fitLabelled(samples, new int[] { 0, 1, 0 }, 2, Augmenter.none(), 1, Progress.NONE));
		assertThrows(IllegalArgumentException.class, () -> cnn.fitLabelled(samples, new int[] { 0, 1, 0, 2 }, 2, Augmenter.none(), 1, Progress.NONE));
		assertThrows(IllegalArgumentException.class, () -> cnn.fitLabelled(samples, new int[4], 1, Augmenter.none(), 1, Progress.NONE));
	}
}
