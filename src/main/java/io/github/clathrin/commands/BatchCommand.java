package io.github.clathrin.commands;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.batch.BatchInputs;
import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.batch.BatchRun;
import io.github.clathrin.batch.Engine;
import io.github.clathrin.batch.EngineSettings;
import io.github.clathrin.batch.Engines;
import io.github.clathrin.batch.LocalEngine;
import io.github.clathrin.batch.UriEngine;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.task.InputException;

/**
 * Classifies a screen of whole cells: every table of a folder (or of a list file) is read, segmented with DBSCAN
 * and the size filters, classified and written as {@code OUT/<cell>-results.csv}, and {@code OUT/summary.csv}
 * gets one row per cell, failed cells with their error. The cells run on an engine: threads of this computer, or
 * Apache Spark where its engine is installed, which also reads and writes URIs of a cluster's file systems
 * ({@code hdfs://}, {@code s3a://}).
 */
@Plugin(type = Command.class, label = "Batch classify whole cells")
public class BatchCommand extends ReadingCommand {

	@Parameter(label = "Model file", description = "The model file (.zip) to classify with. With engine spark also a "
		+ "URI of the cluster's file systems (hdfs://, s3a://), as cells and output may be.")
	private String model;

	@Parameter(label = "Cells (folder of tables, or a list file)", persist = false,
		description = "A folder of whole-cell localization tables, or a text file naming one table per line (relative "
			+ "to the list's folder; # starts a comment).")
	private String input;

	@Parameter(label = "Output folder", persist = false,
		description = "Output folder: <cell>-results.csv per cell, summary.csv (one row per cell) and summary.png.")
	private String output;

	@Parameter(label = "Engine", required = false, persist = false, choices = { LocalEngine.NAME, "spark" },
		description = "local: threads of this computer; spark: Apache Spark (where the Spark engine is installed), "
			+ "at master.")
	private String engine = LocalEngine.NAME;

	@Parameter(label = "Spark master", required = false, persist = false,
		description = "With engine spark: local[*], spark://host:7077 or yarn (empty: what spark-submit set).")
	private String master;

	@Parameter(label = "Threads (0: all processors)", required = false, persist = false, min = "0",
		description = "With engine local: cells classified at once, each in its own thread and memory (0: as many as "
			+ "processors).")
	private int threads = 0;

	@Parameter(label = "Skip cells whose results exist", required = false, persist = false,
		description = "Skip the cells whose results file exists (their summary row is made again from it), so that a "
			+ "stopped batch resumes.")
	private boolean skip_existing;

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

	@Parameter(label = "Pixel size for the cell's area (nm)", required = false, min = "1",
		description = "Each cell's area, for the structures per um^2 of the summary, is the area of the pixels of this "
			+ "size holding at least one localization.")
	private double area_pixel = CellSummary.DEFAULT_AREA_PIXEL;

	/** What the batch did, or null before a successful run. */
	private BatchRun run;

	@Override
	protected void execute() {
		given(model, "model file", "model");
		given(input, "input", "input");
		given(output, "output folder", "output");
		inRange(threads, 0, 4096, "threads");
		if (!(area_pixel > 0) || !Double.isFinite(area_pixel))
			throw new InputException("area pixel must be a positive number of nm, got " + area_pixel);
		Engine e = Engines.create(engine, new EngineSettings(threads, orNull(master)));
		List<String> uris = Stream.of(model, input, output).map(String::strip).filter(BatchJob::isUri).toList();
		if (!uris.isEmpty()) {
			// hdfs://, s3a://...: only an engine with Hadoop's file systems lists, reads and writes there.
			if (!(e instanceof UriEngine u)) throw new InputException(uris.get(0) + ": a URI of another file system; "
				+ "only the Spark engine reads and writes those (--engine spark), the " + engine + " engine needs paths "
				+ "of this computer");
			run = u.runAt(job(model.strip(), output.strip()), input.strip(), progress());
		}
		else run = local(e);
		report = run.report();
	}

	/** A batch of this computer's files, every output checked against the inputs before any work. */
	private BatchRun local(Engine e) {
		File m = existingFile(BatchJob.localPath(model.strip()).toFile(), "model file");
		File in = existing(BatchJob.localPath(input.strip()).toFile(), "cells (folder or list file)");
		File out = BatchJob.localPath(output.strip()).toFile();
		if (out.exists() && !out.isDirectory()) throw new InputException(out + ": is a file, not a folder");
		BatchInputs cells = BatchInputs.of(in.toPath());
		OutputCheck check = new OutputCheck().reads(m, "model file").reads(in, in.isDirectory() ? "input"
			: "list of cells");
		if (!in.isDirectory()) for (Path c : cells.cells()) check.reads(c.toFile(), "cell");
		checkCallerOutputs(check).folder(out, "output folder", p -> p.getNameCount() == 1 && (p.toString()
			.endsWith(BatchJob.RESULTS_SUFFIX) || p.toString().equals(BatchJob.SUMMARY) || p.toString().equals(
				BatchJob.SUMMARY_PLOT)));
		return BatchRun.run(job(m.getPath(), out.getPath()), cells, e, progress());
	}

	private BatchJob job(String modelAt, String outputAt) {
		return new BatchJob(modelAt, readOptions(), SegmentCommand.config(eps, min_points, min_size, max_size,
			max_extent), area_pixel, outputAt, skip_existing);
	}

	/** What the batch did: an outcome per cell, sorted by name; null before a successful run. */
	public BatchRun getRun() {
		return run;
	}
}
