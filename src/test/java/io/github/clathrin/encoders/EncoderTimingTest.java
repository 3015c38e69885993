package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.Progress;

/** Fit + encode time of each encoder on a study-sized set: 899 sparse 30^3 volumes. */
class EncoderTimingTest {

	@Test
	void fitAndEncode899Structures() throws IOException {
		List<Sample> samples = SyntheticSamples.structures(899, 42);
		StringBuilder report = new StringBuilder("encoder fit+encode on 899 synthetic 30^3 structures, "
			+ Runtime.getRuntime().availableProcessors() + " cores\n");
		for (String name : Encoders.names()) {
			Encoder e = Encoders.create(name, name.equals("kmeans") ? Map.of("k", 100) : Map.of());
			long t0 = System.nanoTime();
			e.fit(samples, 1, Progress.NONE);
			long t1 = System.nanoTime();
			double[][] codes = Encoders.encodeAll(e, samples, Progress.NONE);
			long t2 = System.nanoTime();
			assertEquals(899, codes.length);
			report.append(String.format("%-7s dim %3d  fit %6.2f s  encode %6.2f s%n", name, e.dimension(), (t1 - t0) / 1e9, (t2 - t1) / 1e9));
			assertTrue((t2 - t0) / 1e9 < 120, name + " is far too slow");
		}
		System.out.print(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "encoder-timings.txt"), report);
	}
}
