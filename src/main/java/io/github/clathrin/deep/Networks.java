package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling3DLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling3D;
import org.deeplearning4j.nn.conf.layers.ZeroPadding3DLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping3D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnn3DPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the four networks' DL4J configurations. The layer whose activations are the code is named
 * {@link #CODE}, so the encoders find it again in a network read back from a model file.
 * <p>
 * The 3D decoders use resize-convolutions (Upsampling3D then Convolution3D) rather than transposed
 * convolutions: on the CPU, ND4J has a fast oneDNN path for conv3d backprop but not for deconv3d, and
 * measured on 2 cores the autoencoder trained at 52 volumes/s this way and at 17 with Deconvolution3D.
 */
final class Networks {

	/** The name of the code (latent) layer. */
	static final String CODE = "code";

	private static final Convolution3D.DataFormat NCDHW = Convolution3D.DataFormat.NCDHW;

	private Networks() {}

	/**
	 * voxels - hidden... - code ([batch norm,] sigmoid) - reversed hidden... - voxels (sigmoid, {@link VoxelMeanCrossEntropy}).
	 *
	 * @param sparsity a KL penalty on the code, or null (the dense-ae has none; gradient checks use it)
	 * @param updater Adam in use; plain SGD for gradient checks
	 * @param dataType FLOAT in use; DOUBLE for gradient checks
	 */
	static MultiLayerConfiguration denseAutoencoder(int voxels, List<Integer> hidden, int latent, KlSparsity sparsity,
		boolean codeNorm, IUpdater updater, long seed, DataType dataType)
	{
		ListBuilder b = base(updater, seed, dataType).list();
		for (int h : hidden) b.layer(dense(h, Activation.RELU));
		code(b, latent, codeNorm, 0);
		if (sparsity != null) b.layer(sparsity);
		for (int i = hidden.size() - 1; i >= 0; i--) b.layer(dense(hidden.get(i), Activation.RELU));
		b.layer(new OutputLayer.Builder(new VoxelMeanCrossEntropy(voxels)).nOut(voxels).activation(Activation.SIGMOID).build());
		return b.setInputType(InputType.feedForward(voxels)).build();
	}

	/**
	 * [zero-pad] - (conv3d - max-pool) per stage - code (dense, [batch norm,] sigmoid) - [KL sparsity] - dense - reshape
	 * - (upsample - conv3d) per stage in reverse - [crop] - sigmoid output with binary cross-entropy
	 * averaged over the voxels.
	 */
	static MultiLayerConfiguration convAutoencoder(ConvStack stack, ConvGeometry g, int latent, KlSparsity sparsity,
		boolean codeNorm, IUpdater updater, long seed)
	{
		ListBuilder b = base(updater, seed, DataType.FLOAT).list();
		encoder(b, stack, g);
		code(b, latent, codeNorm, stack.dropout());
		if (sparsity != null) b.layer(sparsity);
		int last = stack.filters().get(stack.filters().size() - 1);
		b.layer(dense(last * g.pooledVoxels(), Activation.RELU));
		b.inputPreProcessor(layerCount(b), new FeedForwardToCnn3DPreProcessor(g.pooledDepth(), g.pooledHeight(),
			g.pooledWidth(), last, true));
		for (int i = stack.filters().size() - 1; i >= 0; i--) {
			int pool = g.pools().get(i);
			if (pool > 1) b.layer(new Upsampling3D.Builder(NCDHW, pool).build());
			boolean output = i == 0;
			b.layer(conv(output ? 1 : stack.filters().get(i - 1), stack.kernel(), output ? Activation.IDENTITY : Activation.RELU));
		}
		if (g.needsPadding()) b.layer(new Cropping3D(g.padding()));
		b.layer(new Cnn3DLossLayer.Builder(NCDHW).lossFunction(new VoxelMeanCrossEntropy(g.depth() * g.height() * g.width()))
			.activation(Activation.SIGMOID).build());
		return b.setInputType(InputType.convolutional3D(NCDHW, g.depth(), g.height(), g.width(), 1)).build();
	}

	/**
	 * [zero-pad] - (conv3d - [batch-norm] - max-pool) per stage - dense (ReLU) per hidden size - softmax over
	 * the classes, with the stack's dropout on the inputs of the dense and output layers.
	 */
	static MultiLayerConfiguration convClassifier(ConvStack stack, ConvGeometry g, List<Integer> hidden, int classes,
		IUpdater updater, long seed)
	{
		ListBuilder b = base(updater, seed, DataType.FLOAT).list();
		encoder(b, stack, g);
		for (int h : hidden) b.layer(dropout(dense(h, Activation.RELU), stack.dropout()));
		b.layer(dropout(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build(),
			stack.dropout()));
		return b.setInputType(InputType.convolutional3D(NCDHW, g.depth(), g.height(), g.width(), 1)).build();
	}

	private static NeuralNetConfiguration.Builder base(IUpdater updater, long seed, DataType dataType) {
		// Workspaces reuse the same off-heap memory every batch, so memory does not grow over epochs.
		return new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType).updater(updater)
			.weightInit(WeightInit.XAVIER).trainingWorkspaceMode(WorkspaceMode.ENABLED)
			.inferenceWorkspaceMode(WorkspaceMode.ENABLED).cacheMode(CacheMode.NONE);
	}

	private static void encoder(ListBuilder b, ConvStack stack, ConvGeometry g) {
		if (g.needsPadding()) b.layer(new ZeroPadding3DLayer.Builder(g.padding()).build());
		int d = g.paddedDepth(), h = g.paddedHeight(), w = g.paddedWidth();
		for (int i = 0; i < stack.filters().size(); i++) {
			int filters = stack.filters().get(i), pool = g.pools().get(i);
			if (stack.batchNorm()) {
				// conv - normalize - ReLU: the normalization's shift replaces the convolution's bias. The
				// normalization sees the volume folded into an image (DepthFolding), as DL4J's is 2D only.
				b.layer(new Convolution3D.Builder().kernelSize(stack.kernel(), stack.kernel(), stack.kernel()).stride(1, 1, 1)
					.nOut(filters).convolutionMode(ConvolutionMode.Same).dataFormat(NCDHW).activation(Activation.IDENTITY)
					.hasBias(false).build());
				b.inputPreProcessor(layerCount(b), new DepthFolding(filters, d, h, w, true));
				// DL4J's batch normalization ignores an activation given to it (M2.1): the ReLU is a layer of its own.
				b.layer(new BatchNormalization.Builder().activation(Activation.IDENTITY).build());
				b.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
				// The next layer unfolds it again; a dense layer instead flattens the image, which is the same order.
				if (pool > 1 || i < stack.filters().size() - 1) b.inputPreProcessor(layerCount(b), new DepthFolding(filters, d, h, w, false));
			}
			else b.layer(conv(filters, stack.kernel(), Activation.RELU));
			d /= pool;
			h /= pool;
			w /= pool;
			if (pool > 1)
				b.layer(new Subsampling3DLayer.Builder(PoolingType.MAX).kernelSize(pool, pool, pool).stride(pool, pool, pool)
					.dataFormat(NCDHW).build());
		}
	}

	/**
	 * The number of layers {@link #encoder} adds: the layers the supervised CNN shares with the conv
	 * autoencoder of the same stack, in the same order, which pretraining copies.
	 */
	static int encoderLayers(ConvStack stack, ConvGeometry g) {
		int n = g.needsPadding() ? 1 : 0;
		for (int i = 0; i < stack.filters().size(); i++) n += (stack.batchNorm() ? 3 : 1) + (g.pools().get(i) > 1 ? 1 : 0);
		return n;
	}

	/** The layer with a share of its inputs dropped while training (DL4J takes the share kept). */
	private static <L extends Layer> L dropout(L layer, double share) {
		if (share > 0) layer.setIDropout(new Dropout(1 - share));
		return layer;
	}

	private static Convolution3D conv(int filters, int kernel, Activation activation) {
		return new Convolution3D.Builder().kernelSize(kernel, kernel, kernel).stride(1, 1, 1).nOut(filters)
			.convolutionMode(ConvolutionMode.Same).dataFormat(NCDHW).activation(activation).build();
	}

	private static DenseLayer dense(int units, Activation activation) {
		return new DenseLayer.Builder().nOut(units).activation(activation).build();
	}

	/**
	 * The code: a sigmoid dense layer, or with {@code norm} a dense layer without bias, batch normalization and
	 * the sigmoid as a layer of its own (DL4J's batch normalization ignores an activation given to it). The
	 * normalization standardizes each unit over the mini-batch, so it cannot settle on one value for every
	 * structure: without it, on sparse STORM volumes, every unit of conv-ae's code saturated at 1 and the
	 * decoder drew the mean volume ({@code pipeline.CollapseCheck}).
	 *
	 * @param dropout share of the code's inputs dropped while training
	 */
	private static void code(ListBuilder b, int latent, boolean norm, double dropout) {
		if (!norm) {
			b.layer(dropout(new DenseLayer.Builder().name(CODE).nOut(latent).activation(Activation.SIGMOID).build(),
				dropout));
			return;
		}
		b.layer(dropout(new DenseLayer.Builder().nOut(latent).activation(Activation.IDENTITY).hasBias(false).build(),
			dropout));
		b.layer(new BatchNormalization.Builder().activation(Activation.IDENTITY).build());
		b.layer(new ActivationLayer.Builder().name(CODE).activation(Activation.SIGMOID).build());
	}

	private static int layerCount(ListBuilder b) {
		return b.getLayerwise().size();
	}

	/** The index of the code layer; -1 if the network has none (the classifier). */
	static int codeLayer(MultiLayerConfiguration conf) {
		for (int i = 0; i < conf.getConfs().size(); i++)
			if (CODE.equals(conf.getConf(i).getLayer().getLayerName())) return i;
		return -1;
	}

	/** One short line per layer for the model manifest, e.g. "conv3d 8 x 3^3 relu". */
	static List<String> describe(MultiLayerConfiguration conf) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < conf.getConfs().size(); i++) out.add(describe(conf.getConf(i).getLayer()));
		return out;
	}

	private static String describe(Layer l) {
		String act = l instanceof BaseLayer bl && bl.getActivationFn() != null
			? " " + bl.getActivationFn().toString().toLowerCase(Locale.ROOT) : "";
		long nOut = l instanceof FeedForwardLayer f ? f.getNOut() : 0;
		if (l instanceof Convolution3D c) return "conv3d " + nOut + " x " + c.getKernelSize()[0] + "^3" + act;
		if (l instanceof BatchNormalization) return "batch-norm";
		if (l instanceof ActivationLayer a) return (CODE.equals(l.getLayerName()) ? "code " : "") + String.valueOf(a
			.getActivationFn()).toLowerCase(Locale.ROOT);
		if (l instanceof Subsampling3DLayer s) return "max-pool " + s.getKernelSize()[0];
		if (l instanceof Upsampling3D u) return "upsample " + u.getSize()[0];
		if (l instanceof ZeroPadding3DLayer z) return "zero-pad " + Arrays.toString(z.getPadding());
		if (l instanceof Cropping3D c) return "crop " + Arrays.toString(c.getCropping());
		if (l instanceof KlSparsity k)
			return String.format(Locale.ROOT, "KL sparsity (target %s, weight %s)", k.getTarget(), k.getWeight());
		if (l instanceof Cnn3DLossLayer c) return "per-voxel" + act + ", " + loss(c.getLossFn());
		String drop = l.getIDropout() instanceof Dropout d ? String.format(Locale.ROOT, ", dropout %.2f", 1 - d.getP()) : "";
		if (l instanceof OutputLayer o) return "output " + nOut + act + ", " + loss(o.getLossFn()) + drop;
		if (l instanceof DenseLayer) return (CODE.equals(l.getLayerName()) ? "code " : "dense ") + nOut + act + drop;
		return l.getClass().getSimpleName();
	}

	private static String loss(Object lossFn) {
		String s = lossFn.getClass().getSimpleName();
		return switch (s) {
		case "VoxelMeanCrossEntropy" -> "binary cross-entropy (mean over voxels)";
		case "LossMCXENT" -> "cross-entropy";
		default -> s;
		};
	}
}
