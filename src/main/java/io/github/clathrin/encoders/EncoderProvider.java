package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Offers encoders to {@link Encoders}, which finds every provider through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.github.clathrin.encoders.EncoderProvider}): the built-in ones (each encoder's
 * {@code Provider}), {@code auto} from {@code pipeline} and the Deeplearning4j ones from {@code deep}, so
 * that this package depends on none of them, their libraries load only when one of their encoders is used,
 * and a jar on the class path adds encoders without a change here. Implementations have a public
 * no-argument constructor that loads nothing heavy.
 */
public interface EncoderProvider {

	/** The encoder names this provider creates, in the order the user interface offers them. */
	List<String> names();

	/** A one-line description of the encoder, for help and dialogs. */
	default String description(String name) {
		return name;
	}

	/**
	 * The options a user may set and their defaults (JSON-friendly values), for help texts; empty when the
	 * encoder has none or does not list them. Options not set by default (a NaN, "none") are left out.
	 */
	default Map<String, Object> options(String name) {
		return Map.of();
	}

	/** Whether the encoder learns from labels (a {@link SupervisedEncoder}); answered without loading it. */
	default boolean isSupervised(String name) {
		return false;
	}

	/** Whether the encoder is a Deeplearning4j network (slower; starts ND4J; takes the epochs option). */
	default boolean isDeep(String name) {
		return false;
	}

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
