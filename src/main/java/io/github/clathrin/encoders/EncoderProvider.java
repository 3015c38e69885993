package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Encoders that live outside this package (the Deeplearning4j ones in {@code deep}), found by
 * {@link Encoders} through {@link java.util.ServiceLoader} ({@code META-INF/services}), so that this
 * package does not depend on theirs and their libraries load only when one of their encoders is used.
 * Implementations have a public no-argument constructor that loads nothing heavy.
 */
public interface EncoderProvider {

	/** The encoder names this provider creates. */
	List<String> names();

	/**
	 * A new, unfitted encoder.
	 *
	 * @throws IllegalArgumentException for an unknown name or option, or a bad option value
	 */
	Encoder create(String name, Map<String, Object> options);

	/**
	 * A fitted encoder from its manifest parameters and binary state.
	 *
	 * @throws IOException if the parameters are bad, or the state is truncated, corrupt, or of another encoder
	 */
	Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException;
}
