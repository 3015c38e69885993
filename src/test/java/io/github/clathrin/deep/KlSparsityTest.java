package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/** The KL sparsity layer: exact gradients, its term in the score, and JSON serialization. */
class KlSparsityTest {

	private static final int VOXELS = 8, LATENT = 4, BATCH = 6;

	@BeforeAll
	static void doublePrecision() {
		Nd4jRuntime.start();
		// Finite differences need double precision; the other tests run with float.
		Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
	}

	@AfterAll
	static void backToFloat() {
		Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
	}

	private static MultiLayerNetwork net(double weight, long seed) {
		MultiLayerConfiguration conf = Networks.denseAutoencoder(VOXELS, List.of(), LATENT, new KlSparsity(0.05, weight), false,
			new NoOp(), seed, DataType.DOUBLE);
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		return net;
	}

	private static INDArray volumes(long seed) {
		Nd4j.getRandom().setSeed(seed);
		return Nd4j.rand(DataType.DOUBLE, BATCH, VOXELS);
	}

	@Test
	void gradientsMatchFiniteDifferences() {
		for (double weight : new double[] { 0.5, 5 }) {
			MultiLayerNetwork net = net(weight, 3);
			INDArray x = volumes(4);
			boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(x)
				.epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9).exitOnFirstError(false));
			assertTrue(ok, "analytic and numeric gradients differ with sparsity weight " + weight);
		}
	}

	@Test
	void gradientCheckCatchesAWrongPenaltyGradient() {
		// The check must be able to fail: scale the layer's penalty in the score but not in backprop.
		MultiLayerNetwork net = net(5, 3);
		KlSparsity conf = (KlSparsity) net.getLayerWiseConfigurations().getConf(Networks.codeLayer(net.getLayerWiseConfigurations()) + 1)
			.getLayer();
		INDArray x = volumes(4);
		MultiLayerNetwork wrong = new MultiLayerNetwork(net.getLayerWiseConfigurations().clone()) {
			private static final long serialVersionUID = 1L;

			@Override
			public double calcRegularizationScore(boolean backpropOnly) {
				return 2 * super.calcRegularizationScore(backpropOnly);
			}
		};
		wrong.init(net.params().dup(), false);
		assertTrue(conf.getWeight() > 0);
		boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(wrong).input(x).labels(x)
			.epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9).exitOnFirstError(true));
		assertTrue(!ok, "a score that disagrees with the gradient should fail the check");
	}

	@Test
	void scoreAddsTheKlTerm() {
		double weight = 0.3, rho = 0.05;
		MultiLayerNetwork with = net(weight, 7), without = net(0, 7);
		without.setParams(with.params().dup());
		INDArray x = volumes(8);
		DataSet ds = new DataSet(x, x);
		int code = Networks.codeLayer(with.getLayerWiseConfigurations());
		INDArray activations = with.feedForwardToLayer(code, x, false).get(code + 1);
		double[] mean = activations.mean(0).toDoubleVector();
		double kl = 0;
		for (double m : mean) kl += rho * Math.log(rho / m) + (1 - rho) * Math.log((1 - rho) / (1 - m));
		assertTrue(kl > 0.1, "initial code activations are far from rho: " + kl);
		assertEquals(weight * kl, with.score(ds, false) - without.score(ds, false), 1e-9);
	}

	@Test
	void survivesJson() {
		MultiLayerConfiguration conf = net(0.25, 1).getLayerWiseConfigurations();
		MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
		assertEquals(conf, back);
		KlSparsity k = (KlSparsity) back.getConf(Networks.codeLayer(back) + 1).getLayer();
		assertEquals(0.05, k.getTarget());
		assertEquals(0.25, k.getWeight());
	}
}
