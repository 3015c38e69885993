package io.github.clathrin.deep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.learning.config.IUpdater;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.encoders.Sample;
import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.task.Progress;

/**
 * The supervised 3D CNN ("cnn") the study compared the autoencoders with: the same {@link ConvStack}
 * as the conv autoencoder, dense ReLU layers, and a softmax over the classes trained with
 * cross-entropy. Its code is the class probabilities.
 */
public final class ConvClassifier3D extends DeepEncoder implements SupervisedEncoder {

	static final Set<String> OPTIONS = DeepOptions.union(TrainingConfig.OPTIONS, Set.of("filters", "pools", "kernel", "hidden"));
	static final List<Integer> DEFAULT_HIDDEN = List.of(128, 64);

	private final ConvStack stack;
	private final List<Integer> hidden;

	public ConvClassifier3D(TrainingConfig training, ConvStack stack, List<Integer> hidden) {
		super(DeepEncoders.CNN, training, options(training, stack, hidden));
		this.stack = stack;
		this.hidden = List.copyOf(hidden);
	}

	/**
	 * Options: filters, pools and kernel as for conv-ae, hidden (dense layer sizes, default [128, 64]),
	 * and the training options of {@link TrainingConfig}.
	 */
	public static ConvClassifier3D fromOptions(Map<String, Object> options) {
		DeepOptions o = new DeepOptions(DeepEncoders.CNN, options, OPTIONS);
		return new ConvClassifier3D(TrainingConfig.fromOptions(o), ConvStack.fromOptions(o), o.intList("hidden", DEFAULT_HIDDEN, 1));
	}

	private static Map<String, Object> options(TrainingConfig training, ConvStack stack, List<Integer> hidden) {
		Map<String, Object> m = new LinkedHashMap<>();
		training.putOptions(m);
		stack.putOptions(m);
		m.put("hidden", List.copyOf(hidden));
		return m;
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

	@Override
	public void fitLabelled(List<Sample> samples, int[] y, int numClasses, Augmenter augmenter, long seed, Progress progress) {
		if (y.length != samples.size())
			throw new IllegalArgumentException(samples.size() + " samples but " + y.length + " labels");
		if (numClasses < 2) throw new IllegalArgumentException("cnn needs at least 2 classes, got " + numClasses);
		for (int label : y)
			if (label < 0 || label >= numClasses)
				throw new IllegalArgumentException("label " + label + " is outside 0.." + (numClasses - 1));
		train(SampleSource.of(samples, augmenter), y.clone(), numClasses, seed, progress);
	}
}
