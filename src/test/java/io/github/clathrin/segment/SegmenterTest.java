package io.github.clathrin.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.Progress;

class SegmenterTest {

	@Test
	void findsEverySimulatedStructureAndOnlyOnePerCluster() {
		LocalizationTable cell = WholeCell.table(25, 3000, 3);
		Segmenter.Segmentation s = new Segmenter(SegmentConfig.DEFAULT).segment(cell, Progress.NONE);
		assertEquals(25, s.summary().kept(), s.summary().toString());
		double[] truth = cell.column(WholeCell.TRUTH).values();
		Set<Double> seen = new HashSet<>();
		for (Segmenter.Cluster c : s.clusters()) {
			if (c.verdict() != Segmenter.Verdict.KEPT) continue;
			Set<Double> sources = new HashSet<>();
			for (int r = 0; r < truth.length; r++)
				if (s.labels()[r] == c.id() && truth[r] > 0) sources.add(truth[r]);
			assertEquals(1, sources.size(), c.key() + " mixes structures " + sources);
			assertTrue(seen.addAll(sources), "two clusters for one structure");
		}
		assertEquals("cell-1", s.structures().get(0).key());
		int kept = 0;
		for (Structure st : s.structures()) kept += st.size();
		assertTrue(kept > 0);
	}

	@Test
	void filtersBySizeAndExtent() {
		// A 600 nm line of dense points: one cluster, too wide; a 5-point blob: too few.
		int n = 605;
		double[] x = new double[n], y = new double[n], z = new double[n];
		for (int i = 0; i < 600; i++) x[i] = i;
		for (int i = 600; i < n; i++) {
			x[i] = 10_000;
			y[i] = i - 600;
		}
		LocalizationTable t = LocalizationTable.builder(null, "test").column("x", "nm", x).column("y", "nm", y)
			.column("z", "nm", z).build();
		Segmenter.Segmentation s = new Segmenter(new SegmentConfig(5, 3, 10, 5000, 500)).segment(t, null);
		assertEquals(2, s.summary().found());
		assertEquals(0, s.summary().kept());
		assertEquals(1, s.summary().tooWide());
		assertEquals(1, s.summary().tooFew());
		s = new Segmenter(new SegmentConfig(5, 3, 1, 100, 1000)).segment(t, "t", null);
		assertEquals(1, s.summary().tooMany());
		assertEquals("t-1", s.structures().get(0).key());
		assertEquals(5, s.structures().get(0).size());
	}

	@Test
	void refusesBadConfigs() {
		assertThrows(IllegalArgumentException.class, () -> new SegmentConfig(0, 10, 30, 5000, 500));
		assertThrows(IllegalArgumentException.class, () -> new SegmentConfig(50, 10, 30, 20, 500));
		assertThrows(IllegalArgumentException.class, () -> new SegmentConfig(50, 10, 30, 5000, 0));
	}
}
