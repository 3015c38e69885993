package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

class LabellingSessionTest {

	private static StructureSet set(int n) {
		List<Structure> list = new ArrayList<>();
		for (int i = 0; i < n; i++) list.add(new Structure("s" + i, "test", new double[] { i, 0, 0 }, null));
		return new StructureSet(list);
	}

	private static Classification.Prediction prediction(String key, double pYes) {
		return new Classification.Prediction(key, pYes >= 0.5 ? "yes" : "no", Math.max(pYes, 1 - pYes),
			new double[] { 1 - pYes, pYes }, null, 0);
	}

	private static Map<String, String> read(Path file) throws IOException {
		return Labels.read(file).asMap();
	}

	private static Map<String, String> map(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
		return m;
	}

	@Test
	void uncertainFirstThenWithoutPrediction(@TempDir Path tmp) throws IOException {
		// s0: margin 0.8, s1: no prediction, s2: 0.02, s3: 0.4, s4: 0.02 (tie: file order)
		List<Classification.Prediction> p = List.of(prediction("s0", 0.9), prediction("s2", 0.49),
			prediction("s3", 0.3), prediction("s4", 0.51));
		LabellingSession s = new LabellingSession(set(5), null, tmp.resolve("labels.csv"), p,
			LabellingSession.Order.UNCERTAIN, 1);
		List<String> seen = new ArrayList<>();
		while (s.next().isPresent()) {
			String key = s.next().get().key();
			seen.add(key);
			s.skip(key);
		}
		assertEquals(List.of("s2", "s4", "s3", "s0", "s1"), seen);
		assertFalse(Files.exists(tmp.resolve("labels.csv")), "skips write nothing");
	}

	/** "Most uncertain first" without a model is file order, and the session says so until predictions come. */
	@Test
	void uncertainOrderWithoutAModelSaysItIsFileOrder(@TempDir Path tmp) throws IOException {
		LabellingSession s = new LabellingSession(set(5), null, tmp.resolve("l.csv"), List.of(),
			LabellingSession.Order.UNCERTAIN, 1);
		assertEquals("no model yet: file order until the first Retrain", s.orderNote());
		assertTrue(s.toString().contains("order: most uncertain first (no model yet: file order until the first "
			+ "Retrain)"), s.toString());
		assertFalse(s.hasPredictions());
		s.setPredictions(List.of(prediction("s3", 0.5)));
		assertEquals("", s.orderNote());
		assertTrue(s.hasPredictions());
		s.setPredictions(List.of());
		s.setOrder(LabellingSession.Order.FILE);
		assertEquals("", s.orderNote(), "file order is what it says");
	}

	@Test
	void randomOrderIsSeededAndFileOrderIsFileOrder(@TempDir Path tmp) throws IOException {
		List<String> a = walk(new LabellingSession(set(20), null, tmp.resolve("a.csv"), List.of(),
			LabellingSession.Order.RANDOM, 7));
		List<String> b = walk(new LabellingSession(set(20), null, tmp.resolve("b.csv"), List.of(),
			LabellingSession.Order.RANDOM, 7));
		assertEquals(a, b);
		assertTrue(!a.equals(set(20).keys()), "shuffled");
		assertEquals(set(20).keys(), walk(new LabellingSession(set(20), null, tmp.resolve("c.csv"))));
	}

	private static List<String> walk(LabellingSession s) {
		List<String> seen = new ArrayList<>();
		while (s.next().isPresent()) {
			seen.add(s.next().get().key());
			s.skip(seen.get(seen.size() - 1));
		}
		return seen;
	}

	@Test
	void everyStepIsWrittenAtOnceAndReopeningResumes(@TempDir Path tmp) throws IOException {
		Path file = tmp.resolve("sub").resolve("labels.csv");
		LabellingSession s = new LabellingSession(set(5), null, file);
		assertEquals(List.of("yes", "no"), s.classNames());
		assertTrue(s.isYesNo());

		s.label(s.next().get().key(), "yes");
		assertEquals(map("s0", "yes"), read(file));
		s.label(s.next().get().key(), "no");
		assertEquals(map("s0", "yes", "s1", "no"), read(file));
		assertEquals(Map.of("yes", 1, "no", 1), s.counts());
		assertEquals("s1", s.undo().get());
		assertEquals(map("s0", "yes"), read(file));
		assertEquals("s1", s.next().get().key(), "an undone structure comes back first");
		s.skip("s1");
		assertEquals(map("s0", "yes"), read(file));
		assertEquals("s2", s.next().get().key());
		s.label("s2", "no");
		assertEquals(map("s0", "yes", "s2", "no"), read(file));
		assertEquals(3, s.remaining());

		try (Stream<Path> files = Files.list(file.getParent())) {
			assertEquals(List.of(file), files.toList(), "atomic writes leave no temporary files");
		}

		LabellingSession reopened = new LabellingSession(set(5), null, file);
		assertEquals("s1", reopened.next().get().key(), "resumes at the first unlabelled structure");
		reopened.label("s1", "yes");
		assertEquals("s3", reopened.next().get().key());
		assertEquals(map("s0", "yes", "s2", "no", "s1", "yes"), read(file));
		assertEquals(Map.of("yes", 2, "no", 1), reopened.counts());
		assertFalse(reopened.undo().isEmpty());
		assertEquals(map("s0", "yes", "s2", "no"), read(file));
	}

	@Test
	void undoRestoresAnExistingRowAndOtherRowsAreKept(@TempDir Path tmp) throws IOException {
		Path file = tmp.resolve("labels.csv");
		// A row for other data, an empty label, and rows out of set order: all kept in place.
		Files.writeString(file, "roi,label\nother.csv,yes\ns1,\ns0,no\n");
		LabellingSession s = new LabellingSession(set(3), null, file);
		assertEquals("s1", s.next().get().key());
		s.label("s1", "yes");
		assertEquals(map("other.csv", "yes", "s1", "yes", "s0", "no"), read(file));
		s.undo();
		assertEquals(map("other.csv", "yes", "s1", null, "s0", "no"), read(file));
		assertTrue(Files.readString(file).startsWith("roi,label\n"), "the key column keeps its name");
		assertEquals(Map.of("yes", 0, "no", 1), s.counts(), "rows of other data are not counted");
	}

	@Test
	void multiClassLabelsAndUnknownClassRefused(@TempDir Path tmp) throws IOException {
		Path file = tmp.resolve("labels.csv");
		LabellingSession s = new LabellingSession(set(4), List.of("flat", "dome", "sphere"), file);
		assertFalse(s.isYesNo());
		s.label("s0", "dome");
		s.label("s1", "sphere");
		s.label("s2", "flat");
		assertEquals(map("s0", "dome", "s1", "sphere", "s2", "flat"), read(file));
		assertEquals(List.of("flat", "dome", "sphere"), List.copyOf(s.counts().keySet()));
		assertThrows(IllegalArgumentException.class, () -> s.label("s3", "cube"));
		assertEquals(3, read(file).size());

		// Reopened without class names: the file's classes are offered.
		LabellingSession again = new LabellingSession(set(4), null, file);
		assertEquals(List.of("dome", "flat", "sphere"), again.classNames());
		assertEquals("s3", again.next().get().key());
	}

	@Test
	void retrainRefreshesPredictionsAndCanBeCancelled(@TempDir Path tmp) throws IOException {
		StructureSet sim = new ClathrinSimulator(SimulationConfig.defaults().withCounts(14, 10).withSeed(3))
			.simulate(Progress.NONE).toStructureSet();
		List<Structure> stripped = new ArrayList<>();
		for (Structure st : sim) stripped.add(st.withLabel(null));
		LabellingSession s = new LabellingSession(new StructureSet(stripped), null, tmp.resolve("labels.csv"),
			List.of(), LabellingSession.Order.UNCERTAIN, 1);
		int given = 0;
		for (Structure st : sim)
			if (st.isLabelled() && given < 12) {
				s.label(st.key(), st.label());
				given++;
			}
		assertThrows(CancelledException.class, () -> s.retrain("lab", 1, new Progress() {
			@Override
			public void report(String stage, long done, long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		}));
		assertTrue(s.prediction(stripped.get(0).key()).isEmpty(), "a cancelled retrain changes nothing");

		Model m = s.retrain("lab", 1, Progress.NONE);
		assertEquals(List.of("no", "yes"), m.classNames());
		for (Structure st : stripped) assertTrue(s.prediction(st.key()).isPresent());
		// The next structure is now the most uncertain unlabelled one.
		String next = s.next().get().key();
		double best = LabellingSession.margin(s.prediction(next).get());
		for (Structure st : stripped)
			if (s.label(st.key()) == null)
				assertTrue(best <= LabellingSession.margin(s.prediction(st.key()).get()) + 1e-12);
	}

	@Test
	void extraColumnsOfTheUsersFileSurviveInAKeptCopy(@TempDir Path tmp) throws IOException {
		Path labels = tmp.resolve("labels.csv");
		String original = "structure,label,notes\ns0,yes,clear cup\ns1,,ask Anna\n";
		Files.writeString(labels, original);
		LabellingSession s = new LabellingSession(set(3), null, labels);
		assertNull(s.backup(), "nothing is copied before the first write");
		s.label("s1", "no");
		Path copy = tmp.resolve("labels.before-labelling.csv");
		assertEquals(copy, s.backup());
		assertEquals(original, Files.readString(copy));
		assertEquals(map("s0", "yes", "s1", "no"), read(labels));
		s.label("s2", "yes");
		assertEquals(original, Files.readString(copy), "the kept copy is never overwritten");
	}

	@Test
	void aPlainLabelsFileNeedsNoCopy(@TempDir Path tmp) throws IOException {
		Path labels = tmp.resolve("labels.csv");
		Files.writeString(labels, "structure,label\ns0,yes\n");
		LabellingSession s = new LabellingSession(set(2), null, labels);
		s.label("s1", "no");
		assertNull(s.backup());
		assertFalse(Files.exists(tmp.resolve("labels.before-labelling.csv")));
	}
}
