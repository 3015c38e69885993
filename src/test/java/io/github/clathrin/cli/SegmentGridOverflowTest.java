package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coordinates and eps whose DBSCAN grid of eps-sized cells cannot be indexed (1e308 nm apart, eps
 * 1e-300 nm) are refused with one line, never segmented into "0 clusters" with exit 0.
 */
class SegmentGridOverflowTest {

	@TempDir
	Path tmp;

	/** Two tight clusters of 40 points each near the origin, and the given extra rows. */
	private Path table(String name, String... extraRows) throws IOException {
		StringBuilder sb = new StringBuilder("x [nm],y [nm],z [nm]\n");
		for (int c = 0; c < 2; c++)
			for (int i = 0; i < 40; i++)
				sb.append(String.format(Locale.ROOT, "%d,%d,%d%n", 1000 * c + i % 7, i % 5, i % 3));
		for (String r : extraRows) sb.append(r).append('\n');
		return Files.writeString(tmp.resolve(name), sb);
	}

	private String refused(String... args) {
		MainTest.Result r = MainTest.cli(args);
		assertEquals(2, r.exit(), r.toString());
		List<String> errors = r.errorLines();
		assertEquals(1, errors.size(), r.toString());
		assertFalse(r.err().contains("\tat "), r.toString());
		return errors.get(0);
	}

	@Test
	void theTableItselfSegmentsNormally() throws IOException {
		MainTest.Result r = MainTest.cli("segment", "--input", table("ok.csv").toString(), "--out",
			tmp.resolve("ok").toString(), "--eps", "20", "--min-size", "10");
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("2 clusters") || r.out().contains("2 structures"), r.toString());
	}

	@Test
	void coordinatesSpanningMoreThanADoubleAreRefused() throws IOException {
		Path t = table("huge.csv", "1e308,0,0", "-1e308,0,0");
		String error = refused("segment", "--input", t.toString(), "--out", tmp.resolve("out").toString());
		assertTrue(error.contains("huge.csv") && error.contains("x"), error);
		assertFalse(Files.exists(tmp.resolve("out/segments.csv")));
	}

	@Test
	void coordinatesTooFarApartForTheGridAreRefused() throws IOException {
		Path t = table("far.csv", "1e300,0,0");
		String error = refused("segment", "--input", t.toString(), "--out", tmp.resolve("out").toString());
		assertTrue(error.contains("far.csv") && error.contains("eps"), error);
	}

	@Test
	void anEpsTooSmallForTheDataIsRefused() throws IOException {
		String error = refused("segment", "--input", table("tiny_eps.csv").toString(), "--out",
			tmp.resolve("out").toString(), "--eps", "1e-300");
		assertTrue(error.contains("tiny_eps.csv") && error.contains("eps"), error);
	}
}
