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
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.Progress;

/** Applies a trained model to structures and writes the results table. */
public final class Classification {

	/**
	 * The model's answer for one structure.
	 *
	 * @param key structure key
	 * @param predicted most probable class name
	 * @param probability its probability
	 * @param probabilities probability of every class, in the model's class order
	 * @param knownLabel the label a person gave, or null
	 * @param outsideBox localizations that fell outside the model's voxel box (not seen by the model)
	 */
	public record Prediction(String key, String predicted, double probability, double[] probabilities,
		String knownLabel, long outsideBox) {}

	private Classification() {}

	public static List<Prediction> classify(Model model, StructureSet set, Progress progress) {
		List<Structure> structures = set.structures();
		Featurizer.Samples samples = Featurizer.samples(structures, model.voxels(), progress);
		double[][] x = Encoders.encodeAll(model.encoder(), samples.samples(), progress);
		Augmenter testTime = TestTimeAveraging.of(model);
		double[][][] copies = testTime == null ? null : Encodings.copies(model.encoder(), samples.samples(),
			IntStream.range(0, x.length).toArray(), testTime, progress);
		List<Prediction> out = new ArrayList<>(x.length);
		for (int i = 0; i < x.length; i++) {
			double[] p = TestTimeAveraging.probabilities(model.classifier(), x[i], copies == null ? null : copies[i]);
			int best = 0;
			for (int c = 1; c < p.length; c++)
				if (p[c] > p[best]) best = c;
			Structure s = structures.get(i);
			out.add(new Prediction(s.key(), model.classNames().get(best), p[best], p, s.label(),
				samples.outside()[i]));
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
			CapFit.Result r = s.size() == 0 ? null : CapFit.fit(s.points(), CapFit.Settings.NANOMETRES);
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
	 * Writes results as CSV: structure, prediction, probability, label (known label or empty), then one
	 * probability column per class. Numbers have fixed precision so that runs compare byte for byte.
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
		if (caps != null && caps.size() != predictions.size())
			throw new IllegalArgumentException(caps.size() + " cap fits for " + predictions.size() + " predictions");
		AtomicFiles.write(file, stream -> {
			Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
			w.write("structure,prediction,probability,label");
			for (String c : classNames) w.write(",p_" + csv(c));
			if (caps != null) for (String c : EXPLAIN_COLUMNS) w.write("," + c);
			w.write('\n');
			for (int i = 0; i < predictions.size(); i++) {
				Prediction p = predictions.get(i);
				w.write(csv(p.key()) + "," + csv(p.predicted()) + "," + fmt(p.probability()) + ","
					+ (p.knownLabel() == null ? "" : csv(p.knownLabel())));
				for (double q : p.probabilities()) w.write("," + fmt(q));
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
