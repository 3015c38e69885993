package io.github.clathrin.deep;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * Binary cross-entropy averaged over the voxels of a volume (and, as DL4J does, over the mini-batch),
 * where DL4J's {@link LossBinaryXENT} sums over them. The mean makes the reported loss independent of
 * the grid size (about 0.01 to 0.1 for sparse volumes rather than hundreds) and gives the sparsity
 * weight beta the scale it has in the usual formulation (a mean reconstruction loss plus beta times the
 * KL sum), so the default beta = 0.001 means the same on a 30^3 grid as on a 32^3 one.
 */
public class VoxelMeanCrossEntropy extends LossBinaryXENT {

	private static final long serialVersionUID = 1L;

	private int voxels = 1;

	/** For JSON deserialization only. */
	public VoxelMeanCrossEntropy() {}

	public VoxelMeanCrossEntropy(int voxels) {
		if (voxels < 1) throw new IllegalArgumentException("voxels must be at least 1, got " + voxels);
		this.voxels = voxels;
	}

	public int getVoxels() {
		return voxels;
	}

	public void setVoxels(int voxels) {
		this.voxels = voxels;
	}

	// computeGradientAndScore calls these two (virtually), so it needs no override.
	@Override
	public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
		return super.computeScore(labels, preOutput, activationFn, mask, average) / voxels;
	}

	@Override
	public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
		return super.computeScoreArray(labels, preOutput, activationFn, mask).divi(voxels);
	}

	@Override
	public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
		return super.computeGradient(labels, preOutput, activationFn, mask).divi(voxels);
	}

	@Override
	public String name() {
		return "VoxelMeanCrossEntropy";
	}

	@Override
	public String toString() {
		return "VoxelMeanCrossEntropy(voxels=" + voxels + ")";
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof VoxelMeanCrossEntropy v && v.voxels == voxels && v.getClipEps() == getClipEps();
	}

	@Override
	public int hashCode() {
		return 31 * voxels + Double.hashCode(getClipEps());
	}
}
