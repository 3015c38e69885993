package io.github.clathrin.pipeline;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureGeometry;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.Progress;

/** Applies a trained model to structures and writes the results table. */
public final class Classification {

	/**
	 * The model's answer for one structure.
	 *
	 * @param key structure key
	 * @param predicted most probable class name, or null when the structure got no class (see status)
	 * @param probability its probability, NaN without a class
	 * @param probabilities probability of every class, in the model's class order; null without a class
	 * @param knownLabel the label a person gave, or null
	 * @param outsideBox localizations that fell outside the model's voxel box (not seen by the model)
	 * @param status {@link StructureStatus#text()}: "ok", or why the structure got no class
	 * @param outsideTraining why the structure lies outside the model's {@link TrainingRange}, empty when
	 *     inside or when the model records no range
	 */
	public record Prediction(String key, String predicted, double probability, double[] probabilities,
		String knownLabel, long outsideBox, String status, String outsideTraining)
	{
		public Prediction {
			if (status == null) status = StructureStatus.OK.text();
			if (outsideTraining == null) outsideTraining = "";
		}

		/** A usable structure's class, inside the training range. */
		public Prediction(String key, String predicted, double probability, double[] probabilities,
			String knownLabel, long outsideBox)
		{
			this(key, predicted, probability, probabilities, knownLabel, outsideBox, null, null);
		}

		/** A structure that gets no class, and why. */
		static Prediction none(Structure s, StructureStatus status) {
			return new Prediction(s.key(), null, Double.NaN, null, s.label(), 0, status.text(), "");
		}

		/** False for a structure that could not be classified (its status says why). */
		public boolean hasClass() {
			return predicted != null;
		}

		public boolean isOutsideTraining() {
			return !outsideTraining.isEmpty();
		}
	}

	private Classification() {}

	/**
	 * One prediction per structure, in input order. Structures that cannot be classified
	 * ({@link StructureStatus}) get none, and the others are checked against the model's training range.
	 */
	public static List<Prediction> classify(Model model, StructureSet set, Progress progress) {
		List<Structure> all = set.structures();
		StructureStatus[] status = new StructureStatus[all.size()];
		List<Structure> structures = new ArrayList<>(all.size());
		for (int i = 0; i < all.size(); i++) {
			status[i] = StructureStatus.of(all.get(i));
			if (status[i] == StructureStatus.OK) structures.add(all.get(i));
		}
		TrainingRange range = TrainingRange.of(model);
		Featurizer.Samples samples = Featurizer.samples(structures, model.voxels(), progress);
		double[][] x = Encoders.encodeAll(model.encoder(), samples.samples(), progress);
		Augmenter testTime = TestTimeAveraging.of(model);
		double[][][] copies = testTime == null ? null : Encodings.copies(model.encoder(), samples.samples(),
			IntStream.range(0, x.length).toArray(), testTime, progress);
		List<Prediction> out = new ArrayList<>(all.size());
		int i = 0;
		for (int k = 0; k < all.size(); k++) {
			if (status[k] != StructureStatus.OK) {
				out.add(Prediction.none(all.get(k), status[k]));
				continue;
			}
			double[] p = TestTimeAveraging.probabilities(model.classifier(), x[i], copies == null ? null : copies[i]);
			int best = 0;
			for (int c = 1; c < p.length; c++)
				if (p[c] > p[best]) best = c;
			Structure s = structures.get(i);
			String outside = range == null ? "" : range.outside(s, samples.samples().get(i));
			out.add(new Prediction(s.key(), model.classNames().get(best), p[best], p, s.label(),
				samples.outside()[i], StructureStatus.OK.text(), outside));
			i++;
		}
		return out;
	}

	/** The columns classify --explain adds to each result row, in order. */
	public static final List<String> EXPLAIN_COLUMNS = List.of("cap_radius_nm", "cap_closing_angle_deg",
		"cap_fit_rmse_nm");

	/**
	 * The spherical cap {@link CapFit} finds in each structure's localizations (10 nm precision), whatever
	 * encoder the model uses, so that a person can see why a structure was called curved or flat; null for a
	 * ready volume without localizations. In parallel, always in input order.
	 */
	public static List<CapFit.Result> explain(List<Structure> structures, Progress progress) {
		int n = structures.size();
		AtomicInteger done = new AtomicInteger();
		List<CapFit.Result> out = IntStream.range(0, n).parallel().mapToObj(i -> {
			progress.checkCancelled();
			Structure s = structures.get(i);
			CapFit.Result r = StructureStatus.of(s) != StructureStatus.OK ? null : CapFit.fit(s.points(), CapFit.Settings.NANOMETRES);
			int d = done.incrementAndGet();
			if (d == n || d % Math.max(1, n / 100) == 0) synchronized (progress) {
				progress.report("Fitting caps (explain)", d, n);
			}
			return r;
		}).toList();
		progress.checkCancelled();
		return out;
	}

	/** The explain columns of one structure: radius, closing angle, rmse; NaN when nothing was fitted. */
	public static double[] explainValues(CapFit.Result cap) {
		if (cap == null || !cap.isFitted()) return new double[] { Double.NaN, Double.NaN, Double.NaN };
		return new double[] { cap.radius(), cap.closingAngleDeg(), cap.rmse() };
	}

	/**
	 * Writes results as CSV: structure, prediction, probability, label (known label or empty), one
	 * probability column per class, status and outside_training. A structure without a class has empty
	 * prediction and probability cells. Numbers have fixed precision so that runs compare byte for byte.
	 */
	public static void writeCsv(Path file, List<Prediction> predictions, List<String> classNames)
		throws IOException
	{
		writeCsv(file, predictions, classNames, null);
	}

	/**
	 * As {@link #writeCsv(Path, List, List)}, followed by the {@link #EXPLAIN_COLUMNS} when caps is not null
	 * (one per prediction, in order; blank cells where nothing was fitted).
	 */
	public static void writeCsv(Path file, List<Prediction> predictions, List<String> classNames,
		List<CapFit.Result> caps) throws IOException
	{
		writeCsv(file, predictions, classNames, null, caps);
	}

	/**
	 * The columns that say where each structure lies and how large it is ({@link StructureGeometry}), after
	 * outside_training when the structures are given, so that a structure can be found back in its cell.
	 */
	public static final List<String> GEOMETRY_COLUMNS = List.of("localizations", "centroid_x_nm", "centroid_y_nm",
		"centroid_z_nm", "extent_x_nm", "extent_y_nm", "extent_z_nm");

	/** The {@link #GEOMETRY_COLUMNS} of one structure, in order; NaN for a ready volume without localizations. */
	public static double[] geometryValues(Structure s) {
		StructureGeometry g = StructureGeometry.of(s);
		return new double[] { g.localizations(), g.centroid()[0], g.centroid()[1], g.centroid()[2], g.extent(0),
			g.extent(1), g.extent(2) };
	}

	/**
	 * As {@link #writeCsv(Path, List, List, List)}, with the {@link #GEOMETRY_COLUMNS} after outside_training when
	 * structures is not null (the classified structures, in the order of the predictions).
	 */
	public static void writeCsv(Path file, List<Prediction> predictions, List<String> classNames,
		List<Structure> structures, List<CapFit.Result> caps) throws IOException
	{
		if (structures != null && structures.size() != predictions.size())
			throw new IllegalArgumentException(structures.size() + " structures for " + predictions.size() + " predictions");
		if (caps != null && caps.size() != predictions.size())
			throw new IllegalArgumentException(caps.size() + " cap fits for " + predictions.size() + " predictions");
		AtomicFiles.write(file, stream -> {
			Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
			w.write("structure,prediction,probability,label");
			for (String c : classNames) w.write(",p_" + csv(c));
			w.write(",status,outside_training");
			if (structures != null) for (String c : GEOMETRY_COLUMNS) w.write("," + c);
			if (caps != null) for (String c : EXPLAIN_COLUMNS) w.write("," + c);
			w.write('\n');
			for (int i = 0; i < predictions.size(); i++) {
				Prediction p = predictions.get(i);
				w.write(csv(p.key()) + "," + (p.hasClass() ? csv(p.predicted()) + "," + fmt(p.probability()) : ",")
					+ "," + (p.knownLabel() == null ? "" : csv(p.knownLabel())));
				if (p.hasClass()) for (double q : p.probabilities()) w.write("," + fmt(q));
				else w.write(",".repeat(classNames.size()));
				w.write("," + csv(p.status()) + "," + csv(p.outsideTraining()));
				if (structures != null) {
					double[] g = geometryValues(structures.get(i));
					w.write("," + (long) g[0]);
					for (int k = 1; k < g.length; k++)
						w.write("," + (Double.isNaN(g[k]) ? "" : String.format(Locale.ROOT, "%.1f", g[k])));
				}
				if (caps != null)
					for (double v : explainValues(caps.get(i)))
						w.write("," + (Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v)));
				w.write('\n');
			}
			w.flush();
		});
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.6f", v);
	}

	static String csv(String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
