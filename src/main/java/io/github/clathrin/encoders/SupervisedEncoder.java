package io.github.clathrin.encoders;

import java.util.List;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SampleCopies;

/**
 * An encoder that learns from labels, such as the supervised 3D CNN the study compared against. Its
 * {@link #encode} gives class probabilities (length = number of classes, summing to 1), so the model
 * predicts with {@code argmax} and needs no second classifier. It learns from labelled structures only
 * and so, unlike the unsupervised encoders, is refitted inside every cross-validation fold.
 */
public interface SupervisedEncoder extends Encoder {

	/**
	 * Learns from labelled samples: y[i] in 0 .. numClasses-1 is sample i's class. Augmented copies come
	 * from the augmenter, on the fly.
	 */
	void fitLabelled(List<Sample> samples, int[] y, int numClasses, SampleCopies augmenter, long seed, Progress progress);

	/** Refuses: a supervised encoder needs labels. */
	@Override
	default void fit(List<Sample> samples, long seed, Progress progress) {
		throw new IllegalStateException(name() + " is supervised: it learns from labelled structures only");
	}
}
