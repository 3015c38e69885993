package io.github.clathrin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.EvaluationProtocol;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Voxelizer;

/**
 * The benchmark harness: CSV import against the ThunderSTORM-style loop, voxelization, and the
 * study's evaluation protocol on 899 simulated structures. Returns Markdown for docs/benchmarks.md.
 */
public final class Benchmarks {

	/** What to run. */
	/**
	 * @param deep the deep encoders' benchmarks, or null to skip them
	 * @param shallow whether to run the import, voxelization and shallow evaluation benchmarks
	 */
	public record Settings(long rows, boolean baseline, int structures, int labelled, Path workDir,
		DeepBenchmarks.Settings deep, boolean shallow)
	{
		public Settings(long rows, boolean baseline, int structures, int labelled, Path workDir) {
			this(rows, baseline, structures, labelled, workDir, null, true);
		}
	}

	private final Settings settings;
	private final Progress progress;
	private final List<String> lines = new ArrayList<>();
	private double speedUp = Double.NaN, evaluationSeconds = Double.NaN;

	public Benchmarks(Settings settings, Progress progress) {
		this.settings = settings;
		this.progress = progress;
	}

	public String run() throws IOException {
		Files.createDirectories(settings.workDir());
		String deep = "";
		SimulatedDataset data = new ClathrinSimulator(SimulationConfig.defaults()
			.withCounts(settings.structures(), settings.labelled())).simulate(progress);
		// The deep benchmarks go first: their peak memory reading is then their own.
		if (settings.deep() != null) deep = new DeepBenchmarks(settings.deep(), progress).run(data.toStructureSet());
		if (!settings.shallow()) return deep;
		csvImport();
		voxelization(data.toStructureSet());
		evaluation(data);
		goals();
		return String.join("\n", lines) + "\n" + (deep.isEmpty() ? "" : "\n" + deep);
	}

	private void csvImport() throws IOException {
		Path csv = settings.workDir().resolve("bench-" + settings.rows() + ".csv");
		try {
			progress.report("Writing a " + settings.rows() + "-row ThunderSTORM CSV", 0, 1);
			SyntheticCsv.write(csv, settings.rows(), 42);
			double mb = Files.size(csv) / 1e6;
			lines.add("## CSV import\n");
			lines.add(String.format(Locale.ROOT, "A generated ThunderSTORM 3D CSV: %,d rows x 12 columns, %.0f MB "
				+ "(best of 3 runs after one warm-up run).%n", settings.rows(), mb));
			lines.add("| importer | seconds | MB/s | rows/s |");
			lines.add("|---|---|---|---|");
			double best = Double.MAX_VALUE;
			for (int run = 0; run < 4; run++) {
				long t = System.nanoTime();
				LocalizationTable table = LocalizationReaders.read(csv, ReadOptions.DEFAULT, progress);
				double s = (System.nanoTime() - t) / 1e9;
				if (table.rowCount() != settings.rows()) throw new IllegalStateException("read " + table.rowCount() + " rows");
				if (run > 0) best = Math.min(best, s);
			}
			lines.add(row("Clathrin Classifier `LocalizationReaders`", best, mb));
			if (settings.baseline()) {
				long t = System.nanoTime();
				long rows = ThunderStormStyleBaseline.read(csv, new double[1]);
				double s = (System.nanoTime() - t) / 1e9;
				if (rows != settings.rows()) throw new IllegalStateException("baseline read " + rows + " rows");
				lines.add(row("ThunderSTORM's import loop (Scanner + split + parseDouble), one run", s, mb));
				speedUp = s / best;
				lines.add(String.format(Locale.ROOT, "%nSpeed-up over the ThunderSTORM-style loop: %.1fx. ThunderSTORM "
					+ "is not on Maven Central, so the baseline re-creates the loop of its delimited-text importer "
					+ "(without its per-row progress call, which would only slow it further).%n", speedUp));
			}
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (var paths = Files.walk(dir)) {
			for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
		}
	}

	private void goals() {
		lines.add("\n## Goals\n");
		lines.add("| goal | measured | met |");
		lines.add("|---|---|---|");
		if (!Double.isNaN(speedUp)) lines.add(String.format(Locale.ROOT,
			"| CSV import much faster than ThunderSTORM's import loop (at least 3x) | %.1fx | %s |", speedUp,
			speedUp >= 3 ? "yes" : "no"));
		lines.add(String.format(Locale.ROOT, "| 5-fold evaluation of pca+kmeans+lab on %d structures in a few seconds "
			+ "(under 15 s) | %.1f s | %s |", settings.structures(), evaluationSeconds, evaluationSeconds < 15 ? "yes" : "no"));
	}

	private String row(String name, double seconds, double mb) {
		return String.format(Locale.ROOT, "| %s | %.2f | %.0f | %,.0f |", name, seconds, mb / seconds,
			settings.rows() / seconds);
	}

	private void voxelization(StructureSet set) {
		Voxelizer voxelizer = new Voxelizer(VoxelConfig.DEFAULT);
		long points = 0;
		for (Structure s : set.structures()) points += s.size();
		double best = Double.MAX_VALUE;
		for (int run = 0; run < 6; run++) {
			long t = System.nanoTime();
			for (Structure s : set.structures()) voxelizer.voxelize(s.points());
			if (run > 0) best = Math.min(best, (System.nanoTime() - t) / 1e9);
		}
		lines.add("## Voxelization\n");
		lines.add(String.format(Locale.ROOT, "%d simulated structures, %,d localizations, 30^3 grid, one thread: "
			+ "%.3f s, **%,.0f points/s** (best of 5 after a warm-up).%n", set.size(), points, best, points / best));
	}

	private void evaluation(SimulatedDataset data) throws IOException {
		Path dir = settings.workDir().resolve("bench-structures");
		deleteTree(dir); // our own scratch folder from an earlier run
		data.write(dir, progress);
		long t = System.nanoTime();
		StructureSet set = StructureLoader.fromPath(dir.resolve(SimulatedDataset.STRUCTURES_DIR), null,
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE), progress);
		set = io.github.clathrin.structures.Labels.read(dir.resolve(SimulatedDataset.LABELS)).apply(set).structures();
		double load = (System.nanoTime() - t) / 1e9;
		t = System.nanoTime();
		EvaluationReport report = EvaluationProtocol.run(set, VoxelConfig.DEFAULT,
			List.of("pca", "kmeans", "lab"), 5, 1, progress);
		double protocol = (System.nanoTime() - t) / 1e9;
		evaluationSeconds = load + protocol;
		lines.add("## Evaluation protocol\n");
		lines.add(String.format(Locale.ROOT, "`evaluate --encoders pca,kmeans,lab --folds 5` on %d simulated structures "
			+ "(%d labelled): loading the %d files %.2f s, voxelizing, fitting the encoders and nested "
			+ "cross-validation %.2f s, **%.2f s in all**.%n", set.size(), report.labelled(), set.size(), load,
			protocol, load + protocol));
		lines.add("```");
		lines.add(report.table());
		lines.add("```");
	}
}
