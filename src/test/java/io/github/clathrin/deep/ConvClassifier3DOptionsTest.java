package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

/** The options beyond the study's: batch normalization, dropout, jitter, decay, pretraining, test-time mirroring. */
class ConvClassifier3DOptionsTest {

	private static final Map<String, Object> IMPROVED = Map.of("filters", List.of(4, 8), "hidden", List.of(8), "epochs", 2,
		"batch", 8, "batchnorm", true, "dropout", 0.25, "mirror", "z", "shift", 1, "tta", true, "weightDecay", 1e-4);

	@Test
	void defaultsAreTheStudys() {
		ConvClassifier3D cnn = ConvClassifier3D.fromOptions(Map.of());
		assertEquals(Set.of("epochs", "batch", "learningRate", "patience", "validation", "filters", "kernel", "hidden"),
			cnn.parameters().keySet(), "no new keys in the study's manifests");
		assertEquals(TrainingConfig.DEFAULT, cnn.training());
		assertTrue(cnn.training().updater() instanceof Adam a && a.getLearningRateSchedule() == null);
		ConvAutoencoder3D ae = ConvAutoencoder3D.fromOptions(DeepEncoders.CONV_AE, Map.of());
		assertEquals(Set.of("epochs", "batch", "learningRate", "patience", "validation", "filters", "kernel", "latent",
			"codeNorm"), ae.parameters().keySet());
		// not the study's: its plain sigmoid code collapsed on STORM volumes (CollapseCheck), the normalized one not
		assertEquals(true, ae.parameters().get("codeNorm"));
	}

	@Test
	void checksTheNewOptions() {
		assertThrows(IllegalArgumentException.class, () -> ConvClassifier3D.fromOptions(Map.of("dropout", 1.0)));
		assertThrows(IllegalArgumentException.class, () -> ConvClassifier3D.fromOptions(Map.of("batchnorm", "maybe")));
		assertThrows(IllegalArgumentException.class, () -> ConvClassifier3D.fromOptions(Map.of("pretrain", "pca")));
		assertThrows(IllegalArgumentException.class, () -> ConvClassifier3D.fromOptions(Map.of("learningRateDecay", 0.0)));
		assertThrows(IllegalArgumentException.class, () -> ConvClassifier3D.fromOptions(Map.of("weightDecay", -1e-3)));
		IllegalArgumentException tta = assertThrows(IllegalArgumentException.class, () -> ConvClassifier3D.fromOptions(Map.of("tta", true)));
		assertTrue(tta.getMessage().contains("mirror"), tta.getMessage());
		// Options typed on the command line arrive as text.
		ConvClassifier3D typed = ConvClassifier3D.fromOptions(Map.of("batchnorm", "true", "pretrain", "conv-ae", "mirror", "z", "tta", "true"));
		assertEquals(true, typed.parameters().get("batchnorm"));
		assertEquals("conv-ae", typed.parameters().get("pretrain"));
		assertTrue(DeepEncoders.create(DeepEncoders.SPARSE_CONV_AE, Map.of("noise", 0.2, "batchnorm", true)).parameters()
			.containsKey("noise"));
	}

	@Test
	void learningRateDecaysPerEpoch() {
		TrainingConfig t = ConvClassifier3D.fromOptions(Map.of("learningRate", 0.01, "learningRateDecay", 0.5)).training();
		Adam adam = (Adam) t.updater();
		assertEquals(0.01, adam.getLearningRate(0, 0), 1e-12);
		assertEquals(0.0025, adam.getLearningRate(100, 2), 1e-12);
	}

	@Test
	void layersHaveBatchNormAndDropout() {
		ConvClassifier3D cnn = ConvClassifier3D.fromOptions(IMPROVED);
		var conf = cnn.configure(16, 16, 16, 3, new Adam(1e-3), 1);
		int norms = 0;
		for (int i = 0; i < conf.getConfs().size(); i++) {
			Layer l = conf.getConf(i).getLayer();
			if (l instanceof BatchNormalization) norms++;
		}
		assertEquals(2, norms, "one per convolution");
		List<String> described = Networks.describe(conf);
		// conv - batch norm - ReLU (a layer of its own: DL4J's batch normalization ignores its activation) - pool
		assertEquals(List.of("conv3d 4 x 3^3 identity", "batch-norm", "relu", "max-pool 2"), described.subList(0, 4));
		assertTrue(described.contains("dense 8 relu, dropout 0.25"), described.toString());
		assertEquals(Networks.encoderLayers(cnn.stack(), ConvGeometry.of(cnn.stack(), 16, 16, 16)), 8, described.toString());
	}

	@Test
	void sameSeedSameWeightsAndLoadsBack() throws Exception {
		List<Sample> samples = DeepSamples.structures(16, 4, 16);
		int[] y = DeepSamples.labels(16);
		Map<String, Object> options = new HashMap<>(IMPROVED);
		options.put("noise", 0.05);
		ConvClassifier3D a = ConvClassifier3D.fromOptions(options), b = ConvClassifier3D.fromOptions(options),
			c = ConvClassifier3D.fromOptions(options);
		a.fitLabelled(samples, y, 2, Augmenter.none(), 7, Progress.NONE);
		b.fitLabelled(samples, y, 2, Augmenter.none(), 7, Progress.NONE);
		c.fitLabelled(samples, y, 2, Augmenter.none(), 8, Progress.NONE);
		assertEquals(a.network().params(), b.network().params(), "same seed, same weights");
		assertNotEquals(a.network().params(), c.network().params(), "another seed, other weights");
		double[][] p = a.encodeBatch(samples);
		for (double[] row : p) assertEquals(1, row[0] + row[1], 1e-5, "averaged probabilities still sum to 1");
		// The batch statistics and the depth folding must survive the model file.
		EncoderContract.check(a, samples.subList(0, 4));
		assertEquals(Boolean.TRUE, a.parameters().get("tta"));
		assertEquals("z", a.parameters().get("mirror"));
	}

	@Test
	void testTimeMirroringAveragesTheMirroredPredictions() throws Exception {
		List<Sample> samples = DeepSamples.structures(8, 5, 16);
		ConvClassifier3D cnn = ConvClassifier3D.fromOptions(IMPROVED);
		cnn.fitLabelled(samples, DeepSamples.labels(8), 2, Augmenter.none(), 3, Progress.NONE);
		VolumeBatches batches = new VolumeBatches(VolumeBatches.Layout.VOLUME, 16, 16, 16);
		MultiLayerNetwork net = cnn.network();
		var plain = net.output(batches.features(samples), false);
		var mirrored = net.output(batches.features(samples,
			java.util.Collections.nCopies(samples.size(), new InputJitter.Transform(false, false, true, 0, 0, 0))), false);
		double[][] expected = plain.add(mirrored).div(2).toDoubleMatrix(), got = cnn.encodeBatch(samples);
		for (int i = 0; i < got.length; i++)
			for (int k = 0; k < 2; k++) assertEquals(expected[i][k], got[i][k], 1e-6);
	}

	@Test
	void pretrainingCopiesTheAutoencodersEncoder() throws Exception {
		List<Sample> samples = DeepSamples.structures(12, 6, 16);
		ConvStack stack = new ConvStack(List.of(4, 8), List.of(), 3, true, 0);
		ConvAutoencoder3D ae = new ConvAutoencoder3D(new TrainingConfig(1, 6, 1e-3, 1, 0), stack, 8, null, true);
		ae.fit(samples, 2, Progress.NONE);
		ConvClassifier3D cnn = new ConvClassifier3D(new TrainingConfig(1, 6, 1e-3, 1, 0), stack, List.of(8));
		MultiLayerNetwork net = new MultiLayerNetwork(cnn.configure(16, 16, 16, 2, new Adam(1e-3), 3));
		net.init();
		int layers = Networks.encoderLayers(stack, ConvGeometry.of(stack, 16, 16, 16));
		assertNotEquals(ae.network().getLayer(0).params(), net.getLayer(0).params());
		ConvClassifier3D.copyEncoder(ae.network(), net, layers);
		for (int i = 0; i < layers; i++)
			assertEquals(ae.network().getLayer(i).params(), net.getLayer(i).params(), "layer " + i + " copied");
		assertTrue(net.getLayer(layers).numParams() > 0);

		// And the whole route: pretrain, then train with labels; the manifest says so.
		ConvClassifier3D pre = ConvClassifier3D.fromOptions(Map.of("filters", List.of(4, 8), "hidden", List.of(8), "epochs", 1,
			"batch", 6, "pretrain", "conv-ae", "pretrainEpochs", 1, "pretrainLatent", 8));
		pre.fitLabelled(samples, DeepSamples.labels(12), 2, Augmenter.none(), 4, Progress.NONE);
		assertEquals("conv-ae", pre.parameters().get("pretrain"));
		assertEquals(1, pre.parameters().get("pretrainEpochs"));
		EncoderContract.roundTrip(pre, samples.subList(0, 3));
		assertTrue(Encoders.load("cnn", pre.parameters(), EncoderContract.input(EncoderContract.state(pre))).dimension() == 2);
	}

	@Test
	void denoisingConvAutoencoderWithBatchNormTrainsAndLoads() throws Exception {
		List<Sample> samples = DeepSamples.structures(10, 7, 16);
		ConvAutoencoder3D ae = ConvAutoencoder3D.fromOptions(DeepEncoders.CONV_AE, Map.of("filters", List.of(4, 8), "latent", 6,
			"epochs", 2, "batch", 5, "noise", 0.1, "batchnorm", true, "dropout", 0.2, "mirror", "x,y"));
		ae.fit(samples, 3, Progress.NONE);
		@SuppressWarnings("unchecked")
		List<String> layers = (List<String>) ae.parameters().get("architecture");
		assertTrue(layers.containsAll(List.of("dense 6 identity, dropout 0.20", "batch-norm", "code sigmoid")), layers
			.toString());
		// every batch normalization of the stack is followed by its ReLU (DL4J's ignores an activation given to it)
		for (int i = 0; i < layers.size(); i++)
			if (layers.get(i).equals("batch-norm") && !layers.get(i + 1).equals("code sigmoid"))
				assertEquals("relu", layers.get(i + 1), layers.toString());
		assertEquals(0.1, ae.parameters().get("noise"));
		EncoderContract.check(ae, samples.subList(0, 4));
		// the code is a sigmoid's: inside (0, 1)
		for (double[] code : ae.encodeBatch(samples))
			for (double c : code) assertTrue(c > 0 && c < 1, java.util.Arrays.toString(code));
	}

	@Test
	void aConvAutoencoderSavedBeforeTheNormalizedCodeLoadsAsItWasTrained() throws Exception {
		List<Sample> samples = DeepSamples.structures(6, 7, 16);
		ConvAutoencoder3D plain = ConvAutoencoder3D.fromOptions(DeepEncoders.CONV_AE, Map.of("filters", List.of(4, 8),
			"latent", 6, "epochs", 1, "batch", 3, "codeNorm", false));
		plain.fit(samples, 3, Progress.NONE);
		java.util.Map<String, Object> older = new java.util.LinkedHashMap<>(plain.parameters());
		older.remove("codeNorm"); // as a model file written before the option existed
		var loaded = Encoders.load(DeepEncoders.CONV_AE, older, EncoderContract.input(EncoderContract.state(plain)));
		assertEquals(false, loaded.parameters().get("codeNorm"));
		for (int i = 0; i < 3; i++)
			org.junit.jupiter.api.Assertions.assertArrayEquals(plain.encode(samples.get(i)), loaded.encode(samples.get(i)),
				1e-6);
	}
}
