package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.batch.CellClassification;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.SegmentFiles;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;

/** Finds candidate structures in a whole-cell table with DBSCAN and writes them where classify can read them. */
@Plugin(type = Command.class, label = "Find clathrin structures")
public class SegmentCommand extends ReadingCommand {

	@Parameter(label = "Localization table (whole cell)", persist = false,
		description = "A whole-cell localization table.")
	private File input;

	@Parameter(label = "Output folder", persist = false,
		description = "Output folder: structures/<name>-<n>.csv (or structures.csv with one_table) and segments.csv.")
	private File output;

	@Parameter(label = SegmentParameters.EPS_LABEL, required = false, min = "0", description = SegmentParameters.EPS)
	private double eps = SegmentConfig.DEFAULT_EPS;

	@Parameter(label = SegmentParameters.MIN_POINTS_LABEL, required = false, min = "1",
		description = SegmentParameters.MIN_POINTS)
	private int min_points = SegmentConfig.DEFAULT_MIN_POINTS;

	@Parameter(label = SegmentParameters.MIN_SIZE_LABEL, required = false, min = "1",
		description = SegmentParameters.MIN_SIZE)
	private int min_size = SegmentConfig.DEFAULT_MIN_SIZE;

	@Parameter(label = SegmentParameters.MAX_SIZE_LABEL, required = false, min = "1",
		description = SegmentParameters.MAX_SIZE)
	private int max_size = SegmentConfig.DEFAULT_MAX_SIZE;

	@Parameter(label = SegmentParameters.MAX_EXTENT_LABEL, required = false, min = "0",
		description = SegmentParameters.MAX_EXTENT)
	private double max_extent = SegmentConfig.DEFAULT_MAX_EXTENT;

	@Parameter(label = "One table with an roi column", required = false, persist = false,
		description = "Write one structures.csv with an roi column instead of one file per structure; classify it "
			+ "with roi_column roi.")
	private boolean one_table;

	private Segmenter.Segmentation segmentation;

	@Override
	protected void execute() {
		existingFile(given(input, "localization table", "input"), "localization table");
		given(output, "output folder", "output");
		if (output.exists() && !output.isDirectory()) throw new InputException(output + ": is a file, not a folder");
		// The structures folder is replaced as a whole, so an input anywhere in it counts.
		checkCallerOutputs(new OutputCheck().reads(input, "localization table")).folder(output, "output folder",
			p -> p.getName(0).toString().equals(SegmentFiles.STRUCTURES) || p.toString().equals(SegmentFiles.TABLE)
				|| p.toString().equals(SegmentFiles.SUMMARY));
		SegmentConfig config = config(eps, min_points, min_size, max_size, max_extent);
		LocalizationTable table = read(input, readOptions(), this);
		segmentation = segment(config, table, input, this);
		Path dir = output.toPath();
		try {
			SegmentFiles.save(dir, segmentation, config, one_table, progress());
		}
		catch (IOException e) {
			throw new InputException(output + ": cannot write structures (" + e.getMessage() + ")", e);
		}
		StringBuilder sb = new StringBuilder();
		segmentation.structures().warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
		sb.append(segmentation.summary()).append('\n');
		sb.append("Structures written to ").append(dir.resolve(one_table ? SegmentFiles.TABLE : SegmentFiles.STRUCTURES));
		if (one_table) sb.append(" (roi column: ").append(SegmentFiles.ROI).append(')');
		sb.append(", summary to ").append(dir.resolve(SegmentFiles.SUMMARY));
		report = sb.toString();
	}

	/** What was found, or null before a successful run. */
	public Segmenter.Segmentation getSegmentation() {
		return segmentation;
	}

	static SegmentConfig config(double eps, int minPoints, int minSize, int maxSize, double maxExtent) {
		try {
			return new SegmentConfig(eps, minPoints, minSize, maxSize, maxExtent);
		}
		catch (IllegalArgumentException e) {
			throw new InputException(e.getMessage(), e);
		}
	}

	/** Segments one whole-cell table, with the file name in an error about its coordinates. */
	static Segmenter.Segmentation segment(SegmentConfig config, LocalizationTable table, File input, ClathrinCommand c) {
		return CellClassification.segment(table, input.toString(), config, c.progress());
	}

	/** Reads one whole-cell table, with the command's progress and file name in every error. */
	static LocalizationTable read(File input, io.github.clathrin.localizations.ReadOptions options, ClathrinCommand c) {
		try {
			return LocalizationReaders.read(input.toPath(), options, c.progress());
		}
		catch (CancelledException | InputException e) {
			throw e;
		}
		catch (IOException e) {
			throw StructureInput.unreadable(input, e);
		}
	}
}
