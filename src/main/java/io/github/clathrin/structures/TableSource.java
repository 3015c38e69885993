package io.github.clathrin.structures;

import java.io.IOException;
import java.nio.file.Path;

import io.github.clathrin.localizations.LocalizationTable;

/**
 * Reads one localization file into a table; the structures package needs nothing more from the
 * readers, so the application plugs in {@code (f) -> LocalizationReaders.read(f, options, progress)}.
 */
@FunctionalInterface
public interface TableSource {

	/** Reads the file with coordinates in nm; bad content throws an InputException naming the file. */
	LocalizationTable read(Path file) throws IOException;
}
