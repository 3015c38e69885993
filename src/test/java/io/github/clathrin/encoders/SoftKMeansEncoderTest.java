package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

class SoftKMeansEncoderTest {

	private final List<Sample> samples = SyntheticSamples.structures(120, 11);

	private static Encoder fitted(Map<String, Object> options, long seed) {
		Encoder e = Encoders.create("kmeans", options);
		e.fit(SyntheticSamples.structures(120, 11), seed, Progress.NONE);
		return e;
	}

	@Test
	void triangleActivationsAreSparseAndNonNegative() {
		Encoder e = fitted(Map.of("k", 10.0), 1); // a Double, as after a JSON round trip
		assertEquals(10, e.dimension());
		int zeros = 0, total = 0;
		for (Sample s : samples) {
			double[] code = e.encode(s);
			assertEquals(10, code.length);
			for (double v : code) {
				assertTrue(v >= 0 && Double.isFinite(v));
				if (v == 0) zeros++;
				total++;
			}
		}
		assertTrue(zeros > 0 && zeros < total, zeros + " zeros of " + total);
	}

	@Test
	void sameSeedSameCodesAndRoundTrip() throws IOException {
		Encoder a = fitted(Map.of("k", 8), 5), b = fitted(Map.of("k", 8), 5);
		StateRoundTrip.assertRefitAndReloadAgree("kmeans", a, b, samples);
	}

	@Test
	void worksWithoutWhitening() throws IOException {
		Encoder e = fitted(Map.of("k", 4, "whiten", false, "normalize", false), 2);
		Encoder loaded = StateRoundTrip.reloaded("kmeans", e);
		assertArrayEquals(e.encode(samples.get(0)), loaded.encode(samples.get(0)), 0.0);
	}

	@Test
	void oneClusterIsRefusedAsAnOptionNotAnInternalError() {
		// Smile's k-means needs two clusters; one would also give every structure the same code.
		IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> SoftKMeansEncoder.fromOptions(Map.of("k", 1)));
		assertEquals("kmeans option k must be at least 2, got 1", e.getMessage());
	}
}
