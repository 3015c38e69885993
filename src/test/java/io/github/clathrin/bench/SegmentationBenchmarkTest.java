package io.github.clathrin.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.task.Progress;

/** The whole-cell benchmark on a small table: every generated coat is found, and the table is cleaned up. */
class SegmentationBenchmarkTest {

	@Test
	void findsEveryGeneratedCoat(@TempDir Path work) throws Exception {
		String md = new SegmentationBenchmark(20_000, work, Progress.NONE).run();
		assertTrue(md.contains("32 clusters found in 20000 localizations") && md.contains("32 kept"), md);
		assertTrue(md.contains("| classify 32 structures |"), md);
		assertTrue(work.toFile().list().length == 0, "the generated table is deleted");
	}
}
