package io.github.clathrin.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes large ThunderSTORM-style 3D CSV files for the import benchmark: the header ThunderSTORM
 * writes and realistic values with one or two decimals.
 */
final class SyntheticCsv {

	static final String HEADER = "\"id\",\"frame\",\"x [nm]\",\"y [nm]\",\"z [nm]\",\"sigma1 [nm]\",\"sigma2 [nm]\","
		+ "\"intensity [photon]\",\"offset [photon]\",\"bkgstd [photon]\",\"uncertainty_xy [nm]\",\"uncertainty_z [nm]\"";

	private SyntheticCsv() {}

	static void write(Path file, long rows, long seed) throws IOException {
		SplittableRandom r = new SplittableRandom(seed);
		byte[] line = new byte[256];
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			out.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
			for (long i = 1; i <= rows; i++) {
				int n = 0;
				n = integer(line, n, i);
				n = integer(line, n, 1 + i / 1000);
				n = fixed(line, n, r.nextDouble() * 40960, 1);
				n = fixed(line, n, r.nextDouble() * 40960, 1);
				n = fixed(line, n, r.nextDouble() * 1200 - 600, 1);
				n = fixed(line, n, 80 + r.nextDouble() * 200, 1);
				n = fixed(line, n, 80 + r.nextDouble() * 200, 1);
				n = fixed(line, n, 200 + r.nextDouble() * 5000, 1);
				n = fixed(line, n, 20 + r.nextDouble() * 50, 2);
				n = fixed(line, n, 5 + r.nextDouble() * 10, 2);
				n = fixed(line, n, 5 + r.nextDouble() * 20, 2);
				n = fixed(line, n, 15 + r.nextDouble() * 50, 2);
				line[n - 1] = '\n'; // replace the last comma
				out.write(line, 0, n);
			}
		}
	}

	private static int integer(byte[] b, int n, long v) {
		String s = Long.toString(v);
		for (int i = 0; i < s.length(); i++) b[n++] = (byte) s.charAt(i);
		b[n++] = ',';
		return n;
	}

	private static int fixed(byte[] b, int n, double v, int decimals) {
		if (v < 0) {
			b[n++] = '-';
			v = -v;
		}
		long scale = decimals == 1 ? 10 : 100;
		long q = Math.round(v * scale);
		String whole = Long.toString(q / scale), frac = Long.toString(q % scale + scale).substring(1);
		for (int i = 0; i < whole.length(); i++) b[n++] = (byte) whole.charAt(i);
		b[n++] = '.';
		for (int i = 0; i < frac.length(); i++) b[n++] = (byte) frac.charAt(i);
		b[n++] = ',';
		return n;
	}
}
