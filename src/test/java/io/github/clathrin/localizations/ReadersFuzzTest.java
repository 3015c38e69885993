package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Coverage-guided fuzzing of each reader with Jazzer. {@code mvn test} replays the seed corpus in
 * src/test/resources/io/github/clathrin/localizations/ReadersFuzzTestInputs/&lt;method&gt;/ (regression
 * mode); {@code JAZZER_FUZZ=1 mvn test -Dtest=ReadersFuzzTest#insight3} fuzzes one reader for the
 * maxDuration below, and any crash it finds is written to that folder and so becomes a corpus entry.
 * The property: whatever the bytes, a reader returns a table with finite coordinates or refuses with an
 * {@link InputException} naming the file; nothing else escapes.
 */
class ReadersFuzzTest {

	private static final Path DIR;
	private static final ReadOptions WITH_UNITS = new ReadOptions(LengthUnit.NM, 100.0, null);

	static {
		try {
			DIR = Files.createTempDirectory("clathrin-fuzz");
			DIR.toFile().deleteOnExit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@FuzzTest(maxDuration = "60s")
	void insight3(FuzzedDataProvider data) throws IOException {
		check(new Insight3BinReader(), "fuzz.bin", data.consumeRemainingAsBytes(), data);
	}

	@FuzzTest(maxDuration = "60s")
	void thunderStormCsv(FuzzedDataProvider data) throws IOException {
		check(new ThunderStormCsvReader(), "fuzz.csv", data.consumeRemainingAsBytes(), data);
	}

	@FuzzTest(maxDuration = "60s")
	void delimitedText(FuzzedDataProvider data) throws IOException {
		check(new DelimitedTextReader(), "fuzz.txt", data.consumeRemainingAsBytes(), data);
	}

	@FuzzTest(maxDuration = "60s")
	void picassoHdf5(FuzzedDataProvider data) throws IOException {
		check(new PicassoHdf5Reader(), "fuzz.hdf5", data.consumeRemainingAsBytes(), data);
	}

	@FuzzTest(maxDuration = "60s")
	void decodeH5(FuzzedDataProvider data) throws IOException {
		check(new DecodeH5Reader(), "fuzz.h5", data.consumeRemainingAsBytes(), data);
	}

	@FuzzTest(maxDuration = "60s")
	void smapMat(FuzzedDataProvider data) throws IOException {
		check(new SmapMatReader(), "fuzz_sml.mat", data.consumeRemainingAsBytes(), data);
	}

	@FuzzTest(maxDuration = "60s")
	void rapidStorm(FuzzedDataProvider data) throws IOException {
		check(new RapidStormReader(), "fuzz.txt", data.consumeRemainingAsBytes(), data);
	}

	@FuzzTest(maxDuration = "60s")
	void smlmZip(FuzzedDataProvider data) throws IOException {
		check(new SmlmZipReader(), "fuzz.smlm", data.consumeRemainingAsBytes(), WITH_UNITS);
	}

	@FuzzTest(maxDuration = "60s")
	void mat5Particles(FuzzedDataProvider data) throws IOException {
		check(new Mat5ParticlesReader(), "fuzz.mat", data.consumeRemainingAsBytes(), data);
	}

	/** With units, since without them every ASDF file is refused before its block is read. */
	@FuzzTest(maxDuration = "60s")
	void asdf(FuzzedDataProvider data) throws IOException {
		check(new AsdfReader(), "fuzz.asdf", data.consumeRemainingAsBytes(), WITH_UNITS);
	}

	@FuzzTest(maxDuration = "60s")
	void detection(FuzzedDataProvider data) throws IOException {
		String name = data.pickValue(new String[] { "fuzz.csv", "fuzz.bin", "fuzz.tsv", "fuzz.txt", "fuzz.xyz" });
		Path f = write(name, data.consumeRemainingAsBytes());
		try {
			LocalizationReaders.read(f, ReadOptions.DEFAULT.withPixelSize(100.0), Progress.NONE);
		}
		catch (InputException e) {
			assertTrue(e.getMessage().contains(name), e.getMessage());
		}
		finally {
			Files.deleteIfExists(f);
		}
	}

	private static void check(LocalizationReader reader, String name, byte[] bytes, FuzzedDataProvider unused)
		throws IOException
	{
		check(reader, name, bytes, ReadOptions.DEFAULT.withPixelSize(100.0));
	}

	private static void check(LocalizationReader reader, String name, byte[] bytes, ReadOptions options) throws IOException {
		Path f = write(name, bytes);
		try {
			LocalizationTable t = reader.read(f, options, Progress.NONE);
			double[] x = t.x(), y = t.y(), z = t.z();
			for (int i = 0; i < t.rowCount(); i++)
				assertTrue(Double.isFinite(x[i]) && Double.isFinite(y[i]) && (z == null || Double.isFinite(z[i])),
					"row " + i + " has a non-finite coordinate");
		}
		catch (InputException e) {
			assertTrue(e.getMessage().contains(name), "the message names the file: " + e.getMessage());
		}
		finally {
			Files.deleteIfExists(f);
		}
	}

	private static Path write(String name, byte[] bytes) throws IOException {
		Path f = DIR.resolve(Thread.currentThread().getId() + "-" + name);
		Files.write(f, bytes);
		return f;
	}
}
