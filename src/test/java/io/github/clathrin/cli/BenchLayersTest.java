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
		// The command as written, so that it can be pasted back: the path with its space quoted.
		assertTrue(md.contains("--out '" + out + "'`"), md);
	}

	@Test
	void badValuesAreOneLineErrorsNamingTheOption() {
		for (String[] args : new String[][] { { "--grid", "0" }, { "--timed-batches", "0" }, { "--classes", "1" },
			{ "-E", "batch=0" } }) {
			String[] all = new String[args.length + 2];
			all[0] = "bench";
			all[1] = "--layers";
			System.arraycopy(args, 0, all, 2, args.length);
			MainTest.Result r = MainTest.cli(all);
			assertEquals(2, r.exit(), r.toString());
			assertEquals(1, r.errorLines().size(), r.toString());
			String name = args[0].equals("-E") ? "batch" : args[0];
			assertTrue(r.errorLines().get(0).contains(name), r.toString());
			assertTrue(!r.err().contains("internal error") && !r.err().contains("\tat "), r.toString());
		}
	}

	@Test
	void refusesAnEncoderWithoutANetwork() {
		MainTest.Result r = MainTest.cli("bench", "--layers", "--encoder", "pca");
		assertEquals(2, r.exit(), r.toString());
		assertEquals(1, r.errorLines().size(), r.toString());
		assertTrue(r.errorLines().get(0).contains("not pca") && r.errorLines().get(0).contains("conv-ae"), r.toString());
	}
}
