package io.github.clathrin.batch;

/**
 * How to start an engine, as the user gave it.
 *
 * @param threads cells at once in the local engine (0: as many as processors)
 * @param master where Spark runs ({@code local[*]}, {@code spark://host:7077}, {@code yarn}); null: Spark's own
 *        default (what spark-submit set); the local engine ignores it
 */
public record EngineSettings(int threads, String master) {

	public EngineSettings {
		if (threads < 0) throw new IllegalArgumentException("threads must be 0 (all processors) or more, got " + threads);
	}

	/** The threads to use: as given, or the processors available. */
	public int threadsOrProcessors() {
		return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
	}
}
