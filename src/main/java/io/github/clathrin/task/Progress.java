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

	/** This progress with every stage name prefixed, e.g. "Fold 2/5: "; cancelled when this is. */
	default Progress prefixed(String prefix) {
		Progress outer = this;
		return new Progress() {
			@Override
			public void report(String stage, long done, long total) {
				outer.report(prefix + stage, done, total);
			}

			@Override
			public boolean isCancelled() {
				return outer.isCancelled();
			}
		};
	}

	/**
	 * This progress reporting nothing, cancelled when this is: for work inside one item of a longer job, whose
	 * own stages would make the job's bar jump back and forth.
	 */
	default Progress cancelOnly() {
		Progress outer = this;
		return new Progress() {
			@Override
			public void report(String stage, long done, long total) {}

			@Override
			public boolean isCancelled() {
				return outer.isCancelled();
			}
		};
	}

	/** Throws {@link CancelledException} if the user asked to stop. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}
}
