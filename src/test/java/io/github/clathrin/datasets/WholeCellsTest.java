package io.github.clathrin.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.task.Progress;

/** A simulated screen: seeded, ROI-free whole cells whose coats DBSCAN finds back, a fifth of each cell background. */
class WholeCellsTest {

	@Test
	void aScreenIsSeededRoiFreeAndItsCoatsAreFound(@TempDir Path tmp) throws Exception {
		long start = System.nanoTime();
		List<Path> a = WholeCells.screen(tmp.resolve("a"), 20, 6, 11, Progress.NONE);
		assertTrue((System.nanoTime() - start) / 1e9 < 20, "a 20-cell test screen takes seconds");
		List<Path> b = WholeCells.screen(tmp.resolve("b"), 3, 6, 11, Progress.NONE);
		assertEquals(20, a.size());
		assertEquals("cell-001.csv", a.get(0).getFileName().toString());
		for (int i = 0; i < 3; i++)
			assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
		assertFalse(Arrays.equals(Files.readAllBytes(a.get(0)), Files.readAllBytes(a.get(1))), "each cell its own seed");
		List<Path> other = WholeCells.screen(tmp.resolve("c"), 1, 6, 12, Progress.NONE);
		assertFalse(Arrays.equals(Files.readAllBytes(a.get(0)), Files.readAllBytes(other.get(0))));

		LocalizationTable t = LocalizationReaders.read(a.get(0), ReadOptions.DEFAULT, Progress.NONE);
		assertEquals(List.of("x", "y", "z"), t.columns().stream().map(LocalizationTable.Column::name).toList());
		assertTrue(StructureLoader.groupColumns(t).isEmpty(), "no ROI column");
		Segmenter.Segmentation s = new Segmenter(SegmentConfig.DEFAULT).segment(t, Progress.NONE);
		assertEquals(6, s.structures().size(), s.summary().toString());
		double background = s.summary().noise() / (double) t.rowCount();
		assertTrue(background > 0.1 && background < 0.3, "background share " + background);
	}
}
