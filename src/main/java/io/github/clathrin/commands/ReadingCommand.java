package io.github.clathrin.commands;

import org.scijava.plugin.Parameter;

import io.github.clathrin.localizations.ReadOptions;

/**
 * A command that reads localization files: what a file does not say itself (pixel size, units, the
 * Insight3 category, column names of a file without titles), with the same input names everywhere.
 */
public abstract class ReadingCommand extends ClathrinCommand {

	@Parameter(label = "Pixel size (nm)", required = false, persist = false,
		description = "Camera pixel size in nm (files in pixels).")
	protected Double pixel_size;

	@Parameter(label = "Units", required = false, persist = false, description = "Units of x/y/z when the file does not say: nm, px, um or m.")
	protected String units;

	@Parameter(label = "Insight3 category", required = false, persist = false,
		description = "Keep only localizations of this Insight3 category (channel).")
	protected Integer category;

	@Parameter(label = "Column names", required = false, persist = false,
		description = "For a text file without a title line: its columns in order, comma-separated (e.g. trace,t,x,y,z).")
	protected String columns;

	/** The reading options the user gave, checked. */
	protected ReadOptions readOptions() {
		return readOptions(pixel_size, units, category, columns);
	}
}
