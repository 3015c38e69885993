package io.github.clathrin;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.clathrin.task.Progress;

/** A progress listener that cancels after a number of reports and counts them, for cancellation tests. */
public final class Cancelling implements Progress {

	private final int after;
	private final AtomicInteger reports = new AtomicInteger();

	private Cancelling(int after) {
		this.after = after;
	}

	/** Cancelled from the start. */
	public static Cancelling always() {
		return after(0);
	}

	/** Cancelled once {@code reports} progress reports have arrived. */
	public static Cancelling after(int reports) {
		return new Cancelling(reports);
	}

	@Override
	public void report(String stage, long done, long total) {
		reports.incrementAndGet();
	}

	@Override
	public boolean isCancelled() {
		return reports.get() >= after;
	}

	/** How many reports arrived. */
	public int reports() {
		return reports.get();
	}
}
