package io.github.clathrin.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

/**
 * Runs the cells of a batch in threads of this JVM: as many cells at once as threads and never more, so memory
 * is bounded by the threads times the largest cell. Each thread reads the model once for itself (no model is
 * shared between threads); the user's cancel stops every thread at its next check, and cells not yet started
 * never start.
 */
public final class LocalEngine implements Engine {

	/** The engine's name. */
	public static final String NAME = "local";

	private final int threads;

	/** @param threads cells at once (at least 1) */
	public LocalEngine(int threads) {
		if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
		this.threads = threads;
	}

	public int threads() {
		return threads;
	}

	@Override
	public List<CellOutcome> run(BatchJob job, List<Path> cells, Progress progress) {
		int n = cells.size();
		Object lock = new Object();
		AtomicInteger done = new AtomicInteger();
		Progress quiet = progress.cancelOnly();
		ThreadLocal<Model> models = ThreadLocal.withInitial(() -> ModelFile.read(job.modelFile()));
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, n)), daemons());
		try {
			List<Future<CellOutcome>> futures = new ArrayList<>();
			for (Path cell : cells) futures.add(pool.submit(() -> {
				quiet.checkCancelled();
				CellOutcome o = CellTask.run(job, models.get(), cell, quiet);
				int d = done.incrementAndGet();
				synchronized (lock) {
					progress.report("Classified " + o.cell() + " (" + d + "/" + n + " cells)", d, n);
				}
				return o;
			}));
			List<CellOutcome> out = new ArrayList<>(n);
			RuntimeException failure = null;
			for (Future<CellOutcome> f : futures) {
				try {
					out.add(f.get());
				}
				catch (ExecutionException e) {
					// Only a cancel or a model that cannot be read gets here: a cell's own failure is its outcome.
					if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r
						: new IllegalStateException(e.getCause());
					if (!(failure instanceof CancelledException)) pool.shutdownNow();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					pool.shutdownNow();
					throw new CancelledException();
				}
			}
			if (failure != null) throw failure;
			progress.checkCancelled();
			return out;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static ThreadFactory daemons() {
		AtomicInteger count = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, "clathrin-batch-" + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}

	/** The local engine by name, found by {@link Engines}. */
	public static final class Provider implements EngineProvider {

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public String description() {
			return "threads of this computer, one cell per thread (--threads)";
		}

		@Override
		public Engine create(EngineSettings settings) {
			return new LocalEngine(settings.threadsOrProcessors());
		}
	}
}
