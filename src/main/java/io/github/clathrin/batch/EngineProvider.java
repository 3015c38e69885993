package io.github.clathrin.batch;

/**
 * Offers an {@link Engine} by name, found by {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.github.clathrin.batch.EngineProvider}). A provider must load nothing heavy: the
 * Spark engine's names itself without touching a Spark class, which loads only in {@link #create}.
 */
public interface EngineProvider {

	/** The engine's name on the command line and in Fiji ({@code local}, {@code spark}). */
	String name();

	/** One line for the help. */
	String description();

	Engine create(EngineSettings settings);
}
