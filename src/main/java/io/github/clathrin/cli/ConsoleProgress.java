package io.github.clathrin.cli;

import java.io.PrintStream;
import java.util.Locale;

import io.github.clathrin.task.Progress;

/**
 * Shows progress on stderr: one updating line on a terminal, and one line per stage (plus its end)
 * when stderr goes to a file or pipe, so logs stay readable.
 */
final class ConsoleProgress implements Progress {

	private final PrintStream err;
	private final boolean terminal;
	private String stage = "";
	private int lastPercent = -1;
	private long lastPrint;

	ConsoleProgress(PrintStream err, boolean terminal) {
		this.err = err;
		this.terminal = terminal;
	}

	@Override
	public synchronized void report(String newStage, long done, long total) {
		int percent = total > 0 ? (int) Math.min(100, 100 * done / total) : -1;
		boolean stageChanged = !newStage.equals(stage);
		if (terminal) {
			long now = System.nanoTime();
			if (!stageChanged && percent == lastPercent) return;
			if (!stageChanged && percent < 100 && now - lastPrint < 100_000_000L) return;
			if (stageChanged && !stage.isEmpty()) err.print('\n');
			err.print("\r" + line(newStage, done, total, percent));
			lastPrint = now;
		}
		else if (percent == 100 && (stageChanged || lastPercent != 100) || total <= 1 && stageChanged) {
			// In a log, one line per finished stage is enough.
			err.println(line(newStage, done, total, percent));
		}
		stage = newStage;
		lastPercent = percent;
	}

	/** Ctrl-C cancels (see {@link CtrlC}). */
	@Override
	public boolean isCancelled() {
		return CtrlC.pressed();
	}

	/** Ends the current line on a terminal so the report starts on a fresh one. */
	synchronized void finish() {
		if (terminal && !stage.isEmpty()) err.print('\n');
		stage = "";
		err.flush();
	}

	private static String line(String stage, long done, long total, int percent) {
		if (total <= 1) return stage + "...";
		return String.format(Locale.ROOT, "%s: %d/%d (%d%%)", stage, done, total, percent);
	}
}
