package io.github.clathrin.encoders;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SampleCopies;

/**
 * Turns a structure into a fixed-length feature vector. Unsupervised encoders learn from all
 * structures, labelled or not; the classifier then learns from the encodings of the labelled ones.
 * An encoder knows nothing of files: the model file stores its {@link #parameters()} in the JSON
 * manifest and its {@link #writeState learned state} as a binary part, and {@link Encoders#load}
 * reads both back.
 */
public interface Encoder {

	/** The name used on the command line and in the model file: "pca", "kmeans", "lab", ... */
	String name();

	/** Learns from the samples (the same seed gives the same encoder). */
	void fit(List<Sample> samples, long seed, Progress progress);

	/**
	 * Learns from the samples and, for encoders that train on augmented copies (the deep ones), from
	 * copies the augmenter makes on the fly; the others ignore the augmenter.
	 */
	default void fit(List<Sample> samples, SampleCopies augmenter, long seed, Progress progress) {
		fit(samples, seed, progress);
	}

	/** Encodes one sample; only after {@link #fit}. Safe to call from several threads. */
	double[] encode(Sample sample);

	/**
	 * Encodes several samples at once; row i is sample i's code. Encoders that are faster on batches
	 * (neural networks) override this and {@link #preferredBatchSize()}.
	 */
	default double[][] encodeBatch(List<Sample> batch) {
		double[][] out = new double[batch.size()][];
		for (int i = 0; i < out.length; i++) out[i] = encode(batch.get(i));
		return out;
	}

	/** How many samples {@link Encoders#encodeAll} hands to {@link #encodeBatch} at once; 1 = one by one, in parallel. */
	default int preferredBatchSize() {
		return 1;
	}

	/** Length of the vectors {@link #encode} returns; only after {@link #fit}. */
	int dimension();

	/**
	 * Options and learned sizes for the manifest: JSON-friendly values only (Number, String, Boolean,
	 * List, Map). {@link Encoders#load} gets the same map back.
	 */
	Map<String, Object> parameters();

	/** Writes the learned state (matrices, centroids) in a stable binary layout. */
	void writeState(DataOutputStream out) throws IOException;
}
