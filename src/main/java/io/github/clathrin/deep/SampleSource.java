package io.github.clathrin.deep;

import java.util.List;

import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SampleCopies;

/**
 * The training structures and their augmented copies, made only when a batch needs them: with 899
 * structures and 70 copies each the study trained on over 60,000 volumes, which must never all be in
 * memory. Implementations must be thread-safe and give the same sample for the same (structure, copy)
 * whatever the order of requests, as {@link SampleCopies} does.
 */
interface SampleSource {

	/** Number of structures. */
	int size();

	/** Copies per structure besides the structure itself (copy 0). */
	int copies();

	/** Copy {@code copy} (0 .. copies()) of structure {@code structure}. */
	Sample sample(int structure, int copy);

	/** The samples with the augmenter's copies. */
	static SampleSource of(List<Sample> samples, SampleCopies augmenter) {
		return new SampleSource() {
			@Override
			public int size() {
				return samples.size();
			}

			@Override
			public int copies() {
				return augmenter.copies();
			}

			@Override
			public Sample sample(int structure, int copy) {
				return augmenter.copy(samples.get(structure), structure, copy);
			}
		};
	}
}
