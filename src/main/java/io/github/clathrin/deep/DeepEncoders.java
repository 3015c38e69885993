package io.github.clathrin.deep;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.clathrin.encoders.Encoder;

/**
 * The Deeplearning4j encoders. Only {@link io.github.clathrin.encoders.Encoders} calls this class, and
 * only for these names, so ND4J is never loaded by work that does not need it.
 */
public final class DeepEncoders {

	public static final String DENSE_AE = "dense-ae";
	public static final String CONV_AE = "conv-ae";
	public static final String SPARSE_CONV_AE = "sparse-conv-ae";
	public static final String CNN = "cnn";

	/** The names, in the order the user interface offers them. */
	public static final List<String> NAMES = List.of(DENSE_AE, CONV_AE, SPARSE_CONV_AE, CNN);

	private DeepEncoders() {}

	/** A new, unfitted encoder; see each encoder's options. */
	public static Encoder create(String name, Map<String, Object> options) {
		throw new UnsupportedOperationException("deep encoders are being written (helper A)");
	}

	/** A fitted encoder from its manifest parameters and binary state. */
	public static Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
		throw new UnsupportedOperationException("deep encoders are being written (helper A)");
	}
}
