package io.github.clathrin.deep;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The KL sparsity penalty at work (configured by {@link KlSparsity}). With rho the target and
 * rho_hat_j the mean activation of code unit j over the mini-batch, the penalty is
 * {@code beta * sum_j [rho log(rho / rho_hat_j) + (1 - rho) log((1 - rho) / (1 - rho_hat_j))]}.
 * <p>
 * Forward, the layer is the identity and remembers the penalty of the batch it saw; DL4J adds it to the
 * loss through {@link #calcRegularizationScore}, which both training and {@code score(DataSet)} call
 * after the forward pass, so reported and validation losses include it. Backward it adds the
 * penalty's derivative {@code beta * (-rho / rho_hat_j + (1 - rho) / (1 - rho_hat_j))} to every row of
 * epsilon. d rho_hat_j / d a_ij is 1/batch, but DL4J's layer gradients are sums over the batch (the
 * updater divides by the batch size), so the 1/batch cancels: the gradient check test proves it.
 * rho_hat is clipped to [1e-6, 1 - 1e-6] so a saturated unit cannot produce an infinite penalty.
 */
public class KlSparsityLayer extends AbstractLayer<KlSparsity> {

	private static final long serialVersionUID = 1L;
	private static final double CLIP = 1e-6;

	private double lastPenalty;

	public KlSparsityLayer(NeuralNetConfiguration conf, DataType dataType) {
		super(conf, dataType);
	}

	@Override
	public Type type() {
		return Type.FEED_FORWARD;
	}

	@Override
	public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
		assertInputSet(false);
		lastPenalty = penalty(meanActivations());
		// A copy when training: a later layer may change its input in place, and backprop needs ours.
		return training ? mgr.dup(ArrayType.ACTIVATIONS, input, input.ordering()) : mgr.leverageTo(ArrayType.ACTIVATIONS, input);
	}

	@Override
	public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
		assertInputSet(true);
		INDArray out = mgr.dup(ArrayType.ACTIVATION_GRAD, epsilon, 'c');
		double weight = layerConf().getWeight();
		if (weight > 0) {
			double rho = layerConf().getTarget();
			double[] mean = meanActivations();
			double[] g = new double[mean.length];
			for (int j = 0; j < g.length; j++) g[j] = weight * (-rho / mean[j] + (1 - rho) / (1 - mean[j]));
			out.addiRowVector(Nd4j.createFromArray(g).castTo(out.dataType()).reshape(1, g.length));
		}
		return new Pair<>(new DefaultGradient(), out);
	}

	/** beta * sum_j KL(rho || rho_hat_j) of the last batch seen; 0 before any. */
	@Override
	public double calcRegularizationScore(boolean backpropParamsOnly) {
		return lastPenalty;
	}

	/** The penalty for these mean activations. */
	double penalty(double[] mean) {
		double weight = layerConf().getWeight();
		if (weight == 0) return 0;
		double rho = layerConf().getTarget();
		double kl = 0;
		for (double m : mean) kl += rho * Math.log(rho / m) + (1 - rho) * Math.log((1 - rho) / (1 - m));
		return weight * kl;
	}

	/** rho_hat: each unit's mean activation over the batch, clipped away from 0 and 1. */
	private double[] meanActivations() {
		double[] mean = input.mean(0).castTo(DataType.DOUBLE).toDoubleVector();
		for (int j = 0; j < mean.length; j++) mean[j] = Math.min(1 - CLIP, Math.max(CLIP, mean[j]));
		return mean;
	}

	@Override
	public boolean isPretrainLayer() {
		return false;
	}

	@Override
	public void clearNoiseWeightParams() {
		// no parameters, so no noise on them
	}

	@Override
	public INDArray params() {
		return null;
	}
}
