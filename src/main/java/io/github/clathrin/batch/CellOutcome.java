package io.github.clathrin.batch;

import java.io.Serializable;

import io.github.clathrin.render.CellSummary;

/**
 * What became of one cell of a batch: its summary, or why it failed. A failure is data, not an exception, so
 * that one bad cell never stops the others, and serializable, so that Spark brings it back to the driver.
 *
 * @param cell the cell's name (its table's file name)
 * @param kind whether it was classified, skipped (results existed) or how it failed
 * @param summary the cell's summary (classified or skipped), else null
 * @param error why it failed (one line for the user), else null
 */
public record CellOutcome(String cell, Kind kind, CellSummary summary, String error) implements Serializable {

	private static final long serialVersionUID = 1L;

	/** What happened to a cell; the failures say who can fix them. */
	public enum Kind {
		/** Read, segmented, classified and written. */
		CLASSIFIED("ok"),
		/**
		 * Its results file existed (skip existing): summarised from it, not classified again; "ok" in the summary
		 * too, so that a resumed batch writes the same summary as one run straight through.
		 */
		SKIPPED("ok"),
		/** The table cannot be read or holds no structures: the user's to fix. */
		INPUT("input error"),
		/** Java ran out of memory on this cell: give the workers more. */
		OUT_OF_MEMORY("out of memory"),
		/** A bug: to be reported. */
		INTERNAL("internal error");

		private final String words;

		Kind(String words) {
			this.words = words;
		}

		/** The summary's status column. */
		public String words() {
			return words;
		}

		public boolean failed() {
			return this != CLASSIFIED && this != SKIPPED;
		}
	}

	public CellOutcome {
		if (cell == null || kind == null) throw new IllegalArgumentException("an outcome needs a cell and a kind");
		if (kind.failed() != (summary == null) || kind.failed() != (error != null))
			throw new IllegalArgumentException(cell + ": a " + kind + " outcome has " + (summary == null ? "no " : "a ")
				+ "summary and " + (error == null ? "no " : "an ") + "error");
	}

	public static CellOutcome done(String cell, CellSummary summary, boolean skipped) {
		return new CellOutcome(cell, skipped ? Kind.SKIPPED : Kind.CLASSIFIED, summary, null);
	}

	public static CellOutcome failed(String cell, Kind kind, String error) {
		return new CellOutcome(cell, kind, null, error == null ? kind.words() : error);
	}

	public boolean failed() {
		return kind.failed();
	}
}
