package io.github.clathrin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.clathrin.augment.Augmentation;
import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.pipeline.Enlargement;
import io.github.clathrin.pipeline.EvaluationProtocol;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.pipeline.Featurizer;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * The deep encoders' benchmarks: training throughput, memory while streaming tens of thousands of
 * augmented samples, encoding throughput of every encoder, and the full evaluation of the deep encoders
 * next to PCA. Returns Markdown for docs/benchmarks.md.
 */
public final class DeepBenchmarks {

	/**
	 * @param streamedSamples augmented samples for the streaming run (the study: over 60,000)
	 * @param evaluationEpochs epochs for the full evaluation, or null for the encoders' defaults
	 */
	public record Settings(int streamedSamples, Integer evaluationEpochs) {}

	private final Settings settings;
	private final Progress progress;
	private final List<String> lines = new ArrayList<>();
	private double convSamplesPerSecond = Double.NaN;

	public DeepBenchmarks(Settings settings, Progress progress) {
		this.settings = settings;
		this.progress = progress;
	}

	public String run(StructureSet set) {
		List<Sample> samples = Featurizer.samples(set.structures(), VoxelConfig.DEFAULT, progress).samples();
		streaming(samples); // first, so the process's peak memory is this run's
		Map<String, Encoder> fitted = throughput(set, samples);
		encoding(samples, fitted);
		evaluation(set);
		lines.add("\n## Deep encoder goals\n");
		lines.add("| goal | measured | met |");
		lines.add("|---|---|---|");
		lines.add(String.format(Locale.ROOT, "| conv-ae training at least 50 volumes/s at 30^3 on 2 cores | %.1f/s | %s |",
			convSamplesPerSecond, convSamplesPerSecond >= 50 ? "yes" : "no"));
		return String.join("\n", lines) + "\n";
	}

	private void streaming(List<Sample> samples) {
		int copies = Math.max(0, (int) Math.ceil(settings.streamedSamples() / (double) samples.size()) - 1);
		Augmenter augmenter = new Augmenter(VoxelConfig.DEFAULT, Augmentation.copies(copies), 1);
		Encoder conv = Encoders.create("conv-ae", Map.of("epochs", 1, "validation", 0.05));
		long heapBefore = heapPeakBytes();
		long t = System.nanoTime();
		conv.fit(samples, augmenter, 1, progress);
		double s = (System.nanoTime() - t) / 1e9;
		long trained = Math.round(samples.size() * 0.95) * (copies + 1L);
		lines.add("## Deep encoders: streaming augmented training\n");
		lines.add(String.format(Locale.ROOT, "conv-ae, one epoch over %d structures x %d copies each = %,d augmented "
			+ "samples (95%% of structures for training, rotations about z, flips, shifts up to 10 nm), made on the fly: "
			+ "%.0f s, %.1f samples/s. Peak resident memory of the whole process (JVM heap + ND4J's native buffers) "
			+ "%s; peak Java heap %.2f GB (before: %.2f GB) of at most %.1f GB. The augmented volumes alone would take "
			+ "%.1f GB as floats; only a batch at a time exists.%n", samples.size(), copies + 1, trained, s, trained / s,
			peakRss(), heapPeakBytes() / 1e9, heapBefore / 1e9, Runtime.getRuntime().maxMemory() / 1e9,
			trained * 27000.0 * 4 / 1e9));
	}

	private Map<String, Encoder> throughput(StructureSet set, List<Sample> samples) {
		lines.add("## Deep encoders: training throughput\n");
		lines.add(String.format(Locale.ROOT, "One epoch over the %d structures (no augmentation), 30^3 volumes, "
			+ "default architecture and batch size; samples/s counts training samples only (the validation pass and "
			+ "network set-up are inside the time, so this is a lower bound).%n", samples.size()));
		lines.add("| encoder | seconds | training samples/s |");
		lines.add("|---|---|---|");
		Map<String, Encoder> fitted = new LinkedHashMap<>();
		int[] y = labels(set);
		List<Sample> labelled = new ArrayList<>();
		List<Integer> yl = new ArrayList<>();
		for (int i = 0; i < y.length; i++)
			if (y[i] >= 0) {
				labelled.add(samples.get(i));
				yl.add(y[i]);
			}
		for (String name : List.of("dense-ae", "conv-ae", "sparse-conv-ae", "cnn")) {
			Encoder e = Encoders.create(name, Map.of("epochs", 1));
			long t = System.nanoTime();
			int n;
			if (e instanceof SupervisedEncoder s) {
				s.fitLabelled(labelled, yl.stream().mapToInt(Integer::intValue).toArray(), set.classNames().size(),
					Augmenter.none(), 1, progress);
				n = labelled.size();
			}
			else {
				e.fit(samples, Augmenter.none(), 1, progress);
				n = samples.size();
			}
			double sec = (System.nanoTime() - t) / 1e9;
			double trained = Math.round(n * 0.9); // the default validation split holds out a tenth
			if (name.equals("conv-ae")) convSamplesPerSecond = trained / sec;
			lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", name, sec, trained / sec));
			fitted.put(name, e);
		}
		return fitted;
	}

	private void encoding(List<Sample> samples, Map<String, Encoder> deep) {
		lines.add("\n## Encoding throughput (classify)\n");
		lines.add(String.format(Locale.ROOT, "Encoding the %d voxelized structures with a fitted encoder (best of 3), "
			+ "what `classify` does after voxelizing.%n", samples.size()));
		lines.add("| encoder | structures/s |");
		lines.add("|---|---|");
		Map<String, Encoder> all = new LinkedHashMap<>();
		for (String name : List.of("pca", "kmeans", "lab")) {
			Encoder e = Encoders.create(name, Map.of());
			e.fit(samples, 1, progress);
			all.put(name, e);
		}
		all.putAll(deep);
		all.forEach((name, e) -> {
			double best = Double.MAX_VALUE;
			for (int run = 0; run < 4; run++) {
				long t = System.nanoTime();
				Encoders.encodeAll(e, samples, Progress.NONE);
				if (run > 0) best = Math.min(best, (System.nanoTime() - t) / 1e9);
			}
			lines.add(String.format(Locale.ROOT, "| %s | %,.0f |", name, samples.size() / best));
		});
	}

	private void evaluation(StructureSet set) {
		List<String> encoders = List.of("pca", "dense-ae", "conv-ae", "sparse-conv-ae", "cnn");
		Map<String, Map<String, Object>> options = new LinkedHashMap<>();
		if (settings.evaluationEpochs() != null)
			for (String e : encoders)
				if (Encoders.isDeep(e)) options.put(e, Map.of("epochs", settings.evaluationEpochs()));
		long t = System.nanoTime();
		EvaluationReport report = EvaluationProtocol.run(set, VoxelConfig.DEFAULT,
			new EvaluationProtocol.Settings(encoders, options, 5, 1, Enlargement.NONE), progress);
		double s = (System.nanoTime() - t) / 1e9;
		lines.add("\n## Deep encoders: evaluation\n");
		lines.add(String.format(Locale.ROOT, "`./clathrin evaluate --input STRUCTURES --labels labels.csv --encoders %s%s` "
			+ "on the %d simulated structures (%d labelled), 5-fold cross-validation, %.0f s in all:%n",
			String.join(",", encoders), settings.evaluationEpochs() == null ? "" : " --epochs " + settings.evaluationEpochs(),
			set.size(), report.labelled(), s));
		lines.add("```");
		lines.add(report.table());
		lines.add("```");
	}

	/**
	 * Trains a supervised deep encoder on the train split of an .npz with X_train/y_train and X_test/y_test
	 * (ModelNet10) and reports its accuracy on the test split and the training time. Everything the
	 * training decides (early stopping included) sees the train split only.
	 *
	 * @throws io.github.clathrin.task.InputException if the file lacks either split or labels, or the encoder is not supervised
	 */
	public static String officialSplit(Path npz, String encoder, Map<String, Object> options, long seed, Progress progress)
		throws IOException
	{
		StructureSet set = StructureLoader.fromPath(npz, null, null, progress);
		List<Sample> train = new ArrayList<>(), test = new ArrayList<>();
		List<Integer> trainY = new ArrayList<>(), testY = new ArrayList<>();
		List<String> classes = new ArrayList<>();
		for (Structure s : set.structures())
			if (s.label() != null && !classes.contains(s.label())) classes.add(s.label());
		// Class ids in numeric order ("2" before "10"), so class c is label c as the file numbers them.
		classes.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
		for (Structure s : set.structures()) {
			boolean isTrain = s.key().startsWith("train/");
			if (!isTrain && !s.key().startsWith("test/")) continue;
			if (s.label() == null) throw InputException.inFile(npz, "structure " + s.key() + " has no label: expected y_train and y_test");
			(isTrain ? train : test).add(new Sample(s.volume(), null));
			(isTrain ? trainY : testY).add(classes.indexOf(s.label()));
		}
		if (train.isEmpty() || test.isEmpty())
			throw InputException.inFile(npz, "expected arrays X_train/y_train and X_test/y_test (the official split), found "
				+ train.size() + " train and " + test.size() + " test volumes");
		Encoder e;
		try {
			e = Encoders.create(encoder, options);
		}
		catch (IllegalArgumentException bad) {
			throw new InputException(encoder + ": " + bad.getMessage());
		}
		if (!(e instanceof SupervisedEncoder supervised))
			throw new InputException("encoder " + encoder + " learns without labels: the official-split run needs a supervised one (cnn)");
		long t = System.nanoTime();
		supervised.fitLabelled(train, trainY.stream().mapToInt(Integer::intValue).toArray(), classes.size(), Augmenter.none(), seed, progress);
		double fitSeconds = (System.nanoTime() - t) / 1e9;
		t = System.nanoTime();
		double[][] p = Encoders.encodeAll(e, test, progress);
		double testSeconds = (System.nanoTime() - t) / 1e9;
		int[] correct = new int[classes.size()], total = new int[classes.size()];
		int right = 0;
		for (int i = 0; i < p.length; i++) {
			int best = 0;
			for (int c = 1; c < p[i].length; c++) if (p[i][c] > p[i][best]) best = c;
			int y = testY.get(i);
			total[y]++;
			if (best == y) {
				correct[y]++;
				right++;
			}
		}
		Map<String, Object> params = e.parameters();
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%s on %s: %d train, %d test volumes, %d classes, seed %d%n", encoder, npz.getFileName(),
			train.size(), test.size(), classes.size(), seed));
		out.append("options: ").append(options).append('\n');
		out.append("architecture: ").append(params.get("architecture")).append('\n');
		out.append(String.format(Locale.ROOT, "parameters %s, best epoch %s, stopped early at %s, %.1f samples/s%n",
			params.get("parameterCount"), params.get("bestEpoch"), params.get("stoppedEarlyAt"),
			((Number) params.getOrDefault("samplesPerSecond", Double.NaN)).doubleValue()));
		out.append("history: ").append(params.get("history")).append('\n');
		out.append(String.format(Locale.ROOT, "training wall time %.0f s (%s), test encoding %.1f s%n", fitSeconds,
			minutes(fitSeconds), testSeconds));
		StringBuilder perClass = new StringBuilder();
		for (int c = 0; c < classes.size(); c++)
			perClass.append(String.format(Locale.ROOT, " %s:%.3f", classes.get(c), correct[c] / (double) Math.max(1, total[c])));
		out.append("per-class accuracy:").append(perClass).append('\n');
		out.append(String.format(Locale.ROOT, "TEST ACCURACY %.4f (%d of %d)%n", right / (double) p.length, right, p.length));
		return out.toString();
	}

	private static String minutes(double seconds) {
		long s = Math.round(seconds);
		return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

	private static int[] labels(StructureSet set) {
		List<String> names = set.classNames();
		List<Structure> list = set.structures();
		int[] y = new int[list.size()];
		for (int i = 0; i < y.length; i++) y[i] = list.get(i).label() == null ? -1 : names.indexOf(list.get(i).label());
		return y;
	}

	/** The process's peak resident set (VmHWM) on Linux, or "unknown". */
	static String peakRss() {
		try {
			for (String l : Files.readAllLines(Path.of("/proc/self/status")))
				if (l.startsWith("VmHWM:"))
					return String.format(Locale.ROOT, "%.2f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1e6);
		}
		catch (IOException | RuntimeException e) {
			// not Linux
		}
		return "unknown";
	}

	private static long heapPeakBytes() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
		return sum;
	}
}
