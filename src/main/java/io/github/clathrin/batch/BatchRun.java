package io.github.clathrin.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * A whole batch, the same on every engine: the engine classifies the cells, then this checks that every cell
 * has exactly one outcome and writes {@code summary.csv} (the summary plot is drawn by the callers, as it needs
 * AWT).
 *
 * @param outcomes one per cell, sorted by cell name
 * @param classNames the model's classes
 * @param warnings what the inputs left out
 */
public record BatchRun(BatchJob job, List<CellOutcome> outcomes, List<String> classNames, List<String> warnings) {

	/** Reads the model (so that a wrong one fails before any cell), runs the engine and writes the summary. */
	public static BatchRun run(BatchJob job, BatchInputs inputs, Engine engine, Progress progress) {
		List<String> classNames = ModelFile.read(job.modelFile()).classNames();
		return run(job, inputs, engine, classNames, progress);
	}

	/** As {@link #run(BatchJob, BatchInputs, Engine, Progress)} for a model whose classes the caller read. */
	public static BatchRun run(BatchJob job, BatchInputs inputs, Engine engine, List<String> classNames,
		Progress progress)
	{
		try {
			Files.createDirectories(job.outputFolder());
		}
		catch (IOException e) {
			throw new InputException(job.output() + ": cannot create the output folder (" + e.getMessage() + ")", e);
		}
		List<CellOutcome> outcomes = engine.run(job, inputs.cells(), progress);
		// An engine that lost or repeated a cell (a retried task) must not pass unnoticed.
		Set<String> expected = new HashSet<>(), got = new HashSet<>();
		inputs.cells().forEach(c -> expected.add(BatchJob.cellName(c)));
		for (CellOutcome o : outcomes)
			if (!got.add(o.cell())) throw new IllegalStateException("the engine returned " + o.cell() + " twice");
		if (!got.equals(expected)) throw new IllegalStateException("the engine returned the cells " + got + " for "
			+ expected);
		outcomes = outcomes.stream().sorted(java.util.Comparator.comparing(CellOutcome::cell)).toList();
		try {
			BatchSummary.write(job.outputFolder().resolve(BatchJob.SUMMARY), outcomes, classNames);
		}
		catch (IOException e) {
			throw new InputException(job.outputFolder().resolve(BatchJob.SUMMARY) + ": cannot write the summary ("
				+ e.getMessage() + ")", e);
		}
		return new BatchRun(job, outcomes, List.copyOf(classNames), inputs.warnings());
	}

	public long classified() {
		return outcomes.stream().filter(o -> o.kind() == CellOutcome.Kind.CLASSIFIED).count();
	}

	public long skipped() {
		return outcomes.stream().filter(o -> o.kind() == CellOutcome.Kind.SKIPPED).count();
	}

	public List<CellOutcome> failures() {
		return outcomes.stream().filter(CellOutcome::failed).toList();
	}

	/** A few lines for the user: warnings, each failed cell, then the counts and where the files are. */
	public String report() {
		StringBuilder sb = new StringBuilder();
		warnings.forEach(w -> sb.append("warning: ").append(w).append('\n'));
		for (CellOutcome o : failures()) sb.append("failed ").append(o.cell()).append(" (").append(o.kind().words())
			.append("): ").append(o.error()).append('\n');
		sb.append(String.format(Locale.ROOT, "%d cells: %d classified, %d skipped (results exist), %d failed%n",
			outcomes.size(), classified(), skipped(), failures().size()));
		sb.append("Results written to ").append(job.output()).append(", summary to ")
			.append(job.outputFolder().resolve(BatchJob.SUMMARY));
		return sb.toString();
	}
}
