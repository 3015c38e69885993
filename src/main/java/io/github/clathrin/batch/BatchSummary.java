package io.github.clathrin.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.clathrin.render.CellSummary;

/**
 * {@code summary.csv} of a batch: one row per cell sorted by cell name, {@link CellSummary}'s columns then
 * {@code status} and {@code error}; a failed cell is a row with its name, status and error and the other cells
 * blank, never left out. Byte for byte the same for the same outcomes; {@link BatchRun} writes it atomically.
 */
public final class BatchSummary {

	private BatchSummary() {}

	/** The columns after {@link CellSummary#header}. */
	public static final String EXTRA_COLUMNS = ",status,error";

	/** The text of the summary of these outcomes (any order) for a model of these classes. */
	public static String text(List<CellOutcome> outcomes, List<String> classNames) {
		List<CellOutcome> sorted = new ArrayList<>(outcomes);
		sorted.sort(Comparator.comparing(CellOutcome::cell));
		String header = CellSummary.header(classNames);
		int blanks = header.split(",", -1).length - 1;
		StringBuilder sb = new StringBuilder(header).append(EXTRA_COLUMNS).append('\n');
		for (CellOutcome o : sorted) {
			if (o.failed()) sb.append(csv(o.cell())).append(",".repeat(blanks));
			else {
				if (!o.summary().classNames().equals(classNames)) throw new IllegalArgumentException(o.cell()
					+ " was summarised with the classes " + o.summary().classNames() + ", not " + classNames);
				sb.append(o.summary().row());
			}
			sb.append(',').append(o.kind().words()).append(',').append(o.failed() ? csv(oneLine(o.error())) : "")
				.append('\n');
		}
		return sb.toString();
	}

	/** The summaries of the cells that have one, sorted by cell name (what the summary plot draws). */
	public static List<CellSummary> summaries(List<CellOutcome> outcomes) {
		return outcomes.stream().filter(o -> !o.failed()).sorted(Comparator.comparing(CellOutcome::cell))
			.map(CellOutcome::summary).toList();
	}

	private static String oneLine(String s) {
		return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}

	private static String csv(String s) {
		return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
	}
}
