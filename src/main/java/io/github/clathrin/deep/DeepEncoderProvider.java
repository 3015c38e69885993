package io.github.clathrin.deep;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.EncoderProvider;

/**
 * Offers the {@link DeepEncoders} to {@link io.github.clathrin.encoders.Encoders} through
 * {@code META-INF/services}; creating it loads no ND4J class.
 */
public final class DeepEncoderProvider implements EncoderProvider {

	@Override
	public List<String> names() {
		return DeepEncoders.NAMES;
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
