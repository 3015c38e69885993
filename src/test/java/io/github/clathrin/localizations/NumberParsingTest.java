package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.task.Progress;

/** The reader's shortcut for plain decimals must give exactly what Double.parseDouble gives. */
class NumberParsingTest {

	@TempDir
	Path dir;

	@Test
	void decimalsParseExactlyLikeTheJdk() throws IOException {
		Random r = new Random(7);
		String[] texts = new String[20_000];
		for (int i = 0; i < texts.length; i++) {
			double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12));
			texts[i] = switch (i % 5) {
				case 0 -> Double.toString(v); // shortest repr, sometimes with E
				case 1 -> String.format(Locale.ROOT, "%.5f", v);
				case 2 -> String.format(Locale.ROOT, "%.15g", v).trim();
				case 3 -> Long.toString((long) v);
				default -> String.format(Locale.ROOT, "%.3e", v);
			};
		}
		texts[0] = "-0";
		texts[1] = "+12.5";
		texts[2] = "123456789012345.6"; // 16 digits: too many for the shortcut
		texts[3] = "7.";
		StringBuilder s = new StringBuilder("x,y\n");
		for (String t : texts) s.append(t).append(",1\n");
		Path f = dir.resolve("numbers.csv");
		Files.writeString(f, s);
		LocalizationTable table = LocalizationReaders.read(f, ReadOptions.DEFAULT.withUnits(LengthUnit.NM), Progress.NONE);
		for (int i = 0; i < texts.length; i++)
			assertEquals(Double.parseDouble(texts[i]), table.x()[i], texts[i]);
	}
}
