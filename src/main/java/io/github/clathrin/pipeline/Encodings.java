package io.github.clathrin.pipeline;

import java.util.AbstractList;
import java.util.List;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

/** Encodes the structures a classifier needs, and augmented copies of them, by structure index. */
final class Encodings {

	private Encodings() {}

	/** Codes of the given structures; row i is structure i's code, null for structures not asked for. */
	static double[][] of(Encoder encoder, List<Sample> samples, int[] indices, Progress progress) {
		List<Sample> chosen = new AbstractList<>() {
			@Override
			public Sample get(int k) {
				return samples.get(indices[k]);
			}

			@Override
			public int size() {
				return indices.length;
			}
		};
		double[][] codes = Encoders.encodeAll(encoder, chosen, progress);
		double[][] out = new double[samples.size()][];
		for (int k = 0; k < indices.length; k++) out[indices[k]] = codes[k];
		return out;
	}

	/**
	 * Codes of the augmented copies 1..copies of the given structures, by structure index (null rows for
	 * the others), or null when the augmenter makes no copies. Copies are made on the fly while encoding
	 * and dropped at once: only their codes are kept.
	 */
	static double[][][] copies(Encoder encoder, List<Sample> samples, int[] indices, Augmenter augmenter,
		Progress progress)
	{
		int c = augmenter.copies();
		if (c == 0 || indices.length == 0) return null;
		List<Sample> lazy = new AbstractList<>() {
			@Override
			public Sample get(int k) {
				int structure = indices[k / c];
				return augmenter.copy(samples.get(structure), structure, 1 + k % c);
			}

			@Override
			public int size() {
				return indices.length * c;
			}
		};
		double[][] codes = Encoders.encodeAll(encoder, lazy, progress);
		double[][][] out = new double[samples.size()][][];
		for (int k = 0; k < indices.length; k++) {
			out[indices[k]] = new double[c][];
			System.arraycopy(codes, k * c, out[indices[k]], 0, c);
		}
		return out;
	}

	/** The structures of a list of indices that are in none of the others: e.g. all minus labelled. */
	static int[] complement(int n, int[] indices) {
		boolean[] taken = new boolean[n];
		for (int i : indices) taken[i] = true;
		int[] out = new int[n - indices.length];
		for (int i = 0, k = 0; i < n; i++)
			if (!taken[i]) out[k++] = i;
		return out;
	}
}
