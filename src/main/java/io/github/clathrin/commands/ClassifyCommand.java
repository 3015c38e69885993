package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.batch.CellClassification;
import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.StructureStatus;
import io.github.clathrin.pipeline.TrainingRange;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.SegmentFiles;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;

/** Applies a model file to structures and writes one result row per structure. */
@Plugin(type = Command.class, label = "Classify clathrin structures")
public class ClassifyCommand extends StructureCommand {

	@Parameter(label = "Model file", description = "The model file (.zip) to classify with.")
	private File model;

	@Parameter(label = "Results CSV (a folder for a folder of tables)", persist = false,
		description = "Results CSV; for a folder of whole tables with an ROI column, an output folder that gets one "
			+ "<name>-results.csv per table (a table that fails is reported and the others carry on).")
	private File output;

	@Parameter(label = "Skip tables whose results exist", required = false, persist = false,
		description = "For a folder of tables: skip the tables whose results file exists.")
	private boolean skip_existing;

	@Parameter(label = "Find structures in a whole-cell table first (DBSCAN)", required = false, persist = false,
		description = "The input is one whole-cell table: find structures with DBSCAN and segment's size filters "
			+ "first, then classify each; also writes <results>-segments.csv (every cluster) and <results>-summary.csv "
			+ "(the cell's summary), and the cap columns.")
	private boolean segment;

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
		description = "With segment or a folder of tables: the cell's area, for the structures per um^2 of the "
			+ "summary, is the area of the pixels of this size holding at least one localization.")
	private double area_pixel = CellSummary.DEFAULT_AREA_PIXEL;

	@Parameter(label = "Explain: fit a spherical cap to each structure (radius, closing angle)", required = false,
		persist = false, description = "Add cap_radius_nm, cap_closing_angle_deg and cap_fit_rmse_nm to every row: a "
			+ "spherical cap fitted by maximum likelihood to the structure's localizations (blank for ready volumes), "
			+ "whatever the model's encoder. Always on for a whole cell (segment, or a folder of tables).")
	private boolean explain;

	@Parameter(type = ItemIO.OUTPUT)
	private List<Classification.Prediction> predictions;

	/** Not a SciJava output: what was classified, for callers that draw the structures (the CLI's --render). */
	private StructureSet structures;

	private List<String> classNames;

	/** With explain: the cap fitted to each structure, in the order of the predictions (null entries: none). */
	private List<CapFit.Result> caps;

	private ClassifyTables.Outcome batch;

	/** With segment: the whole-cell table and what DBSCAN made of it, for callers that draw the cell. */
	private Segmenter.Segmentation segmentation;

	/** With segment: the cell's summary. */
	private CellSummary summary;

	@Override
	protected void execute() {
		existingFile(given(model, "model file", "model"), "model file");
		given(output, "results file", "output");
		OutputCheck check = checkCallerOutputs(reads().reads(model, "model file"));
		if (input != null && input.isDirectory() && orNull(roi_column) != null)
			check.folder(output, "results folder (output)", p -> p.getNameCount() == 1
				&& (p.toString().endsWith(ClassifyTables.RESULTS_SUFFIX) || p.toString().equals(ClassifyTables.SUMMARY)
				|| p.toString().equals(ClassifyTables.SUMMARY_PLOT)));
		else {
			check.file(output, "results file (output)");
			if (segment) {
				check.file(segmentsFile(output), "segments file (output)");
				check.file(summaryFile(output), "summary file (output)");
			}
		}
		Model m = ModelFile.read(model.toPath());
		existing(given(input, "input", "input"), "input");
		if (input.isDirectory() && orNull(roi_column) != null) {
			classifyTables(m);
			return;
		}
		StructureInput.Loaded in = segment ? segmentInput(m) : loadStructures();
		structures = in.set();
		classNames = m.classNames();
		if (!segment) {
			predictions = Classification.classify(m, structures, progress());
			if (explain) caps = Classification.explain(structures.structures(), progress());
		}
		try {
			Classification.writeCsv(output.toPath(), predictions, m.classNames(), structures.structures(), caps);
			if (segment) {
				SegmentFiles.writeSummary(segmentsFile(output).toPath(), segmentation.clusters(),
					segmentConfig(), Map.of());
				summary = CellSummary.of(input.getName(), segmentation.table(), predictions, caps, classNames, area_pixel);
				CellSummary.write(summaryFile(output).toPath(), List.of(summary));
			}
		}
		catch (IOException e) {
			throw new InputException(output + ": cannot write results (" + e.getMessage() + ")", e);
		}
		Map<String, Integer> counts = new TreeMap<>();
		int known = 0, agree = 0, clipped = 0;
		long outside = 0;
		for (Classification.Prediction p : predictions) {
			outside += p.outsideBox();
			if (p.outsideBox() > 0) clipped++;
			if (!p.hasClass()) continue;
			counts.merge(p.predicted(), 1, Integer::sum);
			if (p.knownLabel() != null) {
				known++;
				if (p.knownLabel().equalsIgnoreCase(p.predicted())) agree++; // class names are one class in any case
			}
		}
		StringBuilder sb = new StringBuilder();
		// what DBSCAN found is the run's first result, not a warning
		if (segmentation != null) sb.append("Segmentation: ").append(segmentation.summary()).append('\n');
		in.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
		int classified = counts.values().stream().mapToInt(Integer::intValue).sum();
		sb.append("Classified ").append(classified == predictions.size() ? "" : classified + " of ")
			.append(predictions.size()).append(" structures: ").append(counts).append('\n');
		sb.append(trustSummary(predictions, m)).append(rangeNote(m));
		if (outside > 0) sb.append("note: ").append(outside).append(" localizations in ").append(clipped)
			.append(" structures fell outside the model's voxel box and were not seen by the model\n");
		if (caps != null) sb.append(explainSummary());
		if (known > 0) sb.append("Agreement with the ").append(known).append(" known labels: ").append(agree)
			.append(" (these may include training structures; use evaluate for an honest accuracy)\n");
		if (summary != null) sb.append(summary.report());
		sb.append("Results written to ").append(output);
		if (segment) sb.append(", clusters to ").append(segmentsFile(output)).append(", summary to ")
			.append(summaryFile(output));
		report = sb.toString();
	}

	/** With segment: {@code <results>-segments.csv} beside the results, every DBSCAN cluster and its verdict. */
	public static File segmentsFile(File results) {
		return sibling(results, "-segments.csv");
	}

	/** With segment: {@code <results>-summary.csv} beside the results, the cell's {@link CellSummary}. */
	public static File summaryFile(File results) {
		return sibling(results, "-summary.csv");
	}

	private static File sibling(File results, String suffix) {
		String name = results.getName();
		int dot = name.lastIndexOf('.');
		return new File(results.getParentFile(), (dot > 0 ? name.substring(0, dot) : name) + suffix);
	}

	private SegmentConfig segmentConfig() {
		return SegmentCommand.config(eps, min_points, min_size, max_size, max_extent);
	}

	/**
	 * How many structures got no class (by status) and how many lie outside the model's training range,
	 * with a loud warning when most do; empty when all is well (see {@link #rangeNote}). Shared with {@link ClassifyTables}.
	 */
	static String trustSummary(List<Classification.Prediction> predictions, Model m) {
		Map<String, Integer> noClass = new TreeMap<>();
		int classified = 0, unlike = 0;
		for (Classification.Prediction p : predictions) {
			if (!p.hasClass()) {
				noClass.merge(p.status(), 1, Integer::sum);
				continue;
			}
			classified++;
			if (p.isOutsideTraining()) unlike++;
		}
		StringBuilder sb = new StringBuilder();
		if (!noClass.isEmpty()) {
			int n = noClass.values().stream().mapToInt(Integer::intValue).sum();
			sb.append("warning: ").append(n).append(" structures got no class ").append(noClass).append(" (status "
				+ "column; a structure needs at least ").append(StructureStatus.MIN_LOCALIZATIONS)
				.append(" localizations and an extent in two axes)\n");
		}
		if (TrainingRange.of(m) != null && unlike > 0) {
			sb.append(String.format(Locale.ROOT, "%d of %d structures lie outside the model's training range "
				+ "(outside_training column)%n", unlike, classified));
			if (2 * unlike > classified) sb.append("WARNING: most structures are unlike the training data: wrong "
				+ "--pixel-size or --units? a model trained on other data? Their classes cannot be trusted.\n");
		}
		return sb.toString();
	}

	/** A note, once per run, that a model from before training ranges were recorded checks nothing; else empty. */
	static String rangeNote(Model m) {
		return TrainingRange.of(m) != null ? "" : "note: this model file records no training range (written by an "
			+ "older version), so structures are not checked against the training data\n";
	}

	/**
	 * Cuts the one whole-cell table into structures with segment's DBSCAN and size filters; the table's own ROI
	 * column and labels file do not apply to structures that did not exist before.
	 */
	private StructureInput.Loaded segmentInput(Model m) {
		existingFile(input, "whole-cell table");
		if (orNull(roi_column) != null) throw new InputException("--segment finds the structures itself; drop the "
			+ "ROI column");
		SegmentConfig config = segmentConfig();
		LocalizationTable table = SegmentCommand.read(input, readOptions(), this);
		// The same steps as every cell of a batch (batch.CellTask); a whole cell always gets its caps.
		Segmenter.Segmentation s = CellClassification.segment(table, input.toString(), config, progress());
		segmentation = s;
		CellClassification cell = CellClassification.classify(m, s, input.toString(), progress());
		predictions = cell.predictions();
		caps = cell.caps();
		List<String> warnings = new ArrayList<>(s.structures().warnings());
		if (labels != null) warnings.add("the labels file is not applied to segmented structures");
		return new StructureInput.Loaded(s.structures(), warnings);
	}

	/** A folder of whole tables with an ROI column: one results CSV per table, into the output folder. */
	private void classifyTables(Model m) {
		if (output.exists() && !output.isDirectory())
			throw new InputException(output + ": a folder of tables needs an output folder, not a file");
		StringBuilder log = new StringBuilder();
		ClassifyTables.Outcome outcome = ClassifyTables.run(m, input.toPath(), roi_column,
			readOptions(), output.toPath(), skip_existing, area_pixel,
			line -> log.append(line).append('\n'), progress());
		batch = outcome;
		if (labels != null) log.append("warning: the labels file is not applied to a folder of tables\n");
		StringBuilder cells = new StringBuilder();
		outcome.summaries().forEach(c -> cells.append(c.report()));
		report = log + cells.toString() + outcome.summary() + "\nResults written to " + output
			+ (outcome.summaries().isEmpty() ? "" : ", summary to " + output.toPath().resolve(ClassifyTables.SUMMARY));
	}

	/** One line per predicted class: how many structures had a cap fitted, and their median closing angle and radius. */
	private String explainSummary() {
		Map<String, List<double[]>> byClass = new TreeMap<>();
		int blank = 0;
		for (int i = 0; i < predictions.size(); i++) {
			CapFit.Result c = caps.get(i);
			if (c == null || !c.isFitted()) {
				blank++;
				continue;
			}
			if (!predictions.get(i).hasClass()) continue;
			byClass.computeIfAbsent(predictions.get(i).predicted(), k -> new ArrayList<>())
				.add(new double[] { c.closingAngleDeg(), c.radius() });
		}
		StringBuilder sb = new StringBuilder();
		for (Map.Entry<String, List<double[]>> e : byClass.entrySet()) {
			double[] angles = e.getValue().stream().mapToDouble(v -> v[0]).sorted().toArray();
			double[] radii = e.getValue().stream().mapToDouble(v -> v[1]).sorted().toArray();
			sb.append(String.format(Locale.ROOT, "Cap fit, predicted %s: %d structures, median closing angle %.0f deg, "
				+ "median radius %.0f nm%n", e.getKey(), angles.length, CellSummary.median(angles), CellSummary.median(radii)));
		}
		if (blank > 0) sb.append("Cap fit: ").append(blank).append(" structures without enough localizations (blank)\n");
		return sb.toString();
	}

	/** With explain: the cap fitted to each structure in the order of {@link #getPredictions()}, else null. */
	public List<CapFit.Result> getCaps() {
		return caps;
	}

	/** With segment: the cell's table, its clusters and the structures kept, else null. */
	public Segmenter.Segmentation getSegmentation() {
		return segmentation;
	}

	/** With segment: the cell's summary, else null (a folder of tables has one per table in {@link #getBatch()}). */
	public CellSummary getSummary() {
		return summary;
	}

	/** The outcome of a folder of tables, or null when the input was one structure set. */
	public ClassifyTables.Outcome getBatch() {
		return batch;
	}

	public List<Classification.Prediction> getPredictions() {
		return predictions;
	}

	/** The structures that were classified, in the order of {@link #getPredictions()}. */
	public StructureSet getStructures() {
		return structures;
	}

	/** The model's class names, in the order of each prediction's probabilities. */
	public List<String> getClassNames() {
		return classNames;
	}
}
