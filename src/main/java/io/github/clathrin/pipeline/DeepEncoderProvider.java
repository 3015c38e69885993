package io.github.clathrin.pipeline;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.clathrin.deep.DeepEncoders;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.EncoderProvider;

/**
 * Offers the Deeplearning4j encoders ({@link DeepEncoders}) to {@link io.github.clathrin.encoders.Encoders}
 * through {@code META-INF/services}. It lives outside {@code deep} and names the encoders by its compile-time
 * constants, so that listing and describing encoders (every help text and dialog) loads no class of
 * {@code deep}, let alone ND4J (LazyNd4jTest); only {@link #create} and {@link #load} reach them.
 */
public final class DeepEncoderProvider implements EncoderProvider {

	@Override
	public List<String> names() {
		// EncodersTest checks these against DeepEncoders.NAMES
		return List.of(DeepEncoders.DENSE_AE, DeepEncoders.CONV_AE, DeepEncoders.SPARSE_CONV_AE, DeepEncoders.CNN);
	}

	@Override
	public String description(String name) {
		return switch (name) {
		case DeepEncoders.DENSE_AE -> "fully connected autoencoder on all volumes (Deeplearning4j)";
		case DeepEncoders.CONV_AE -> "3D convolutional autoencoder on all volumes (Deeplearning4j)";
		case DeepEncoders.SPARSE_CONV_AE -> "3D convolutional autoencoder with a KL sparsity penalty on its code";
		case DeepEncoders.CNN -> "supervised 3D CNN on the labelled volumes, which predicts by itself";
		default -> name;
		};
	}

	/** Reaches into {@code deep} (not ND4J): asked for help texts only, never while listing names. */
	@Override
	public Map<String, Object> options(String name) {
		return DeepEncoders.options(name);
	}

	@Override
	public boolean isSupervised(String name) {
		return DeepEncoders.CNN.equals(name);
	}

	@Override
	public boolean isDeep(String name) {
		return true;
	}

	@Override
	public Encoder create(String name, Map<String, Object> options) {
		return DeepEncoders.create(name, options);
	}

	@Override
	public Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
		return DeepEncoders.load(name, parameters, in);
	}
}
