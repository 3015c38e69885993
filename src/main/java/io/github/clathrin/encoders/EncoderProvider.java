package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
	 * Whether the encoder takes an {@code epochs} option, which the command line's {@code --epochs} and the
	 * dialogs' epochs field then set: every deep encoder, and an ensemble that hands it to its deep parts.
	 */
	default boolean takesEpochs(String name) {
		return isDeep(name);
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

	/** Reads a fitted encoder of a known name from its manifest parameters and binary state. */
	@FunctionalInterface
	interface Loader {
		Encoder load(Map<String, Object> parameters, DataInputStream in) throws IOException;
	}

	/**
	 * A provider of one encoder, made from its name, description, factory and loader: each built-in encoder's
	 * {@code Provider} is one of these. Its options are the unfitted encoder's parameters less the learned ones.
	 */
	abstract class OfOne implements EncoderProvider {

		private final String name;
		private final String description;
		private final Function<Map<String, Object>, ? extends Encoder> factory;
		private final Loader loader;
		private final Set<String> learned;

		/**
		 * @param learned the keys of {@link Encoder#parameters()} that fitting sets (sizes), not options
		 */
		protected OfOne(String name, String description, Function<Map<String, Object>, ? extends Encoder> factory,
			Loader loader, Set<String> learned)
		{
			this.name = name;
			this.description = description;
			this.factory = factory;
			this.loader = loader;
			this.learned = learned;
		}

		@Override
		public final List<String> names() {
			return List.of(name);
		}

		@Override
		public final String description(String name) {
			return description;
		}

		@Override
		public Map<String, Object> options(String name) {
			return Encoders.withoutKeys(factory.apply(Map.of()).parameters(), learned);
		}

		@Override
		public final Encoder create(String name, Map<String, Object> options) {
			return factory.apply(options);
		}

		@Override
		public final Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
			return loader.load(parameters, in);
		}
	}
}
