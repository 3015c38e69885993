package io.github.clathrin.batch;

import java.nio.file.Path;
import java.util.List;

import io.github.clathrin.task.Progress;

/**
 * Runs a batch job's {@link CellTask} on every cell, somewhere: threads of this JVM ({@link LocalEngine}) or a
 * cluster (the Spark engine, in its own package, found by {@link Engines} only when asked for by name).
 */
public interface Engine {

	/**
	 * Classifies every cell and returns one outcome per cell, sorted by cell name; a cell that fails is an
	 * outcome, not an exception. Writes each cell's results file but not the summary ({@link BatchRun} does).
	 *
	 * @throws io.github.clathrin.task.CancelledException when the user stops; finished cells stay written
	 */
	List<CellOutcome> run(BatchJob job, List<Path> cells, Progress progress);
}
