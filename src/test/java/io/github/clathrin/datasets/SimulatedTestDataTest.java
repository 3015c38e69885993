package io.github.clathrin.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test-data/simulated is exactly what the simulator makes with the settings in test-data/README.md. */
class SimulatedTestDataTest {

	private static final Path COMMITTED = Path.of("test-data", "simulated");

	@Test
	void committedTestDataIsReproducedByteForByte(@TempDir Path dir) throws IOException {
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(16, 8).withSeed(7)).simulate().write(dir);
		List<Path> expected = files(COMMITTED), actual = files(dir);
		assertEquals(expected.stream().map(p -> COMMITTED.relativize(p).toString()).toList(),
			actual.stream().map(p -> dir.relativize(p).toString()).toList());
		for (int i = 0; i < expected.size(); i++)
			assertArrayEquals(Files.readAllBytes(expected.get(i)), Files.readAllBytes(actual.get(i)),
				expected.get(i).toString());
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(Files::isRegularFile).sorted().toList();
		}
	}
}
