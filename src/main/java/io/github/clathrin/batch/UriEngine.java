package io.github.clathrin.batch;

import io.github.clathrin.task.Progress;

/**
 * An engine that also reads and writes files of other file systems, named by URI ({@code hdfs://},
 * {@code s3a://}: what a cluster's Hadoop knows): it lists the cells, reads the model and writes the results
 * and the summary there itself, since {@link BatchInputs} and the local engine know only this computer's files.
 */
public interface UriEngine extends Engine {

	/**
	 * Runs a whole batch whose model, cells or output folder ({@link BatchJob#isUri}) are on another file
	 * system: the same files as {@link BatchRun#run(BatchJob, BatchInputs, Engine, Progress)} writes for local
	 * ones, and the same checks.
	 *
	 * @param input the folder of tables or the list file, a URI or a local path
	 */
	BatchRun runAt(BatchJob job, String input, Progress progress);
}
