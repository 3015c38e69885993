package io.github.clathrin.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.reproduce.ReproductionPlan;
import io.github.clathrin.reproduce.ReproductionPlan.Run;
import io.github.clathrin.reproduce.ReproductionPlan.Section;
import io.github.clathrin.reproduce.ResultsPage;
import io.github.clathrin.reproduce.ResultsPage.RunResult;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clathrin reproduce}: runs every row of the study's tables (and ours) as plain commands and writes
 * {@code results.md}. Finished runs are kept in {@code DIR/runs}, so an interrupted reproduction resumes where it
 * stopped, and one section can be rerun alone.
 */
@Command(name = "reproduce", description = "Run the study's experiments (Geometries, ModelNet10, DNA-origami "
	+ "particles, simulated STORM) next to ours and write DIR/results.md.")
final class ReproduceCommand implements Callable<Integer> {

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (results.md, runs/, "
		+ "figures/, data/).")
	Path out;

	@Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR",
		description = "The shared data folder with modelnet10/ and particles/ (default ../shared/data).")
	Path data;

	@Option(names = "--quick", description = "A few minutes in all: fewer rows, one epoch per deep encoder, a smaller "
		+ "simulated STORM set (for CI; the figures are not the study's).")
	boolean quick;

	@Option(names = "--only", split = ",", paramLabel = "LIST",
		description = "Run only these sections: geometries, modelnet10, origami, storm (results.md still shows all "
			+ "finished runs).")
	List<String> only;

	@Option(names = "--fresh", description = "Rerun every run, even those DIR/runs holds from an earlier call.")
	boolean fresh;

	private static final Gson GSON = new Gson();

	@Override
	public Integer call() throws IOException {
		for (String s : only == null ? List.<String> of() : only)
			if (!ReproductionPlan.SECTIONS.contains(s))
				throw new InputException("unknown section '" + s + "' in --only; choose from " + ReproductionPlan.SECTIONS);
		List<Section> sections = ReproductionPlan.of(data, out, quick);
		List<Section> chosen = sections.stream().filter(s -> only == null || only.contains(s.id())).toList();
		checkData(chosen);
		Files.createDirectories(out.resolve("runs"));
		Files.createDirectories(out.resolve("figures"));

		long start = System.nanoTime();
		int total = chosen.stream().mapToInt(s -> s.prepare().size() + s.runs().size()).sum(), done = 0, failed = 0;
		for (Section s : chosen) {
			for (Run run : concat(s.prepare(), s.runs())) {
				done++;
				RunResult cached = fresh ? null : cached(run);
				if (cached != null) {
					System.err.printf(Locale.ROOT, "reproduce [%d/%d] %s: kept from an earlier call (%.0f s)%n", done, total,
						run.id(), cached.seconds());
					continue;
				}
				System.err.printf(Locale.ROOT, "reproduce [%d/%d] %s%n  %s%n", done, total, run.id(), run.command());
				if (execute(run).exitCode() != 0) failed++;
			}
		}
		double wall = (System.nanoTime() - start) / 1e9;

		Map<String, RunResult> results = new LinkedHashMap<>();
		double runSeconds = 0;
		for (Section s : sections)
			for (Run run : concat(s.prepare(), s.runs())) {
				RunResult r = cached(run);
				if (r == null) r = failedEarlier(run);
				if (r == null) continue;
				results.put(run.id(), r);
				runSeconds += r.seconds();
			}
		Path page = out.resolve("results.md");
		AtomicFiles.writeString(page, ResultsPage.markdown(sections, results, out, header(wall, runSeconds)));
		System.out.println("Results written to " + page + (failed > 0 ? " (" + failed + " runs failed: see above)" : ""));
		return failed == 0 ? 0 : 1;
	}

	private void checkData(List<Section> chosen) {
		for (Section s : chosen) {
			Path need = switch (s.id()) {
			case "modelnet10" -> data.resolve("modelnet10").resolve("modelnet10.npz");
			case "origami" -> data.resolve("particles").resolve("origami-cuboctahedra");
			default -> null;
			};
			if (need != null && !Files.exists(need))
				throw new InputException(need + ": not found; the " + s.id() + " section needs it (give the shared data "
					+ "folder with --data, or leave the section out with --only)");
		}
	}

	/** Runs one command in this JVM, as the user would from a shell, and records how it went. */
	private RunResult execute(Run run) throws IOException {
		long t = System.nanoTime();
		int code;
		try {
			code = Main.run(run.args().toArray(String[]::new));
		}
		catch (RuntimeException | OutOfMemoryError e) {
			System.err.println("reproduce: " + run.id() + " failed: " + e);
			code = 1;
		}
		double seconds = (System.nanoTime() - t) / 1e9;
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("args", run.args());
		meta.put("exitCode", code);
		meta.put("seconds", seconds);
		meta.put("finished", Instant.now().toString());
		AtomicFiles.writeString(metaFile(run), ModelFile.toJson(meta) + "\n");
		return new RunResult(code, seconds, code == 0 ? json(run) : null);
	}

	/** The result of an earlier successful call with the same arguments, or null. */
	private RunResult cached(Run run) {
		Map<String, Object> meta = readJson(metaFile(run));
		if (meta == null || !run.args().equals(meta.get("args")) || !(meta.get("exitCode") instanceof Number c)
			|| c.intValue() != 0)
			return null;
		Map<String, Object> json = json(run);
		if (run.args().contains("--json") && json == null) return null;
		return new RunResult(0, ((Number) meta.get("seconds")).doubleValue(), json);
	}

	private RunResult failedEarlier(Run run) {
		Map<String, Object> meta = readJson(metaFile(run));
		if (meta == null || !run.args().equals(meta.get("args")) || !(meta.get("exitCode") instanceof Number c))
			return null;
		return new RunResult(c.intValue(), ((Number) meta.get("seconds")).doubleValue(), null);
	}

	private Map<String, Object> json(Run run) {
		int i = run.args().indexOf("--json");
		return i < 0 ? null : readJson(Path.of(run.args().get(i + 1)));
	}

	private Path metaFile(Run run) {
		return out.resolve("runs").resolve(run.id() + ".run.json");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readJson(Path file) {
		if (!Files.isRegularFile(file)) return null;
		try {
			return GSON.fromJson(Files.readString(file), Map.class);
		}
		catch (IOException | JsonParseException e) {
			return null; // a damaged record only means the run is done again
		}
	}

	private List<String> header(double wall, double runSeconds) {
		List<String> h = new ArrayList<>();
		StringBuilder cmd = new StringBuilder("./clathrin reproduce --out " + out);
		if (!data.equals(Path.of("../shared/data"))) cmd.append(" --data ").append(data);
		if (quick) cmd.append(" --quick");
		h.add("Made by `" + cmd + "`" + (only == null ? "" : " (sections run with `--only " + String.join(",", only)
			+ "` in separate calls)") + ", finished " + Instant.now().toString().substring(0, 16).replace('T', ' ')
			+ " UTC" + (quick ? ", in quick mode: smaller sets and one epoch per deep encoder, so these figures are "
				+ "not the study's" : "") + ".");
		long ram = 0;
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
			ram = os.getTotalMemorySize();
		h.add("");
		h.add(String.format(Locale.ROOT, "Machine: %d cores, %.0f GB RAM, %s %s, Java %s, no GPU. Wall time of all "
			+ "runs: %.1f min (this call: %.1f min).", Runtime.getRuntime().availableProcessors(), ram / 1e9,
			System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
			runSeconds / 60, wall / 60));
		return h;
	}

	private static List<Run> concat(List<Run> a, List<Run> b) {
		List<Run> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
