package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import io.github.clathrin.encoders.Autoencoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

class SparseConvAutoencoderTest {

	private static ConvAutoencoder3D fitted(List<Sample> samples, double weight, boolean codeNorm) {
		Map<String, Object> options = new HashMap<>(Map.of("filters", List.of(2, 4), "latent", 8, "epochs", 3, "batch", 8,
			"learningRate", 0.005, "validation", 0));
		options.put("sparsityWeight", weight);
		options.put("codeNorm", codeNorm);
		ConvAutoencoder3D ae = (ConvAutoencoder3D) Encoders.create("sparse-conv-ae", options);
		ae.fit(samples, 3, Progress.NONE);
		return ae;
	}

	private static double meanCode(ConvAutoencoder3D ae, List<Sample> samples) {
		double sum = 0;
		int n = 0;
		for (double[] code : ae.encodeBatch(samples))
			for (double c : code) {
				sum += c;
				n++;
			}
		return sum / n;
	}

	@Test
	void aLargerWeightPullsTheMeanCodeActivationTowardTheTarget() throws Exception {
		List<Sample> samples = DeepSamples.structures(32, 8);
		ConvAutoencoder3D free = fitted(samples, 0, true), sparse = fitted(samples, 0.5, true);
		double rho = 0.05, freeMean = meanCode(free, samples), sparseMean = meanCode(sparse, samples);
		assertTrue(sparseMean < freeMean && Math.abs(sparseMean - rho) < Math.abs(freeMean - rho),
			"mean code activation with sparsity weight 0.5: " + sparseMean + ", without: " + freeMean + ", target " + rho);
		// On the normalized code (the default) the pull is slower: the penalty has only the normalization's shift
		// to move. On the plain sigmoid code three epochs bring it near the target.
		double plainMean = meanCode(fitted(samples, 0.5, false), samples);
		assertTrue(plainMean < 0.25, "mean code activation " + plainMean + " should approach " + rho);

		@SuppressWarnings("unchecked")
		List<String> layers = (List<String>) sparse.parameters().get("architecture");
		assertEquals("KL sparsity (target 0.05, weight 0.5)", layers.get(layers.indexOf("code sigmoid") + 1));
		// The network's loss is the mean reconstruction cross-entropy plus weight * sum_j KL(rho || rho_hat_j).
		List<Sample> batch = samples.subList(0, 12);
		double[] mean = new double[8];
		for (double[] code : sparse.encodeBatch(batch))
			for (int j = 0; j < 8; j++) mean[j] += code[j] / batch.size();
		double kl = 0;
		for (double m : mean) kl += rho * Math.log(rho / m) + (1 - rho) * Math.log((1 - rho) / (1 - m));
		double expected = EncoderContract.reconstructionLoss(((Autoencoder) sparse).reconstruct(batch), batch) + 0.5 * kl;
		INDArray x = new VolumeBatches(VolumeBatches.Layout.VOLUME, 30, 30, 30).features(batch);
		assertEquals(expected, sparse.network().score(new DataSet(x, x), false), 1e-4 * expected);
		EncoderContract.check(sparse, samples.subList(0, 5));
	}
}
