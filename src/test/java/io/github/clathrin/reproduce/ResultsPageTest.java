package io.github.clathrin.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.reproduce.ReproductionPlan.Section;
import io.github.clathrin.reproduce.ResultsPage.RunResult;

class ResultsPageTest {

	private static final Path OUT = Path.of("target", "results-page-test");

	private static List<Section> plan() {
		return ReproductionPlan.of(Path.of("../shared/data"), OUT, false);
	}

	private static Section section(String id) {
		return plan().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
	}

	/** What evaluate --json writes, for two rows. */
	private static Map<String, Object> json(String a, double accA, String b, double accB) {
		Map<String, Object> acc = new LinkedHashMap<>(), secs = new LinkedHashMap<>(), details = new LinkedHashMap<>();
		acc.put(a, accA);
		acc.put(b, accB);
		secs.put(a, 3.0);
		secs.put(b, 4.0);
		details.put(a, Map.of("per_class_accuracy", List.of(0.5, 1.0, 0.75)));
		return Map.of("accuracy", acc, "seconds", secs, "details", details);
	}

	@Test
	void everyRunIsAnEvaluateCommandThatWritesItsOwnJson() {
		for (Section s : plan()) {
			assertTrue(!s.runs().isEmpty(), s.id());
			for (ReproductionPlan.Run r : s.runs()) {
				assertEquals("evaluate", r.args().get(0), r.id());
				int j = r.args().indexOf("--json");
				assertTrue(j > 0 && r.args().get(j + 1).endsWith(r.id() + ".json"), r.command());
			}
		}
		long ids = plan().stream().flatMap(s -> s.runs().stream()).map(ReproductionPlan.Run::id).distinct().count();
		assertEquals(plan().stream().mapToInt(s -> s.runs().size()).sum(), ids, "run ids must be unique");
	}

	@Test
	void rowsSitBesideTheStudysFiguresWithTheirCommands() {
		Section g = section("geometries");
		Map<String, RunResult> results = Map.of("geometries-shallow",
			new RunResult(0, 12, json("kmeans", 0.61, "lab", 1.0)));
		String page = ResultsPage.markdown(List.of(g), results, OUT, List.of("header line"));
		assertTrue(page.contains("header line"), page);
		// kmeans: the study's 0.480 beside ours, with per-class figures
		assertTrue(page.contains("| `kmeans` | 0.480 | **0.610** | 0.500 | 1.000 | 0.750 |"), page);
		// the study's conv-ae row is listed although the deep run did not happen
		assertTrue(page.contains("| `conv-ae` | 0.690 | not run |"), page);
		assertTrue(page.contains("`lab` | 1.000 | yes"), "best row meets the 1.00 goal\n" + page);
		assertTrue(page.contains("./clathrin evaluate --dataset"), page);
		assertTrue(page.contains("**geometries-deep**: the study's autoencoders and the supervised 3D CNN (not run)"), page);
	}

	@Test
	void aMissedGoalAndAFailedRunAreSaidPlainly() {
		Section m = section("modelnet10");
		Map<String, RunResult> results = Map.of("modelnet10-pca", new RunResult(0, 50, json("pca", 0.88, "kmeans", 0.8)),
			"modelnet10-deep", new RunResult(1, 5, null));
		String page = ResultsPage.markdown(List.of(m), results, OUT, List.of());
		assertTrue(page.contains("`pca` | 0.880 | no |"), page);
		assertTrue(page.contains("(**failed**, exit code 1)"), page);
		assertEquals(Map.of("pca", 0.88, "kmeans", 0.8), accuracies(m, results));
	}

	@Test
	void variantsOfTheSameEncoderKeepTheirOwnRows() {
		Section o = section("origami");
		Map<String, RunResult> results = new LinkedHashMap<>();
		results.put("origami-encoders", new RunResult(0, 1, json("pca", 0.8, "lab", 0.95)));
		results.put("origami-pose", new RunResult(0, 1, json("pca", 0.9, "x", 0.1)));
		Map<String, Double> rows = accuracies(o, results);
		assertEquals(0.8, rows.get("pca"));
		assertEquals(0.9, rows.get("pca (pose z)"));
		String page = ResultsPage.markdown(List.of(o), results, OUT, List.of());
		assertTrue(page.contains("`lab` | 0.950 | yes"), page);
	}

	@Test
	void aRunThatOnlyDrawsTheCurveAddsNoRowsButItsTable() {
		Section s = section("storm");
		Map<String, Object> json = new LinkedHashMap<>(json("pca", 0.7, "lab", 0.9));
		json.put("unlabelledCurve", Map.of("unlabelled", List.of(0, 150), "accuracy", Map.of("pca", List.of(0.6, 0.7))));
		Map<String, RunResult> results = Map.of("storm-encoders", new RunResult(0, 1, json("pca", 0.8, "lab", 0.95)),
			"storm-curve", new RunResult(0, 1, json));
		assertEquals(Map.of("pca", 0.8, "lab", 0.95), accuracies(s, results));
		String page = ResultsPage.markdown(List.of(s), results, OUT, List.of());
		assertTrue(page.contains("| `pca` | 0.600 | 0.700 |"), page);
	}

	/** The rows of one section as name to accuracy. */
	private static Map<String, Double> accuracies(Section s, Map<String, RunResult> results) {
		Map<String, Double> m = new LinkedHashMap<>();
		for (ResultsPage.Row r : ResultsPage.rows(s, results)) m.put(r.name(), r.accuracy());
		return m;
	}
}
