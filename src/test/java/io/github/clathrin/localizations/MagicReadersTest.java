package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The readers recognised by the text their files start with keep their names and scores: 100 for a
 * head that starts with the magic text, whatever the file is called; 0 for a head that is cut short,
 * has the text later, or is empty.
 */
class MagicReadersTest {

	private static final Path ANY = Path.of("some.name");

	@Test
	void scoreTheFirstBytesOnly() {
		check(new AsdfReader(), "ASDF (locan)", "#ASDF ");
		check(new RapidStormReader(), "rapidSTORM text", "# <localizations");
		check(new Insight3BinReader(), "Insight3 bin", "M425");
		check(new Mat5ParticlesReader(), "MAT v5 particles", "MATLAB 5.0 MAT-file");
	}

	private static void check(LocalizationReader reader, String name, String magic) {
		byte[] exact = magic.getBytes(StandardCharsets.ISO_8859_1);
		byte[] more = (magic + "\n\u00b5 and more").getBytes(StandardCharsets.ISO_8859_1);
		assertEquals(name, reader.formatName());
		assertEquals(100, reader.detect(ANY, exact), name);
		assertEquals(100, reader.detect(Path.of("x.csv"), more), name);
		assertEquals(0, reader.detect(ANY, Arrays.copyOf(exact, exact.length - 1)), name);
		assertEquals(0, reader.detect(ANY, (" " + magic).getBytes(StandardCharsets.ISO_8859_1)), name);
		assertEquals(0, reader.detect(ANY, new byte[0]), name);
	}
}
