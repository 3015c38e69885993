package io.github.clathrin.deep;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.clathrin.encoders.Encoder;

/**
 * The Deeplearning4j encoders. Only {@link io.github.clathrin.encoders.Encoders} calls this class
 * (through {@code pipeline.DeepEncoderProvider}), and only for these names, so ND4J is never loaded by work
 * that does not need it: creating an encoder only checks its options, and ND4J starts when it is fitted or
 * loaded.
 * <p>
 * Options every deep encoder reads ({@link TrainingConfig}, {@link InputJitter}): epochs, batch,
 * learningRate, patience, validation, weightDecay (decoupled, times the learning rate; 0), learningRateDecay
 * (factor per epoch; 1), mirror (axes mirrored at random while training, e.g. "z"; none), shift (voxels; 0),
 * noise (share of corrupted input voxels, which makes an autoencoder a denoising one; 0) and noiseType
 * ("dropout" or "salt-pepper"). conv-ae, sparse-conv-ae and cnn add the {@link ConvStack} options filters,
 * pools, kernel, batchnorm (false) and dropout (0); cnn adds hidden, tta (average over the mirrored
 * copies; false), pretrain ("none" or "conv-ae"), pretrainEpochs (10) and pretrainLatent (64). Every
 * addition to the study's options is off by default, and written to the manifest only when set.
 */
public final class DeepEncoders {

	public static final String DENSE_AE = "dense-ae";
	public static final String CONV_AE = "conv-ae";
	public static final String SPARSE_CONV_AE = "sparse-conv-ae";
	public static final String CNN = "cnn";

	/** The names, in the order the user interface offers them. */
	public static final List<String> NAMES = List.of(DENSE_AE, CONV_AE, SPARSE_CONV_AE, CNN);

	private DeepEncoders() {}

	/**
	 * A new, unfitted encoder; see each encoder's fromOptions for its options.
	 *
	 * @throws IllegalArgumentException for an unknown name or option, or a bad option value
	 */
	public static DeepEncoder create(String name, Map<String, Object> options) {
		if (name == null) throw new IllegalArgumentException("no deep encoder name; choose one of " + NAMES);
		return switch (name) {
		case DENSE_AE -> DenseAutoencoder.fromOptions(options);
		case CONV_AE, SPARSE_CONV_AE -> ConvAutoencoder3D.fromOptions(name, options);
		case CNN -> ConvClassifier3D.fromOptions(options);
		default -> throw new IllegalArgumentException("unknown deep encoder '" + name + "'; choose one of " + NAMES);
		};
	}

	/** The options of the encoder with their defaults, as a new encoder reports them (no ND4J is started). */
	public static Map<String, Object> options(String name) {
		return create(name, Map.of()).parameters();
	}

	/**
	 * A fitted encoder from its manifest parameters and binary state.
	 *
	 * @throws IOException if the parameters are bad, or the state is truncated, corrupt, or of another encoder
	 */
	public static Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
		DeepEncoder e;
		try {
			Map<String, Object> options = new java.util.LinkedHashMap<>(DeepEncoder.optionsOf(parameters == null ? Map.of()
				: parameters));
			// An autoencoder saved before its code was batch-normalized has no codeNorm: it had none.
			if ((DENSE_AE.equals(name) || CONV_AE.equals(name) || SPARSE_CONV_AE.equals(name)) && !options.containsKey(
				"codeNorm"))
				options.put("codeNorm", false);
			e = create(name, options);
		} catch (IllegalArgumentException ex) {
			throw new IOException("bad " + name + " parameters: " + ex.getMessage(), ex);
		}
		e.readState(parameters == null ? Map.of() : parameters, in);
		return e;
	}
}
