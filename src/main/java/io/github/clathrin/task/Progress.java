package io.github.clathrin.task;

/**
 * Receives progress of long work and tells it whether to stop; the one channel between the core and
 * whatever shows progress (stderr in the CLI, the status bar in Fiji).
 */
public interface Progress {

	/** Progress that goes nowhere and never cancels. */
	Progress NONE = (stage, done, total) -> {};

	/**
	 * Reports that {@code done} of {@code total} units of {@code stage} are finished.
	 * {@code total <= 0} means unknown.
	 */
	void report(String stage, long done, long total);

	/** Whether the user asked to stop; long loops check this between units of work. */
	default boolean isCancelled() {
		return false;
	}

	/** Throws {@link CancelledException} if the user asked to stop. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}
}
