package io.github.clathrin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.task.InputException;

/** Test-only reader for the simple ThunderSTORM CSV files the tests and the simulator write. */
public final class TinyThunderStorm {

	private TinyThunderStorm() {}

	public static LocalizationTable read(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		if (lines.isEmpty()) throw InputException.inFile(file, "empty file");
		String[] header = lines.get(0).split(",");
		double[][] cols = new double[header.length][lines.size() - 1];
		for (int r = 1; r < lines.size(); r++) {
			String[] f = lines.get(r).split(",");
			if (f.length != header.length) throw InputException.atLine(file, r + 1, "expected " + header.length + " fields");
			for (int c = 0; c < f.length; c++) {
				try {
					cols[c][r - 1] = Double.parseDouble(f[c]);
				}
				catch (NumberFormatException e) {
					throw InputException.atLine(file, r + 1, "not a number: " + f[c]);
				}
			}
		}
		LocalizationTable.Builder b = LocalizationTable.builder(file, "ThunderSTORM CSV (test)");
		for (int c = 0; c < header.length; c++) {
			String h = header[c].replace("\"", "").trim();
			int unit = h.indexOf(" [");
			String name = unit < 0 ? h : h.substring(0, unit);
			b.column(name, unit < 0 ? "" : h.substring(unit + 2, h.length() - 1), cols[c]);
		}
		return b.build();
	}

	/** Writes x, y, z (and optional z = null for 2D) in the ThunderSTORM layout. */
	public static void write(Path file, double[] x, double[] y, double[] z) throws IOException {
		StringBuilder sb = new StringBuilder(z == null ? "\"x [nm]\",\"y [nm]\"\n" : "\"x [nm]\",\"y [nm]\",\"z [nm]\"\n");
		for (int i = 0; i < x.length; i++) {
			sb.append(x[i]).append(',').append(y[i]);
			if (z != null) sb.append(',').append(z[i]);
			sb.append('\n');
		}
		Files.writeString(file, sb);
	}
}
