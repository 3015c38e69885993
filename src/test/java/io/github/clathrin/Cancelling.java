package io.github.clathrin;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.clathrin.task.Progress;

/** Progress listeners that cancel, for tests of real cancellation. */
public final class Cancelling {

	private Cancelling() {}

	/** Cancelled from the start. */
	public static Progress always() {
		return after(0);
	}

	/** Cancelled once {@code reports} progress reports have arrived. */
	public static Progress after(int reports) {
		AtomicInteger seen = new AtomicInteger();
		return new Progress() {

			@Override
			public void report(String stage, long done, long total) {
				seen.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return seen.get() >= reports;
			}
		};
	}
}
