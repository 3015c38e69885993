package io.github.clathrin.deep;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of the KL-divergence sparsity penalty of the sparse autoencoder: placed right after the
 * sigmoid code layer, it passes activations through unchanged and adds
 * {@code weight * sum_j KL(target || mean activation of unit j over the mini-batch)} to the loss (see
 * {@link KlSparsityLayer}). DL4J has no such layer, and an L1 penalty would only approximate it. Bean
 * properties and the no-argument constructor let DL4J's JSON serialization (ModelSerializer) store it.
 */
public class KlSparsity extends NoParamLayer {

	private static final long serialVersionUID = 1L;

	private double target;
	private double weight;

	/** For JSON deserialization only. */
	public KlSparsity() {}

	/**
	 * @param target the desired mean activation rho of each code unit, in (0, 1)
	 * @param weight beta, the penalty's weight (0 turns it off)
	 */
	public KlSparsity(double target, double weight) {
		if (!(target > 0 && target < 1)) throw new IllegalArgumentException("sparsityTarget must be in (0, 1), got " + target);
		if (!(weight >= 0) || Double.isInfinite(weight))
			throw new IllegalArgumentException("sparsityWeight must be a number >= 0, got " + weight);
		this.target = target;
		this.weight = weight;
		setLayerName("sparsity");
	}

	public double getTarget() {
		return target;
	}

	public void setTarget(double target) {
		this.target = target;
	}

	public double getWeight() {
		return weight;
	}

	public void setWeight(double weight) {
		this.weight = weight;
	}

	@Override
	public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
		INDArray layerParamsView, boolean initializeParams, DataType networkDataType)
	{
		KlSparsityLayer layer = new KlSparsityLayer(conf, networkDataType);
		layer.setListeners(listeners);
		layer.setIndex(layerIndex);
		layer.setParamsViewArray(layerParamsView);
		Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
		layer.setParamTable(params);
		layer.setConf(conf);
		return layer;
	}

	@Override
	public InputType getOutputType(int layerIndex, InputType inputType) {
		if (inputType == null || inputType.getType() != InputType.Type.FF)
			throw new IllegalStateException("KL sparsity follows a dense layer, got input " + inputType);
		return inputType;
	}

	@Override
	public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
		return null;
	}

	@Override
	public LayerMemoryReport getMemoryReport(InputType inputType) {
		long perExample = inputType.arrayElementsPerExample();
		return new LayerMemoryReport.Builder(layerName, KlSparsity.class, inputType, inputType).standardMemory(0, 0)
			.workingMemory(0, 0, 0, perExample).cacheMemory(0, 0).build();
	}

	@Override
	public KlSparsity clone() {
		return (KlSparsity) super.clone();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof KlSparsity k && super.equals(o) && k.target == target && k.weight == weight;
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + Double.hashCode(target) * 7 + Double.hashCode(weight);
	}

	@Override
	public String toString() {
		return "KlSparsity(target=" + target + ", weight=" + weight + ")";
	}
}
