package io.github.clathrin.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.github.clathrin.task.Progress;

/**
 * Runs of whole cells holding about {@link Dbscan#STEP} points each, processed in parallel: the unit of
 * work, of progress and of cancellation for the passes of DBSCAN whose points do not depend on each
 * other, so the result is the same as a serial run.
 */
final class Chunks {

	/** Work on the cells c0 (inclusive) to c1 (exclusive). */
	interface Work {
		void run(int c0, int c1);
	}

	private final int[] bounds;
	private final Grid grid;
	private final Progress progress;
	private final String stage;

	Chunks(Grid grid, Progress progress, String stage) {
		this.grid = grid;
		this.progress = progress;
		this.stage = stage;
		List<Integer> b = new ArrayList<>();
		b.add(0);
		for (int c = 0; c < grid.cells(); c++)
			if (grid.start[c + 1] - grid.start[b.get(b.size() - 1)] >= Dbscan.STEP) b.add(c + 1);
		if (b.get(b.size() - 1) != grid.cells()) b.add(grid.cells());
		bounds = b.stream().mapToInt(Integer::intValue).toArray();
	}

	void forEach(Work work) {
		AtomicLong done = new AtomicLong();
		long total = grid.size();
		IntStream.range(0, bounds.length - 1).parallel().forEach(i -> {
			progress.checkCancelled();
			work.run(bounds[i], bounds[i + 1]);
			long d = done.addAndGet(grid.start[bounds[i + 1]] - grid.start[bounds[i]]);
			synchronized (progress) { // listeners (console, status bar) expect one thread at a time
				progress.report(stage, d, total);
			}
		});
	}
}
