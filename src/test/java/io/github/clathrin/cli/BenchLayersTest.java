package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --layers}: the per-layer table of a deep encoder's network, and a clear refusal of a shallow encoder. */
class BenchLayersTest {

	@TempDir
	Path tmp;

	@Test
	void printsAndWritesEachLayersTimeForTheGivenOptions() throws Exception {
		Path out = tmp.resolve("layers one.md");
		MainTest.Result r = MainTest.cli("bench", "--layers", "--encoder", "cnn", "-E", "filters=2,4", "-E", "hidden=8", "-E", "batch=2",
			"--grid", "8", "--classes", "3", "--timed-batches", "1", "--out", out.toString());
		assertEquals(0, r.exit(), r.toString());
		String md = Files.readString(out);
		assertTrue(md.contains("Produced by `./clathrin bench --layers --encoder cnn -E filters=2,4 -E hidden=8 -E batch=2 --grid 8 "
			+ "--classes 3 --timed-batches 1"), md);
		assertTrue(md.contains("| 0 | Convolution3DLayer | 2x8x8x8 |") && md.contains("| 2 | Convolution3DLayer | 4x4x4x4 |"), md);
		assertTrue(md.contains("cnn, 8^3, batch 2") && md.contains("samples/s"), md);
	}

	@Test
	void refusesAnEncoderWithoutANetwork() {
		MainTest.Result r = MainTest.cli("bench", "--layers", "--encoder", "pca");
		assertEquals(2, r.exit(), r.toString());
		assertEquals(1, r.errorLines().size(), r.toString());
		assertTrue(r.errorLines().get(0).contains("not pca") && r.errorLines().get(0).contains("conv-ae"), r.toString());
	}
}
