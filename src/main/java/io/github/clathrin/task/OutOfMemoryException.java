package io.github.clathrin.task;

/**
 * The JVM ran out of memory during a named step. Not a bug and not bad input: the message names the
 * step, and the caller adds how to give Java more memory (the CLI and Fiji do that differently).
 */
public class OutOfMemoryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String step;

	public OutOfMemoryException(String step, OutOfMemoryError cause) {
		super("out of memory while " + step, cause);
		this.step = step;
	}

	/** The step that was running, e.g. "Voxelizing" or "train". */
	public String step() {
		return step;
	}
}
