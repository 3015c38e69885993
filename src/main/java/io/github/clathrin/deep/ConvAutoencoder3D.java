package io.github.clathrin.deep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.learning.config.IUpdater;


/**
 * The study's 3D convolutional autoencoder ("conv-ae"): a {@link ConvStack} of convolutions and max
 * pooling (30^3 -> 15^3 -> 5^3 with the defaults), a sigmoid code, and a mirrored decoder of
 * upsampling and convolutions (resize-convolutions, see {@link Networks}) back to the grid, trained
 * with per-voxel binary cross-entropy. As "sparse-conv-ae" it adds a KL-divergence sparsity penalty on
 * the code ({@link KlSparsity}), which pushes each code unit to be active for few structures.
 */
public final class ConvAutoencoder3D extends DeepAutoencoder {

	static final Set<String> OPTIONS = DeepOptions.union(DeepOptions.union(TrainingConfig.OPTIONS, ConvStack.OPTIONS), Set.of("latent", "codeNorm"));
	static final Set<String> SPARSE_OPTIONS = DeepOptions.union(OPTIONS, Set.of("sparsityTarget", "sparsityWeight"));
	static final int DEFAULT_LATENT = 64;
	static final double DEFAULT_SPARSITY_TARGET = 0.05;
	static final double DEFAULT_SPARSITY_WEIGHT = 0.001;

	private final ConvStack stack;
	private final int latent;
	private final KlSparsity sparsity;
	private final boolean codeNorm;

	/**
	 * @param sparsity the KL penalty for "sparse-conv-ae", null for "conv-ae"
	 * @param codeNorm whether the code is batch-normalized before its sigmoid (the default; false: as before)
	 */
	public ConvAutoencoder3D(TrainingConfig training, ConvStack stack, int latent, KlSparsity sparsity,
		boolean codeNorm)
	{
		super(sparsity == null ? DeepEncoders.CONV_AE : DeepEncoders.SPARSE_CONV_AE, training, options(training, stack,
			latent, sparsity, codeNorm));
		if (latent < 1) throw new IllegalArgumentException("latent must be at least 1, got " + latent);
		this.stack = stack;
		this.latent = latent;
		this.sparsity = sparsity;
		this.codeNorm = codeNorm;
	}

	/**
	 * Options: filters (per convolution, default [8, 16]), pools (pooling factor per convolution, default
	 * from the grid), kernel (3), batchnorm (false), dropout (share of the code layer's inputs, 0), latent
	 * (code size, 64), codeNorm (batch normalization of the code before its sigmoid, true), the training options
	 * of {@link TrainingConfig} (with noise > 0 a denoising autoencoder), and for sparse-conv-ae sparsityTarget
	 * (rho, 0.05) and sparsityWeight (beta, 0.001).
	 */
	public static ConvAutoencoder3D fromOptions(String name, Map<String, Object> options) {
		boolean sparse = DeepEncoders.SPARSE_CONV_AE.equals(name);
		DeepOptions o = new DeepOptions(name, options, sparse ? SPARSE_OPTIONS : OPTIONS);
		KlSparsity kl = sparse
			? new KlSparsity(o.doubleValue("sparsityTarget", DEFAULT_SPARSITY_TARGET, 0, false, 1, false),
				o.doubleValue("sparsityWeight", DEFAULT_SPARSITY_WEIGHT, 0, true, Double.MAX_VALUE, true))
			: null;
		return new ConvAutoencoder3D(TrainingConfig.fromOptions(o), ConvStack.fromOptions(o), o.intValue("latent",
			DEFAULT_LATENT, 1), kl, o.booleanValue("codeNorm", true));
	}

	private static Map<String, Object> options(TrainingConfig training, ConvStack stack, int latent, KlSparsity sparsity,
		boolean codeNorm)
	{
		Map<String, Object> m = new LinkedHashMap<>();
		training.putOptions(m);
		stack.putOptions(m);
		m.put("latent", latent);
		m.put("codeNorm", codeNorm);
		if (sparsity != null) {
			m.put("sparsityTarget", sparsity.getTarget());
			m.put("sparsityWeight", sparsity.getWeight());
		}
		return m;
	}

	@Override
	MultiLayerConfiguration configure(int nx, int ny, int nz, int classes, IUpdater updater, long seed) {
		KlSparsity kl = sparsity == null ? null : new KlSparsity(sparsity.getTarget(), sparsity.getWeight());
		return Networks.convAutoencoder(stack, ConvGeometry.of(stack, nx, ny, nz), latent, kl, codeNorm, updater, seed);
	}

	@Override
	VolumeBatches.Layout layout() {
		return VolumeBatches.Layout.VOLUME;
	}
}
