package io.github.clathrin.task;

/** Thrown when the user cancels long work; callers leave no partial output behind. */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("Cancelled by the user");
	}
}
