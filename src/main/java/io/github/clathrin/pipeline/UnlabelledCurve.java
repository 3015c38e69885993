package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * The study's semi-supervised experiment: how cross-validated accuracy changes with the number of
 * unlabelled structures the encoder learns from (and, with label spreading, spreads labels to). For
 * each count n the encoder learns from all labelled structures plus the first n of one seeded random
 * order of the unlabelled ones, so each step adds structures to the previous step's.
 */
public final class UnlabelledCurve {

	/**
	 * @param steps the unlabelled counts, ascending
	 * @param accuracy per row name (encoder, encoder+spread, baseline), accuracy at each step
	 * @param reports the full report at each step
	 */
	public record Result(int[] steps, Map<String, double[]> accuracy, List<EvaluationReport> reports) {

		/** A plain-text table: one row per encoder row, one column per unlabelled count. */
		public String table() {
			int w = 16;
			for (String k : accuracy.keySet()) w = Math.max(w, k.length());
			String name = "%-" + w + "s";
			StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, name, "unlabelled used"));
			for (int n : steps) sb.append(String.format(Locale.ROOT, " %7d", n));
			accuracy.forEach((row, acc) -> {
				sb.append(String.format(Locale.ROOT, "%n" + name, row));
				for (double a : acc) sb.append(String.format(Locale.ROOT, " %7.3f", a));
			});
			return sb.toString();
		}

		public Map<String, Object> toMap() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("unlabelled", steps);
			m.put("accuracy", accuracy);
			return m;
		}
	}

	private UnlabelledCurve() {}

	/** Parses "0,100,300,619" into ascending distinct counts. */
	public static int[] parseSteps(String text) {
		try {
			int[] steps = IntStream.of(java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
				.mapToInt(Integer::parseInt).toArray()).distinct().sorted().toArray();
			if (steps.length == 0 || steps[0] < 0) throw new NumberFormatException();
			return steps;
		}
		catch (NumberFormatException e) {
			throw new InputException("unlabelled steps must be counts >= 0 separated by commas (e.g. 0,100,300,619), got '"
				+ text + "'");
		}
	}

	public static Result run(StructureSet set, VoxelConfig voxels, EvaluationProtocol.Settings settings, int[] steps,
		Progress progress)
	{
		for (String e : settings.encoders()) Encoders.create(e, settings.options(e));
		Training.Labelled labelled = Training.Labelled.of(set);
		int n = set.structures().size();
		int[] unlabelled = Encodings.complement(n, labelled.indices());
		if (steps[steps.length - 1] > unlabelled.length)
			throw new InputException("unlabelled steps go up to " + steps[steps.length - 1] + " but the data has only "
				+ unlabelled.length + " unlabelled structures");
		shuffle(unlabelled, settings.seed());
		Featurizer.Samples all = Featurizer.samples(set.structures(), voxels, progress);
		List<Sample> samples = all.samples();

		Map<String, double[]> accuracy = new LinkedHashMap<>();
		List<EvaluationReport> reports = new ArrayList<>();
		Map<String, List<EvaluationReport.Row>> supervised = new HashMap<>();
		for (int s = 0; s < steps.length; s++) {
			// In structure order, so the last step with every unlabelled structure is exactly the plain evaluation.
			int[] pool = IntStream.concat(IntStream.of(labelled.indices()), IntStream.of(unlabelled).limit(steps[s]))
				.sorted().toArray();
			Progress within = progress.prefixed("Unlabelled " + steps[s] + ": ");
			List<EvaluationReport.Row> rows = new ArrayList<>();
			Map<String, Double> reconstruction = new LinkedHashMap<>();
			for (String name : settings.encoders()) {
				// A supervised encoder never sees unlabelled structures: its rows are the same at every step.
				if (Encoders.isSupervised(name) && supervised.containsKey(name)) {
					rows.addAll(supervised.get(name));
					continue;
				}
				List<EvaluationReport.Row> r = EvaluationProtocol.rowsFor(name, samples, pool, labelled, voxels, settings,
					reconstruction, within);
				if (Encoders.isSupervised(name)) supervised.put(name, r);
				rows.addAll(r);
			}
			for (EvaluationReport.Row r : rows)
				accuracy.computeIfAbsent(r.name(), k -> new double[steps.length])[s] = r.evaluation().accuracy();
			reports.add(new EvaluationReport(rows, labelled.classNames(), pool.length, labelled.indices().length,
				settings.folds(), reconstruction));
		}
		return new Result(steps.clone(), accuracy, reports);
	}

	private static void shuffle(int[] a, long seed) {
		SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
		for (int i = a.length - 1; i > 0; i--) {
			int j = rnd.nextInt(i + 1);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}
}
