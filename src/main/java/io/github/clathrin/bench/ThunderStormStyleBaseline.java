package io.github.clathrin.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Scanner;

/**
 * The import loop ThunderSTORM's delimited-text importer uses (java.util.Scanner lines, String.split
 * on the separator, trimming quotes, Double.parseDouble per field, one row at a time), re-created
 * here so that the benchmark can compare our reader with that technique on the same file. ThunderSTORM
 * itself is not on Maven Central; this is our own code, not theirs, and it skips their per-row
 * progress call, which only flatters the baseline.
 */
final class ThunderStormStyleBaseline {

	private ThunderStormStyleBaseline() {}

	/** Reads the file and returns the number of data rows; sums the values so no work is optimised away. */
	static long read(Path file, double[] checksum) throws IOException {
		long rows = 0;
		double sum = 0;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
			Scanner sc = new Scanner(in, "UTF-8"))
		{
			if (!sc.hasNextLine()) return 0;
			int columns = split(sc.nextLine()).length;
			double[] values = new double[columns];
			while (sc.hasNextLine()) {
				String[] fields = split(sc.nextLine());
				if (fields.length != columns) continue;
				for (int c = 0; c < columns; c++)
					values[c] = Double.parseDouble(fields[c]);
				sum += values[1];
				rows++;
			}
		}
		checksum[0] = sum;
		return rows;
	}

	private static String[] split(String line) {
		String[] fields = line.split(",");
		for (int i = 0; i < fields.length; i++) {
			String f = fields[i].trim();
			if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) f = f.substring(1, f.length() - 1);
			fields[i] = f;
		}
		return fields;
	}
}
