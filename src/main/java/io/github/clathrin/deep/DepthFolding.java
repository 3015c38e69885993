package io.github.clathrin.deep;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Folds a volume's depth into its height (NCDHW to NC(D*H)W) or unfolds it again, without copying.
 * DL4J 1.0.0-M2.1's batch normalization refuses 5D input, but it normalizes each channel over
 * everything else, which a 2D image of the same voxels gives it just as well: the 3D networks put a
 * fold before it and an unfold after it.
 */
public final class DepthFolding implements InputPreProcessor {

	private static final long serialVersionUID = 1L;

	private long channels, depth, height, width;
	private boolean fold;

	/** For JSON. */
	public DepthFolding() {}

	/**
	 * @param fold true for volume to image, false for image back to volume
	 */
	DepthFolding(long channels, long depth, long height, long width, boolean fold) {
		this.channels = channels;
		this.depth = depth;
		this.height = height;
		this.width = width;
		this.fold = fold;
	}

	@Override
	public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
		return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, reshape(input, fold, workspaceMgr, ArrayType.ACTIVATIONS));
	}

	@Override
	public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
		return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, reshape(output, !fold, workspaceMgr, ArrayType.ACTIVATION_GRAD));
	}

	private INDArray reshape(INDArray a, boolean toImage, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
		if (a.ordering() != 'c' || !Shape.hasDefaultStridesForShape(a)) a = workspaceMgr.dup(type, a, 'c');
		long n = a.size(0);
		return toImage ? a.reshape('c', n, channels, depth * height, width) : a.reshape('c', n, channels, depth, height, width);
	}

	@Override
	public DepthFolding clone() {
		return new DepthFolding(channels, depth, height, width, fold);
	}

	@Override
	public InputType getOutputType(InputType inputType) {
		return fold ? InputType.convolutional(depth * height, width, channels)
			: InputType.convolutional3D(org.deeplearning4j.nn.conf.layers.Convolution3D.DataFormat.NCDHW, depth, height, width, channels);
	}

	@Override
	public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
		return new Pair<>(maskArray, currentMaskState);
	}

	// Getters and setters for DL4J's JSON (Jackson), which stores the configuration in the model file.

	public long getChannels() {
		return channels;
	}

	public void setChannels(long channels) {
		this.channels = channels;
	}

	public long getDepth() {
		return depth;
	}

	public void setDepth(long depth) {
		this.depth = depth;
	}

	public long getHeight() {
		return height;
	}

	public void setHeight(long height) {
		this.height = height;
	}

	public long getWidth() {
		return width;
	}

	public void setWidth(long width) {
		this.width = width;
	}

	public boolean isFold() {
		return fold;
	}

	public void setFold(boolean fold) {
		this.fold = fold;
	}
}
