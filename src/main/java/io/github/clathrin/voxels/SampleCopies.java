package io.github.clathrin.voxels;

/**
 * Augmented copies of training samples, made on demand: what an encoder that trains on copies (the
 * deep ones) needs of an augmenter, so that encoders do not depend on how copies are made
 * ({@code augment.Augmenter} makes them). Copy c of structure i depends on (i, c) alone, whatever the
 * order or thread that asks for it; copy 0 is the sample itself.
 */
public interface SampleCopies {

	/** Copies that are only the samples themselves (no augmentation). */
	SampleCopies NONE = new SampleCopies() {
		@Override
		public int copies() {
			return 0;
		}

		@Override
		public Sample copy(Sample sample, int index, int copy) {
			if (sample == null) throw new IllegalArgumentException("sample is required");
			if (index < 0) throw new IllegalArgumentException("structure index must be >= 0, got " + index);
			if (copy != 0) throw new IllegalArgumentException("copy must be 0 (the sample itself): no copies, got " + copy);
			return sample;
		}
	};

	/** Copies per structure besides itself. */
	int copies();

	/**
	 * Copy {@code copy} (0 .. copies()) of the sample of structure {@code index}; copy 0 is the sample.
	 *
	 * @throws IllegalArgumentException for a null sample, a negative index or a copy outside 0 .. copies()
	 */
	Sample copy(Sample sample, int index, int copy);
}
