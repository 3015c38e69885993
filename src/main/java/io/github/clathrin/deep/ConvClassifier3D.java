package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SampleCopies;

/**
 * The supervised 3D CNN ("cnn") the study compared the autoencoders with: the same {@link ConvStack}
 * as the conv autoencoder, dense ReLU layers, and a softmax over the classes trained with
 * cross-entropy. Its code is the class probabilities. Beyond the study it can start from a conv
 * autoencoder's trained encoder and average its prediction over mirrored copies of the input.
 */
public final class ConvClassifier3D extends DeepEncoder implements SupervisedEncoder {

	/** What the convolution weights start from. */
	public enum Pretraining {
		/** Random (Xavier) weights, as the study. */
		NONE,
		/** The encoder of a conv autoencoder first trained on the same training volumes, without labels. */
		CONV_AE;

		String label() {
			return this == NONE ? "none" : DeepEncoders.CONV_AE;
		}
	}

	static final Set<String> OPTIONS = DeepOptions.union(DeepOptions.union(TrainingConfig.OPTIONS, ConvStack.OPTIONS),
		Set.of("hidden", "tta", "pretrain", "pretrainEpochs", "pretrainLatent"));
	static final List<Integer> DEFAULT_HIDDEN = List.of(128, 64);
	static final int DEFAULT_PRETRAIN_EPOCHS = 10;

	private final ConvStack stack;
	private final List<Integer> hidden;
	private final boolean tta;
	private final Pretraining pretrain;
	private final int pretrainEpochs;
	private final int pretrainLatent;

	public ConvClassifier3D(TrainingConfig training, ConvStack stack, List<Integer> hidden) {
		this(training, stack, hidden, false, Pretraining.NONE, DEFAULT_PRETRAIN_EPOCHS, ConvAutoencoder3D.DEFAULT_LATENT);
	}

	/**
	 * @param tta average the class probabilities over the input and its copies mirrored along the
	 *     training's mirror axes (which must be set)
	 * @param pretrain what the shared convolution layers start from
	 * @param pretrainEpochs most epochs of the autoencoder's training (with its own early stopping)
	 * @param pretrainLatent the autoencoder's code size (its code layer is not copied)
	 */
	public ConvClassifier3D(TrainingConfig training, ConvStack stack, List<Integer> hidden, boolean tta, Pretraining pretrain,
		int pretrainEpochs, int pretrainLatent)
	{
		super(DeepEncoders.CNN, training, options(training, stack, hidden, tta, pretrain, pretrainEpochs, pretrainLatent));
		if (tta && !training.jitter().mirrors())
			throw new IllegalArgumentException("cnn option tta=true averages over mirrored copies: also set mirror (e.g. mirror=z)");
		if (pretrain == null) throw new IllegalArgumentException("pretrain is required (Pretraining.NONE for none)");
		if (pretrainEpochs < 1) throw new IllegalArgumentException("pretrainEpochs must be at least 1, got " + pretrainEpochs);
		if (pretrainLatent < 1) throw new IllegalArgumentException("pretrainLatent must be at least 1, got " + pretrainLatent);
		this.stack = stack;
		this.hidden = List.copyOf(hidden);
		this.tta = tta;
		this.pretrain = pretrain;
		this.pretrainEpochs = pretrainEpochs;
		this.pretrainLatent = pretrainLatent;
	}

	/**
	 * Options: filters, pools, kernel, batchnorm and dropout as for conv-ae ({@link ConvStack}), hidden
	 * (dense layer sizes, default [128, 64]), tta (true/false, default false), pretrain ("none" or
	 * "conv-ae"), pretrainEpochs (10), pretrainLatent (64), and the training options of {@link TrainingConfig}.
	 */
	public static ConvClassifier3D fromOptions(Map<String, Object> options) {
		DeepOptions o = new DeepOptions(DeepEncoders.CNN, options, OPTIONS);
		String pre = o.choice("pretrain", "none", List.of("none", DeepEncoders.CONV_AE));
		return new ConvClassifier3D(TrainingConfig.fromOptions(o), ConvStack.fromOptions(o), o.intList("hidden", DEFAULT_HIDDEN, 1),
			o.booleanValue("tta", false), pre.equals("none") ? Pretraining.NONE : Pretraining.CONV_AE,
			o.intValue("pretrainEpochs", DEFAULT_PRETRAIN_EPOCHS, 1), o.intValue("pretrainLatent", ConvAutoencoder3D.DEFAULT_LATENT, 1));
	}

	private static Map<String, Object> options(TrainingConfig training, ConvStack stack, List<Integer> hidden, boolean tta,
		Pretraining pretrain, int pretrainEpochs, int pretrainLatent)
	{
		Map<String, Object> m = new LinkedHashMap<>();
		training.putOptions(m);
		stack.putOptions(m);
		m.put("hidden", List.copyOf(hidden));
		// The additions only when set, so the study's manifests stay as they were.
		if (tta) m.put("tta", true);
		if (pretrain != Pretraining.NONE) {
			m.put("pretrain", pretrain.label());
			m.put("pretrainEpochs", pretrainEpochs);
			m.put("pretrainLatent", pretrainLatent);
		}
		return m;
	}

	ConvStack stack() {
		return stack;
	}

	@Override
	MultiLayerConfiguration configure(int nx, int ny, int nz, int classes, IUpdater updater, long seed) {
		return Networks.convClassifier(stack, ConvGeometry.of(stack, nx, ny, nz), hidden, classes, updater, seed);
	}

	@Override
	VolumeBatches.Layout layout() {
		return VolumeBatches.Layout.VOLUME;
	}

	@Override
	boolean readsCode() {
		return false;
	}

	/**
	 * With pretraining: trains a conv autoencoder of the same stack on the training volumes (and their
	 * copies, without labels), then copies its encoder layers' weights into the new network.
	 */
	@Override
	void initialize(MultiLayerNetwork net, SampleSource source, int nx, int ny, int nz, long seed, Progress progress) {
		if (pretrain == Pretraining.NONE) return;
		ConvAutoencoder3D ae = new ConvAutoencoder3D(training().withEpochs(pretrainEpochs), stack, pretrainLatent, null,
			true);
		ae.train(source, null, 0, seed, progress);
		copyEncoder(ae.network(), net, Networks.encoderLayers(stack, ConvGeometry.of(stack, nx, ny, nz)));
	}

	/** Copies the first {@code layers} layers' parameters (weights, biases, batch statistics) from one network to another. */
	static void copyEncoder(MultiLayerNetwork from, MultiLayerNetwork to, int layers) {
		for (int i = 0; i < layers; i++) {
			INDArray p = from.getLayer(i).params();
			if (p == null || p.length() == 0) continue;
			if (to.getLayer(i).numParams() != p.length())
				throw new IllegalStateException("pretrained layer " + i + " has " + p.length() + " parameters, the cnn's " + to.getLayer(i).numParams());
			to.getLayer(i).setParams(p.dup());
		}
	}

	/** With tta, the mean of the class probabilities over the input and its mirrored copies. */
	@Override
	INDArray predict(MultiLayerNetwork net, VolumeBatches batches, List<Sample> samples) {
		if (!tta) return super.predict(net, batches, samples);
		List<InputJitter.Transform> mirrors = training().jitter().allMirrors();
		INDArray sum = null;
		for (InputJitter.Transform m : mirrors) {
			List<InputJitter.Transform> each = new ArrayList<>(samples.size());
			for (int i = 0; i < samples.size(); i++) each.add(m);
			INDArray out = net.output(batches.features(samples, each), false);
			sum = sum == null ? out.dup() : sum.addi(out);
		}
		return sum.divi(mirrors.size());
	}

	@Override
	public void fitLabelled(List<Sample> samples, int[] y, int numClasses, SampleCopies augmenter, long seed, Progress progress) {
		if (y.length != samples.size())
			throw new IllegalArgumentException(samples.size() + " samples but " + y.length + " labels");
		if (numClasses < 2) throw new IllegalArgumentException("cnn needs at least 2 classes, got " + numClasses);
		for (int label : y)
			if (label < 0 || label >= numClasses)
				throw new IllegalArgumentException("label " + label + " is outside 0.." + (numClasses - 1));
		train(SampleSource.of(samples, augmenter), y.clone(), numClasses, seed, progress);
	}
}
