package io.github.clathrin.batch;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.task.InputException;

/**
 * What a batch of whole cells is to do, the same for every cell and every engine: the model file, how to read
 * the tables, DBSCAN's and the size filters' settings, the pixel of the cells' area, the output folder and
 * whether finished cells are skipped. Plain serializable data holding no open resource, so that Spark can ship
 * it to its executors; paths are kept as text (a local path or, for Spark, any URI its file systems know).
 *
 * @param model the model file
 * @param reading what the tables do not say themselves (units, pixel size, columns...)
 * @param segment DBSCAN and the size filters
 * @param areaPixel the pixel size (nm) at which each cell's area is measured ({@code render.CellSummary})
 * @param output the output folder: {@code <cell>-results.csv} per cell, {@code summary.csv}
 * @param skipExisting whether a cell whose results file exists is not classified again
 */
public record BatchJob(String model, ReadOptions reading, SegmentConfig segment, double areaPixel, String output,
	boolean skipExisting) implements Serializable
{
	private static final long serialVersionUID = 1L;

	/** What {@link #resultFile} appends to a cell's name. */
	public static final String RESULTS_SUFFIX = "-results.csv";

	/** The summary across the cells, one row per cell, in the output folder. */
	public static final String SUMMARY = "summary.csv";

	/** The plot of {@link #SUMMARY} that the command line and Fiji draw beside it. */
	public static final String SUMMARY_PLOT = "summary.png";

	public BatchJob {
		if (model == null || output == null || reading == null || segment == null)
			throw new IllegalArgumentException("a batch job needs a model, reading options, segmentation settings and "
				+ "an output folder");
		if (!(areaPixel > 0) || !Double.isFinite(areaPixel))
			throw new IllegalArgumentException("the area pixel must be a positive number of nm, got " + areaPixel);
	}

	/**
	 * Whether a model, input or output is a URI of a file system other than this computer's
	 * ({@code hdfs://nn/screen}, {@code s3a://bucket/cells}): a scheme of two or more letters and {@code ://}.
	 * Only an engine with such file systems ({@link UriEngine}) reads and writes those; {@code file://} URIs are
	 * local paths ({@link #localPath}).
	 */
	public static boolean isUri(String location) {
		return location != null && URI_SCHEME.matcher(location).lookingAt() && !location.regionMatches(true, 0,
			"file:", 0, 5);
	}

	/** A local path or {@code file://} URI as a path of this computer. */
	public static Path localPath(String location) {
		if (location.regionMatches(true, 0, "file:", 0, 5)) try {
			return Path.of(URI.create(location));
		}
		catch (IllegalArgumentException e) {
			throw new InputException(location + ": not a file URI (file:///folder/file)");
		}
		return Path.of(location);
	}

	private static final Pattern URI_SCHEME = Pattern.compile(
		"[A-Za-z][A-Za-z0-9+.-]+://");

	/** The same job writing to another output folder (an executor's local copy of a remote one). */
	public BatchJob withOutput(String folder) {
		return new BatchJob(model, reading, segment, areaPixel, folder, skipExisting);
	}

	public Path modelFile() {
		return Path.of(model);
	}

	public Path outputFolder() {
		return Path.of(output);
	}

	/** {@code name.csv} becomes {@code <output>/name-results.csv}. */
	public Path resultFile(Path cell) {
		return resultFile(cell, outputFolder());
	}

	/** The name of a cell as the summary lists it: its table's file name. */
	public static String cellName(Path cell) {
		return cell.getFileName().toString();
	}

	/** {@code name.csv} becomes {@code folder/name-results.csv}. */
	public static Path resultFile(Path cell, Path folder) {
		return folder.resolve(resultName(cellName(cell)));
	}

	/** {@code name.csv} becomes {@code name-results.csv}. */
	public static String resultName(String cellName) {
		int dot = cellName.lastIndexOf('.');
		return (dot > 0 ? cellName.substring(0, dot) : cellName) + RESULTS_SUFFIX;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "batch job: model %s, %s, %s, area pixel %s nm, output %s%s", model, reading,
			segment, areaPixel, output, skipExisting ? ", skipping existing results" : "");
	}
}
