package io.github.clathrin.deep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;


/**
 * A fully connected autoencoder on the flattened volume (27,000 voxels on the study's 30^3 grid):
 * hidden layers down to a sigmoid code, the same sizes back up, and a sigmoid output trained with
 * binary cross-entropy against the input. The code is the structure's feature vector.
 */
public final class DenseAutoencoder extends DeepAutoencoder {

	static final Set<String> OPTIONS = DeepOptions.union(TrainingConfig.OPTIONS, Set.of("hidden", "latent", "codeNorm"));
	static final List<Integer> DEFAULT_HIDDEN = List.of(256, 64);
	static final int DEFAULT_LATENT = 64;

	private final List<Integer> hidden;
	private final int latent;
	private final boolean codeNorm;

	/** @param codeNorm whether the code is batch-normalized before its sigmoid (the default; false: the study's) */
	public DenseAutoencoder(TrainingConfig training, List<Integer> hidden, int latent, boolean codeNorm) {
		super(DeepEncoders.DENSE_AE, training, options(training, hidden, latent, codeNorm));
		if (latent < 1) throw new IllegalArgumentException("latent must be at least 1, got " + latent);
		this.hidden = List.copyOf(hidden);
		this.latent = latent;
		this.codeNorm = codeNorm;
	}

	/**
	 * Options: hidden (layer sizes from the input down, default [256, 64]), latent (code size, 64), codeNorm
	 * (batch normalization of the code before its sigmoid, true), and the training options of
	 * {@link TrainingConfig}.
	 */
	public static DenseAutoencoder fromOptions(Map<String, Object> options) {
		DeepOptions o = new DeepOptions(DeepEncoders.DENSE_AE, options, OPTIONS);
		return new DenseAutoencoder(TrainingConfig.fromOptions(o), o.intList("hidden", DEFAULT_HIDDEN, 1),
			o.intValue("latent", DEFAULT_LATENT, 1), o.booleanValue("codeNorm", true));
	}

	private static Map<String, Object> options(TrainingConfig training, List<Integer> hidden, int latent,
		boolean codeNorm)
	{
		Map<String, Object> m = new LinkedHashMap<>();
		training.putOptions(m);
		m.put("hidden", List.copyOf(hidden));
		m.put("latent", latent);
		m.put("codeNorm", codeNorm);
		return m;
	}

	@Override
	MultiLayerConfiguration configure(int nx, int ny, int nz, int classes, IUpdater updater, long seed) {
		return Networks.denseAutoencoder(nx * ny * nz, hidden, latent, null, codeNorm, updater, seed,
			DataType.FLOAT);
	}

	@Override
	VolumeBatches.Layout layout() {
		return VolumeBatches.Layout.FLAT;
	}
}
