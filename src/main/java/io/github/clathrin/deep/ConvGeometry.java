package io.github.clathrin.deep;

import java.util.List;

/**
 * The shapes a {@link ConvStack} gives on one grid: the input is zero-padded at the far side of each
 * axis up to a multiple of the total pooling factor, so any grid works, and the decoder crops the
 * padding off again. Axes are in the network's NCDHW order: depth = z, height = y, width = x, which
 * matches {@link io.github.clathrin.voxels.Volume}'s flat order (x fastest) with no copying.
 *
 * @param pools pooling factor of each stage
 * @param depth grid size along z
 * @param height grid size along y
 * @param width grid size along x
 */
record ConvGeometry(List<Integer> pools, int depth, int height, int width) {

	ConvGeometry {
		pools = List.copyOf(pools);
		int factor = ConvStack.product(pools);
		if (depth < factor || height < factor || width < factor)
			throw new IllegalArgumentException("the grid " + width + "x" + height + "x" + depth + " is too small for pooling by "
				+ pools + " (" + factor + "x in all): use at least " + factor + " voxels per axis or smaller pools");
	}

	static ConvGeometry of(ConvStack stack, int nx, int ny, int nz) {
		return new ConvGeometry(stack.poolsFor(nx, ny, nz), nz, ny, nx);
	}

	int factor() {
		return ConvStack.product(pools);
	}

	private int padded(int axis) {
		return (axis + factor() - 1) / factor() * factor();
	}

	int paddedDepth() {
		return padded(depth);
	}

	int paddedHeight() {
		return padded(height);
	}

	int paddedWidth() {
		return padded(width);
	}

	boolean needsPadding() {
		return paddedDepth() != depth || paddedHeight() != height || paddedWidth() != width;
	}

	/** Zero padding (and later cropping) per side, in DL4J's order: depth before/after, height, width. */
	int[] padding() {
		return new int[] { 0, paddedDepth() - depth, 0, paddedHeight() - height, 0, paddedWidth() - width };
	}

	int pooledDepth() {
		return paddedDepth() / factor();
	}

	int pooledHeight() {
		return paddedHeight() / factor();
	}

	int pooledWidth() {
		return paddedWidth() / factor();
	}

	int pooledVoxels() {
		return pooledDepth() * pooledHeight() * pooledWidth();
	}
}
