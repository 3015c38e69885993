package io.github.clathrin.deep;

import java.util.List;
import java.util.Map;

import io.github.clathrin.encoders.Autoencoder;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SampleCopies;
import io.github.clathrin.voxels.Volume;

/**
 * What the autoencoders share: they learn from every structure without labels (and its augmented
 * copies), and reconstruct volumes with the network's output.
 */
abstract class DeepAutoencoder extends DeepEncoder implements Autoencoder {

	DeepAutoencoder(String name, TrainingConfig training, Map<String, Object> options) {
		super(name, training, options);
	}

	@Override
	public void fit(List<Sample> samples, long seed, Progress progress) {
		fit(samples, SampleCopies.NONE, seed, progress);
	}

	@Override
	public void fit(List<Sample> samples, SampleCopies augmenter, long seed, Progress progress) {
		train(SampleSource.of(samples, augmenter), null, 0, seed, progress);
	}

	@Override
	public List<Volume> reconstruct(List<Sample> batch) {
		return outputVolumes(batch);
	}
}
