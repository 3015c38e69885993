package io.github.clathrin.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * One cell of a batch, the unit every engine runs: read the table, segment it, classify and fit caps, write
 * {@code <cell>-results.csv} atomically, and summarise the cell. Whatever goes wrong with the cell (unreadable,
 * no structures, out of memory, even a bug) is its {@link CellOutcome}, so the batch carries on; only the
 * user's cancel is thrown.
 *
 * The summary is always made from the results file as written (predictions, status, outside_training and the
 * closing angles with their three written decimals) plus the table (localizations, area): a cell skipped
 * because its results exist is read again but not segmented or classified, and gets the very same row.
 */
public final class CellTask {

	private CellTask() {}

	/**
	 * Classifies one cell with {@code model} (the job's model file, read once per worker) and returns what
	 * became of it.
	 *
	 * @throws CancelledException when {@code progress} is cancelled; a results file is whole or absent
	 */
	public static CellOutcome run(BatchJob job, Model model, Path cell, Progress progress) {
		String name = BatchJob.cellName(cell);
		Path out = job.resultFile(cell);
		boolean skip = job.skipExisting() && Files.exists(out);
		try {
			progress.report((skip ? "Reading " : "Classifying ") + name, 0, 1);
			LocalizationTable table = read(cell, job, progress);
			int rows = table.rowCount();
			double area = CellSummary.area(table, job.areaPixel());
			if (!skip) {
				CellClassification c = CellClassification.of(model, table, cell.toString(), job.segment(), progress);
				table = null; // the structures hold their own points
				Classification.writeCsv(out, c.predictions(), model.classNames(), c.segmentation().structures()
					.structures(), c.caps());
			}
			return CellOutcome.done(name, summary(name, rows, job.areaPixel(), area, model.classNames(), out), skip);
		}
		catch (CancelledException e) {
			throw e;
		}
		catch (InputException e) {
			return CellOutcome.failed(name, CellOutcome.Kind.INPUT, e.getMessage());
		}
		catch (IOException e) {
			return CellOutcome.failed(name, CellOutcome.Kind.INPUT, out + ": cannot write results (" + e.getMessage()
				+ ")");
		}
		catch (OutOfMemoryError e) {
			// Unwinding to here has dropped the cell's table and structures, so there is room to say so.
			return CellOutcome.failed(name, CellOutcome.Kind.OUT_OF_MEMORY, cell + ": out of memory (" + e.getMessage()
				+ "): give each worker more memory (-Xmx, spark.executor.memory) or run fewer cells at once");
		}
		catch (RuntimeException e) {
			return CellOutcome.failed(name, CellOutcome.Kind.INTERNAL, cell + ": internal error, please report: " + e
				+ (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : ""));
		}
	}

	private static LocalizationTable read(Path cell, BatchJob job, Progress progress) {
		try {
			return LocalizationReaders.read(cell, job.reading(), progress);
		}
		catch (NoSuchFileException e) {
			throw InputException.inFile(cell, "not found");
		}
		catch (IOException e) {
			throw InputException.inFile(cell, "cannot be read (" + e.getMessage() + ")");
		}
	}

	/**
	 * The cell's summary from its results file: structures per class, those without a class or outside the
	 * training range, and the closing angles per class as written.
	 */
	static CellSummary summary(String cell, int localizations, double pixelNm, double areaUm2, List<String> classNames,
		Path results) throws IOException
	{
		int[] counts = new int[classNames.size()];
		List<List<Double>> angles = new ArrayList<>();
		for (int c = 0; c < counts.length; c++) angles.add(new ArrayList<>());
		int structures = 0, noClass = 0, outside = 0;
		try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
			String header = in.readLine();
			if (header == null) throw InputException.inFile(results, "empty results file");
			List<String> names = cells(header);
			int prediction = column(results, names, "prediction"), status = column(results, names, "outside_training"),
				angle = column(results, names, "cap_closing_angle_deg");
			long line = 1;
			for (String row; (row = in.readLine()) != null;) {
				line++;
				if (row.isEmpty()) continue;
				List<String> v = cells(row);
				if (v.size() != names.size()) throw InputException.atLine(results, line, v.size() + " cells for "
					+ names.size() + " columns");
				structures++;
				String predicted = v.get(prediction);
				if (predicted.isEmpty()) {
					noClass++;
					continue;
				}
				int c = classNames.indexOf(predicted);
				if (c < 0) throw InputException.atLine(results, line, "class '" + predicted + "' is not one of the model's "
					+ classNames + " (results of another model? remove them or run without skip existing)");
				counts[c]++;
				if (!v.get(status).isEmpty()) outside++;
				if (!v.get(angle).isEmpty()) try {
					angles.get(c).add(Double.parseDouble(v.get(angle)));
				}
				catch (NumberFormatException e) {
					throw InputException.atLine(results, line, "closing angle '" + v.get(angle) + "' is no number");
				}
			}
		}
		List<double[]> sorted = new ArrayList<>();
		for (List<Double> a : angles) sorted.add(a.stream().mapToDouble(Double::doubleValue).sorted().toArray());
		return new CellSummary(cell, localizations, pixelNm, areaUm2, structures, noClass, outside,
			List.copyOf(classNames), counts, List.copyOf(sorted));
	}

	private static int column(Path file, List<String> names, String name) {
		int i = names.indexOf(name);
		if (i < 0) throw InputException.atLine(file, 1, "no " + name + " column (not a results file of a whole cell)");
		return i;
	}

	/** The cells of one CSV line, quotes as {@code Classification.writeCsv} writes them. */
	static List<String> cells(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch != '"') cell.append(ch);
				else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else quoted = false;
			}
			else if (ch == '"') quoted = true;
			else if (ch == ',') {
				out.add(cell.toString());
				cell.setLength(0);
			}
			else cell.append(ch);
		}
		out.add(cell.toString());
		return out;
	}
}
