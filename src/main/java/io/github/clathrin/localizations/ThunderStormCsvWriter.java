package io.github.clathrin.localizations;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.github.clathrin.task.AtomicFiles;

/** Writes a table as a ThunderSTORM CSV, the format the simulator and benchmarks hand to other tools. */
public final class ThunderStormCsvWriter {

	private ThunderStormCsvWriter() {}

	/**
	 * Writes all columns in table order with titles like {@code "x [nm]"}. The file appears complete or
	 * not at all: it is written next to the target and renamed into place.
	 */
	public static void write(Path file, LocalizationTable table) throws IOException {
		AtomicFiles.write(file, out -> writeTo(out, table));
	}

	private static void writeTo(OutputStream out, LocalizationTable table) throws IOException {
		List<LocalizationTable.Column> columns = table.columns();
		StringBuilder s = new StringBuilder(1 << 16);
		for (int c = 0; c < columns.size(); c++) {
			LocalizationTable.Column col = columns.get(c);
			String title = col.unit().isEmpty() ? col.name() : col.name() + " [" + col.unit() + "]";
			s.append(c == 0 ? "" : ",").append('"').append(title.replace("\"", "\"\"")).append('"');
		}
		s.append('\n');
		double[][] v = new double[columns.size()][];
		for (int c = 0; c < v.length; c++) v[c] = columns.get(c).values();
		for (int r = 0; r < table.rowCount(); r++) {
			for (int c = 0; c < v.length; c++) {
				if (c > 0) s.append(',');
				appendNumber(s, v[c][r]);
			}
			s.append('\n');
			if (s.length() > 60_000) {
				out.write(s.toString().getBytes(StandardCharsets.US_ASCII));
				s.setLength(0);
			}
		}
		out.write(s.toString().getBytes(StandardCharsets.US_ASCII));
	}

	/** Whole numbers (frames, counts) without ".0"; everything else in Java's shortest exact form. */
	private static void appendNumber(StringBuilder s, double d) {
		if (d == Math.rint(d) && Math.abs(d) < 1e15) s.append((long) d);
		else s.append(d);
	}
}
