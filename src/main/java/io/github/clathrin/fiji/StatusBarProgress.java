package io.github.clathrin.fiji;

import ij.IJ;
import io.github.clathrin.task.Progress;

/**
 * Forwards progress of the core to ImageJ's status line and progress bar, and reports cancellation
 * once the user pressed Esc (MorphoLibJ's one listener that talks to IJ).
 */
final class StatusBarProgress implements Progress {

	private long lastStatus;

	/** Starts listening: an Esc pressed before this run must not cancel it. */
	StatusBarProgress() {
		IJ.resetEscape();
	}

	@Override
	public void report(String stage, long done, long total) {
		// The status line is repainted on every call; a few updates a second are enough.
		long now = System.nanoTime();
		boolean last = total > 0 && done >= total;
		if (last || now - lastStatus > 100_000_000L) {
			lastStatus = now;
			IJ.showStatus(total > 0 ? stage + " " + done + "/" + total : stage);
		}
		if (total > 0) IJ.showProgress(Math.min(1.0, (double) done / total));
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}

	/** Clears the bar and the Esc flag, whatever the outcome. */
	void finish() {
		IJ.showProgress(1.0);
		IJ.resetEscape();
	}
}
