package io.github.clathrin.augment;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.SplittableRandom;

import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SampleCopies;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Voxelizer;

/**
 * Makes augmented copies of samples on demand. A copy depends only on (seed, structure index, copy
 * number), never on the order or thread that asks for it, so training is reproducible and copies can
 * be made in parallel. Copy 0 is the sample itself.
 */
public final class Augmenter implements SampleCopies {

	private final VoxelConfig voxels;
	private final Augmentation augmentation;
	private final long seed;
	private final Voxelizer voxelizer;

	public Augmenter(VoxelConfig voxels, Augmentation augmentation, long seed) {
		if (voxels == null) throw new IllegalArgumentException("voxel config is required");
		if (augmentation == null) throw new IllegalArgumentException("augmentation is required (Augmentation.NONE for none)");
		this.voxels = voxels;
		this.augmentation = augmentation;
		this.seed = seed;
		this.voxelizer = new Voxelizer(voxels);
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
	@Override
	public int copies() {
		return augmentation.copies();
	}

	/**
	 * Copy {@code copy} (0 .. copies()) of the sample of structure {@code index}. Copy 0 is the sample
	 * itself; the others transform its localizations and voxelize them again with {@link #voxels()}, or
	 * for samples without localizations (ready-made volumes) resample the volume.
	 *
	 * <p>Localizations are rotated (about z, or uniformly in 3D) and mirrored in x/y about the centre the
	 * voxelizer would use, then translated; the copy's points carry the translation and its volume shows
	 * it, although the voxelizer re-centres. Volumes are resampled about their centre, the translation
	 * converted to voxels with the box size of {@link #voxels()}; see {@link VolumeResampler} for what
	 * happens to binary and count voxels.
	 *
	 * @throws IllegalArgumentException for a null sample, a negative index or a copy outside 0 .. copies()
	 */
	@Override
	public Sample copy(Sample sample, int index, int copy) {
		if (sample == null) throw new IllegalArgumentException("sample is required");
		if (index < 0) throw new IllegalArgumentException("structure index must be >= 0, got " + index);
		if (copy < 0 || copy > copies())
			throw new IllegalArgumentException("copy must be 0 (the sample itself) to copies() = " + copies() + ", got " + copy);
		if (copy == 0) return sample;
		RigidTransform t = transform(index, copy);
		double[] points = sample.points();
		if (points != null) {
			double[] moved = t.apply(points, voxelizer.centre(points));
			double[] s = t.shift();
			return new Sample(voxelizer.voxelize(moved, -s[0], -s[1], -s[2]).volume(), moved);
		}
		Volume v = sample.volume();
		if (v == null) throw new IllegalArgumentException("sample has neither points nor a volume");
		RigidTransform inVoxels = t.inVoxels(2 * voxels.halfX() / voxels.nx(), 2 * voxels.halfY() / voxels.ny(),
			2 * voxels.halfZ() / voxels.nz());
		return new Sample(VolumeResampler.resample(v, inVoxels, voxels.binary()), null);
	}

	/** The transform of one copy; its random numbers depend on (seed, index, copy) alone. */
	RigidTransform transform(int index, int copy) {
		return RigidTransform.draw(augmentation, new SplittableRandom(mix(mix(mix(seed) + index) + copy)));
	}

	/**
	 * SplitMix64's finaliser: neighbouring (index, copy) pairs get unrelated streams, and chaining it
	 * keeps (1, 0) and (0, 1) apart, which a plain sum would not.
	 */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/**
	 * All samples and their copies as a read-only list of size {@code samples.size() * (copies() + 1)}:
	 * element k is copy {@code k % (copies() + 1)} of structure {@code k / (copies() + 1)}, made anew on
	 * every {@code get} and never kept, so tens of thousands of copies cost no memory. A view: it sees
	 * later changes to {@code samples}. Safe to read from several threads (parallel streams split it
	 * by index) as long as {@code samples} is.
	 */
	public List<Sample> lazyCopies(List<Sample> samples) {
		if (samples == null) throw new IllegalArgumentException("samples are required");
		return new LazyCopies(samples);
	}

	/**
	 * Where element {@code lazyIndex} of {@link #lazyCopies} comes from: {structure index, copy number}.
	 * The caller looks up the structure's label with the first.
	 */
	public int[] origin(int lazyIndex) {
		if (lazyIndex < 0) throw new IllegalArgumentException("lazy index must be >= 0, got " + lazyIndex);
		return new int[] { lazyIndex / (copies() + 1), lazyIndex % (copies() + 1) };
	}

	/** Structure labels repeated for each copy, matching {@link #lazyCopies} element by element. */
	public int[] lazyLabels(int[] labels) {
		if (labels == null) throw new IllegalArgumentException("labels are required");
		int per = copies() + 1;
		int[] out = new int[lazySize(labels.length)];
		for (int i = 0; i < out.length; i++) out[i] = labels[i / per];
		return out;
	}

	private int lazySize(int structures) {
		long n = (long) structures * (copies() + 1);
		if (n > Integer.MAX_VALUE)
			throw new IllegalArgumentException(structures + " structures with " + copies() + " copies each are more than a list can index");
		return (int) n;
	}

	private final class LazyCopies extends AbstractList<Sample> implements RandomAccess {

		private final List<Sample> samples;

		LazyCopies(List<Sample> samples) {
			this.samples = samples;
		}

		@Override
		public Sample get(int k) {
			int per = copies() + 1;
			if (k < 0 || k >= size()) throw new IndexOutOfBoundsException("index " + k + " of " + size() + " augmented samples");
			int index = k / per;
			return copy(samples.get(index), index, k % per);
		}

		@Override
		public int size() {
			return lazySize(samples.size());
		}
	}
}
