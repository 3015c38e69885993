package io.github.clathrin.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.github.clathrin.batch.BatchInputs;
import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Classifies a folder of whole localization tables, each split into structures by an ROI column, and
 * writes one results CSV per table ({@code name.csv} to {@code name-results.csv}) into an output
 * folder. Labkit-style batch: finished outputs can be skipped, a file that fails is logged and the
 * loop carries on, and cancellation stops between files (a half-written result never exists, as
 * results are written atomically).
 */
public final class ClassifyTables {

	/**
	 * What happened to the files of one batch, and the summary of each table classified (in the order of
	 * {@code written}), also written to {@link #SUMMARY} in the output folder.
	 */
	public record Outcome(List<Path> written, List<Path> skipped, List<String> failed, List<CellSummary> summaries) {

		public String summary() {
			return String.format(Locale.ROOT, "%d tables classified, %d skipped (results exist), %d failed",
				written.size(), skipped.size(), failed.size());
		}
	}

	/** What {@link #resultFile} appends to a table's name. */
	static final String RESULTS_SUFFIX = BatchJob.RESULTS_SUFFIX;

	/** The summary across the tables of a batch, one row per table classified, in the output folder. */
	public static final String SUMMARY = BatchJob.SUMMARY;

	/** The plot of {@link #SUMMARY} that the command line draws beside it (counts and closing angles per class). */
	public static final String SUMMARY_PLOT = BatchJob.SUMMARY_PLOT;

	private ClassifyTables() {}

	/** The table files of a folder, sorted by name (the extensions a folder load accepts). */
	public static List<Path> tables(Path folder) throws IOException {
		return new ArrayList<>(BatchInputs.tables(folder));
	}

	/** {@code name.csv} in the input folder becomes {@code name-results.csv} in the output folder. */
	public static Path resultFile(Path table, Path outputFolder) {
		return BatchJob.resultFile(table, outputFolder);
	}

	/**
	 * Classifies every table of {@code inputFolder}.
	 *
	 * Every results file gets the structures' geometry and cap fit columns ({@link Classification#GEOMETRY_COLUMNS},
	 * {@link Classification#EXPLAIN_COLUMNS}): each table is a whole cell, whose structures a person finds back
	 * by their centroids and compares by their closing angles.
	 *
	 * @param areaPixel the pixel size (nm) at which each cell's area is measured ({@link CellSummary})
	 * @param log receives one line per skipped or failed file (the Fiji log, stderr)
	 * @throws CancelledException when the user stops; files finished before stay written
	 */
	public static Outcome run(Model model, Path inputFolder, String roiColumn, ReadOptions options,
		Path outputFolder, boolean skipExisting, double areaPixel, Consumer<String> log, Progress progress)
	{
		if (roiColumn == null || roiColumn.isBlank())
			throw new InputException("a folder of whole tables needs the ROI column that names each structure");
		List<Path> tables;
		try {
			tables = tables(inputFolder);
			Files.createDirectories(outputFolder);
		}
		catch (IOException e) {
			throw new InputException(inputFolder + ": cannot list or create folders (" + e.getMessage() + ")", e);
		}
		// A labels file, a README or our own results beside the tables are no table: one warning, not a failure.
		List<String> notTables = new ArrayList<>();
		tables.removeIf(t -> {
			String why = LocalizationReaders.notLocalizations(t);
			if (why != null) notTables.add(t.getFileName() + " (" + why + ")");
			return why != null;
		});
		if (!notTables.isEmpty())
			log.accept(inputFolder + ": skipped " + notTables.size() + (notTables.size() == 1 ? " file that holds" : " files that hold")
				+ " no localization table: " + String.join(", ", notTables));
		if (tables.isEmpty()) throw new InputException(inputFolder + ": no localization tables (."
			+ String.join(" .", StructureLoader.tableExtensions()) + ") in this folder");
		String note = ClassifyCommand.rangeNote(model);
		if (!note.isEmpty()) log.accept(note.strip());
		List<Path> written = new ArrayList<>(), skipped = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		List<CellSummary> summaries = new ArrayList<>();
		for (int i = 0; i < tables.size(); i++) {
			progress.checkCancelled();
			Path table = tables.get(i), out = resultFile(table, outputFolder);
			progress.report("Classifying " + table.getFileName() + " (" + (i + 1) + "/" + tables.size() + ")", i,
				tables.size());
			if (skipExisting && Files.exists(out)) {
				skipped.add(out);
				log.accept("skipped " + table.getFileName() + ": " + out.getFileName() + " exists");
				continue;
			}
			try {
				LocalizationTable t = LocalizationReaders.read(table, options, Progress.NONE);
				StructureSet set = StructureLoader.fromTable(t, roiColumn.trim());
				if (set.size() == 0) throw new InputException(table + ": no structures found");
				List<Classification.Prediction> predictions = Classification.classify(model, set, progress.cancelOnly());
				List<CapFit.Result> caps = Classification.explain(set.structures(), progress.cancelOnly());
				CellSummary summary = CellSummary.of(table.getFileName().toString(), t, predictions, caps,
					model.classNames(), areaPixel);
				Classification.writeCsv(out, predictions, model.classNames(), set.structures(), caps);
				written.add(out);
				summaries.add(summary);
				String trust = ClassifyCommand.trustSummary(predictions, model);
				if (!trust.isEmpty()) for (String line : trust.split("\n")) log.accept(table.getFileName() + ": " + line);
			}
			catch (CancelledException e) {
				throw e;
			}
			catch (IOException | InputException e) {
				// One bad table must not cost the user the rest of the folder; a bug still stops the run.
				String why = e.getMessage() != null ? e.getMessage() : e.toString();
				failed.add(table.getFileName() + ": " + why);
				log.accept("failed " + table.getFileName() + ": " + why);
			}
		}
		progress.report("Classified " + tables.size() + " tables", tables.size(), tables.size());
		if (!summaries.isEmpty()) try {
			CellSummary.write(outputFolder.resolve(SUMMARY), summaries);
		}
		catch (IOException e) {
			throw new InputException(outputFolder.resolve(SUMMARY) + ": cannot write the summary (" + e.getMessage() + ")",
				e);
		}
		return new Outcome(written, skipped, failed, List.copyOf(summaries));
	}
}
