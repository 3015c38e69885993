package io.github.clathrin.augment;

import io.github.clathrin.encoders.Sample;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Makes augmented copies of samples on demand. A copy depends only on (seed, structure index, copy
 * number), never on the order or thread that asks for it, so training is reproducible and copies can
 * be made in parallel. Copy 0 is the sample itself.
 */
public final class Augmenter {

	private final VoxelConfig voxels;
	private final Augmentation augmentation;
	private final long seed;

	public Augmenter(VoxelConfig voxels, Augmentation augmentation, long seed) {
		this.voxels = voxels;
		this.augmentation = augmentation;
		this.seed = seed;
	}

	/** An augmenter that makes no copies. */
	public static Augmenter none() {
		return new Augmenter(VoxelConfig.DEFAULT, Augmentation.NONE, 0);
	}

	public Augmentation augmentation() {
		return augmentation;
	}

	public VoxelConfig voxels() {
		return voxels;
	}

	public long seed() {
		return seed;
	}

	/** Copies per structure besides itself: {@code augmentation().copies()}. */
	public int copies() {
		return augmentation.copies();
	}

	/**
	 * Copy {@code copy} (0 .. copies()) of the sample of structure {@code index}. Copy 0 is the sample
	 * itself; the others transform its localizations and voxelize them again with {@link #voxels()}, or
	 * for samples without localizations (ready-made volumes) resample the volume.
	 */
	public Sample copy(Sample sample, int index, int copy) {
		if (copy == 0) return sample;
		throw new UnsupportedOperationException("augmentation is being written (helper B)");
	}
}
