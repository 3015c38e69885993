package io.github.clathrin.cli;

import java.io.PrintStream;

import sun.misc.Signal;

/**
 * Ctrl-C in a terminal: the running command stops at its next check (deep training: after the
 * current batch), prints "cancelled" and exits 130. Java's own handling would run SciJava's shutdown
 * hook, which waits up to 5 s for the running command; so if the command has not ended within a
 * half a second, or on a second Ctrl-C, the JVM halts with 130. Halting is safe for the user's files: they
 * are written atomically, so at most a temporary file is left, never a half-written result.
 */
final class CtrlC {

	/** How long the running command gets to stop by itself. */
	static final long GRACE_MILLIS = 500;

	private static volatile boolean pressed, finished;

	private CtrlC() {}

	/** Whether the user pressed Ctrl-C; every console progress reports it as a cancel. */
	static boolean pressed() {
		return pressed;
	}

	/**
	 * Takes over SIGINT. Where it is ignored (a background job of a script) or cannot be handled, Java's
	 * default stays.
	 */
	static void install(PrintStream err) {
		try {
			Signal.handle(new Signal("INT"), s -> interrupted(err));
		}
		catch (IllegalArgumentException | UnsupportedOperationException e) {
			// No SIGINT to handle here: Java's default stays.
		}
	}

	/** The command line is done (its exit code printed): a late watchdog must not print "cancelled" again. */
	static void finished() {
		finished = true;
	}

	private static synchronized void interrupted(PrintStream err) {
		if (pressed) halt(err);
		pressed = true;
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(GRACE_MILLIS);
			}
			catch (InterruptedException e) {
				return;
			}
			halt(err);
		}, "Ctrl-C watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	private static void halt(PrintStream err) {
		if (!finished) {
			err.println();
			err.println("cancelled");
			err.flush();
		}
		Runtime.getRuntime().halt(130);
	}
}
