package io.github.clathrin.structures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.clathrin.task.InputException;

/**
 * Splits small CSV text (labels files) into records, with quotes, CRLF, a BOM and line numbers; and one
 * line of the CSV files this tool writes (results, segments.csv) into its fields.
 */
public final class CsvRecords {

	/** One record and the line (from 1) where it starts. */
	record Row(long line, List<String> fields) {}

	private CsvRecords() {}

	/**
	 * The comma-separated fields of one line, trimmed, with quoted fields unquoted (a doubled quote inside
	 * is one quote): the CSV files this tool writes keep each record on one line.
	 */
	public static List<String> splitLine(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder f = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					f.append('"');
					i++;
				}
				else if (c == '"') quoted = false;
				else f.append(c);
			}
			else if (c == '"') quoted = true;
			else if (c == ',') {
				out.add(f.toString().trim());
				f.setLength(0);
			}
			else f.append(c);
		}
		out.add(f.toString().trim());
		return out;
	}

	/** Comma unless the first line has none; then tab, then semicolon (spreadsheet exports differ). */
	static char guessDelimiter(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		if (first.indexOf(',') >= 0) return ',';
		if (first.indexOf('\t') >= 0) return '\t';
		if (first.indexOf(';') >= 0) return ';';
		return ',';
	}

	/** Parses all records; blank lines are skipped. */
	static List<Row> parse(String text, char delimiter, Path file) {
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStart = true;
		long line = 1, rowLine = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else quoted = false;
				}
				else {
					if (c == '\n') line++;
					field.append(c);
				}
				continue;
			}
			if (c == '"' && fieldStart) {
				quoted = true;
				fieldStart = false;
			}
			else if (c == delimiter) {
				fields.add(field.toString());
				field.setLength(0);
				fieldStart = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
				endRow(rows, fields, field, rowLine);
				fields = new ArrayList<>();
				fieldStart = true;
				rowLine = ++line;
			}
			else {
				field.append(c);
				fieldStart = false;
			}
		}
		if (quoted) throw InputException.atLine(file, rowLine, "a quote is opened and never closed");
		endRow(rows, fields, field, rowLine);
		return rows;
	}

	private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, long line) {
		fields.add(field.toString());
		field.setLength(0);
		boolean blank = fields.size() == 1 && fields.get(0).isBlank();
		if (!blank) rows.add(new Row(line, List.copyOf(fields)));
	}
}
