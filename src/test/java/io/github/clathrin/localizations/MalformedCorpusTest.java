package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Every file of the malformed corpus (src/test/resources/malformed: truncated and garbled binaries,
 * NaN/Inf, absurd values, duplicate or unknown headers, wrong field counts, non-UTF-8 text, a 20,000
 * column header line, ...) is either refused with an {@link InputException} that names the file, or read
 * into a table whose every x, y, z is finite. Nothing else escapes: no other exception, no hang, no
 * out-of-memory. Each file is read as given and, where units are missing, with units and a pixel size.
 */
class MalformedCorpusTest {

	static final Path CORPUS = Path.of("src", "test", "resources", "malformed");

	@TestFactory
	Stream<DynamicTest> everyMalformedFileIsRefusedClearlyOrReadSafely() throws IOException {
		List<Path> files;
		try (Stream<Path> s = Files.walk(CORPUS)) {
			files = s.filter(Files::isRegularFile).sorted().toList();
		}
		assertTrue(files.size() >= 20, "corpus has " + files.size() + " files");
		return files.stream().flatMap(f -> Stream.of(
			DynamicTest.dynamicTest(CORPUS.relativize(f) + " as given", () -> check(f, ReadOptions.DEFAULT)),
			DynamicTest.dynamicTest(CORPUS.relativize(f) + " with units", () -> check(f,
				new ReadOptions(LengthUnit.NM, 100.0, null)))));
	}

	static void check(Path file, ReadOptions options) {
		// A guard against a hang, not a speed goal.
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			try {
				LocalizationTable t = LocalizationReaders.read(file, options, Progress.NONE);
				double[] x = t.x(), y = t.y(), z = t.z();
				for (int i = 0; i < t.rowCount(); i++)
					assertTrue(Double.isFinite(x[i]) && Double.isFinite(y[i]) && (z == null || Double.isFinite(z[i])),
						file + " row " + i + " has a non-finite coordinate");
			}
			catch (InputException e) {
				assertTrue(e.getMessage().contains(file.getFileName().toString()), "message names the file: "
					+ e.getMessage());
				assertFalse(e.getMessage().isBlank());
			}
			catch (OutOfMemoryError e) {
				fail(file + ": out of memory", e);
			}
			catch (Exception e) {
				fail(file + ": " + e.getClass().getName() + " escaped instead of a clear refusal: " + e.getMessage(), e);
			}
		});
	}

	@Test
	void rowsWithNonFiniteCoordinatesAreLeftOutWithAWarning(@TempDir Path tmp) throws IOException {
		Path f = tmp.resolve("some-nan.csv");
		Files.writeString(f, "\"frame\",\"x [nm]\",\"y [nm]\",\"z [nm]\"\n1,1,2,3\n2,NaN,2,3\n3,4,5,6\n4,7,8,Infinity\n");
		LocalizationTable t = LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE);
		assertEquals(2, t.rowCount());
		assertArrayEquals(new double[] { 1, 4 }, t.x());
		assertArrayEquals(new double[] { 1, 3 }, t.column("frame").values());
		assertEquals(List.of("some-nan.csv: 2 localizations with a NaN or infinite x, y or z were left out (the first "
			+ "is data row 2)"), t.warnings());
	}
}
