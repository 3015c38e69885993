package io.github.clathrin.segment;

import java.io.IOException;
import java.nio.file.Path;

import io.github.clathrin.datasets.WholeCells;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ThunderStormCsvWriter;

/**
 * A simulated whole-cell table for tests: simulated coats at jittered grid positions far enough apart
 * not to touch, plus sparse uniform background, with a {@code truth} column (structure number from 1,
 * 0 for background) that the segmenter never reads.
 */
public final class WholeCell {

	public static final String TRUTH = WholeCells.TRUTH;

	private WholeCell() {}

	public static LocalizationTable table(int structures, int background, long seed) {
		return WholeCells.table(structures, background, seed);
	}

	public static Path write(Path file, int structures, int background, long seed) throws IOException {
		ThunderStormCsvWriter.write(file, table(structures, background, seed));
		return file;
	}
}
