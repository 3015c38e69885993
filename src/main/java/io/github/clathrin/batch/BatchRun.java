package io.github.clathrin.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
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
 * @param output where summary.csv went, and summary.png goes
 */
public record BatchRun(BatchJob job, List<CellOutcome> outcomes, List<String> classNames, List<String> warnings,
	BatchOutput output)
{

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
		return finish(job, inputs.cells().stream().map(BatchJob::cellName).toList(), outcomes, classNames,
			inputs.warnings(), BatchOutput.folder(job.outputFolder()));
	}

	/**
	 * What every engine's batch ends with: checks that the engine returned every cell once (a retried task must
	 * not lose or repeat one), then writes {@code summary.csv} to {@code output}.
	 *
	 * @param cells the names of the batch's cells
	 */
	public static BatchRun finish(BatchJob job, List<String> cells, List<CellOutcome> outcomes, List<String> classNames,
		List<String> warnings, BatchOutput output)
	{
		Set<String> expected = new HashSet<>(cells), got = new HashSet<>();
		for (CellOutcome o : outcomes)
			if (!got.add(o.cell())) throw new IllegalStateException("the engine returned " + o.cell() + " twice");
		if (!got.equals(expected)) throw new IllegalStateException("the engine returned the cells " + got + " for "
			+ expected);
		List<CellOutcome> sorted = outcomes.stream().sorted(Comparator.comparing(CellOutcome::cell)).toList();
		String summary = BatchSummary.text(sorted, classNames);
		try {
			output.write(BatchJob.SUMMARY, out -> out.write(summary.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException e) {
			throw new InputException(output.locate(BatchJob.SUMMARY) + ": cannot write the summary (" + e.getMessage()
				+ ")", e);
		}
		return new BatchRun(job, sorted, List.copyOf(classNames), List.copyOf(warnings), output);
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
			.append(output.locate(BatchJob.SUMMARY));
		return sb.toString();
	}
}
