package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The normalized code (dense without bias, batch normalization, sigmoid as a layer of its own; issue 15):
 * its backpropagated gradients match finite differences, alone and under the KL sparsity penalty that
 * sparse-conv-ae puts after it. (That the same check fails on a wrong gradient is shown in {@link KlSparsityTest}.)
 */
class NormalizedCodeGradientTest {

	private static final int VOXELS = 10, LATENT = 4, BATCH = 8;

	@BeforeAll
	static void doublePrecision() {
		Nd4jRuntime.start();
		Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
	}

	@AfterAll
	static void backToFloat() {
		Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
	}

	private static MultiLayerNetwork net(KlSparsity sparsity) {
		MultiLayerConfiguration conf = Networks.denseAutoencoder(VOXELS, List.of(6), LATENT, sparsity, true, new NoOp(), 5,
			DataType.DOUBLE);
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		return net;
	}

	/** The running mean and variance are statistics, not trained by gradient: the check leaves them out. */
	private static Set<String> statistics(MultiLayerNetwork net) {
		Set<String> out = new HashSet<>();
		for (int i = 0; i < net.getnLayers(); i++)
			if (net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof BatchNormalization)
				for (String p : List.of("mean", "var", "log10stdev")) out.add(i + "_" + p);
		return out;
	}

	private static boolean check(MultiLayerNetwork net, INDArray x) {
		return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(x).epsilon(1e-6)
			.maxRelError(1e-5).minAbsoluteError(1e-9).excludeParams(statistics(net)).exitOnFirstError(false));
	}

	private static INDArray volumes() {
		Nd4j.getRandom().setSeed(6);
		return Nd4j.rand(DataType.DOUBLE, BATCH, VOXELS);
	}

	@Test
	void gradientsMatchFiniteDifferences() {
		MultiLayerNetwork plain = net(null);
		assertFalse(statistics(plain).isEmpty(), "the code has a batch normalization");
		assertTrue(check(plain, volumes()), "normalized code");
		assertTrue(check(net(new KlSparsity(0.05, 1)), volumes()), "normalized code under the KL penalty");
	}
}
