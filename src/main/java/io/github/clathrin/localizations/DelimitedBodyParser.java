package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import io.github.clathrin.localizations.HeaderLine.Delimiter;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Parses the numeric rows of a delimited text table straight from bytes into growable double
 * columns: no Strings per line, so a gigabyte file reads in seconds.
 */
final class DelimitedBodyParser {

	/** Chunk read at a time; also the progress and cancellation interval. */
	private static final int CHUNK = 1 << 20;
	private static final int MAX_LINE = 1 << 26;

	private final Path file;
	private final Delimiter delimiter;
	private final List<ColumnHeader> columns;
	private final int width;
	private final boolean[] required;
	private final String stage;

	private double[][] values;
	private int rows;
	private long line;
	private String stopNote;
	private boolean stopped;

	/** The parsed columns (trimmed to the row count) and a note if reading stopped at a trailer. */
	record Result(double[][] columns, int rows, String note) {}

	DelimitedBodyParser(Path file, HeaderLine header, List<ColumnHeader> columns) {
		this.file = file;
		this.delimiter = header.delimiter();
		this.columns = columns;
		this.width = columns.size();
		this.required = new boolean[width];
		for (int c = 0; c < width; c++)
			required[c] = columns.get(c).role() != ColumnHeader.Role.OTHER;
		this.line = header.lineNumber() + 1;
		this.stage = "Reading " + file.getFileName();
	}

	Result parse(long offset, Progress progress) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = ch.size();
			values = new double[width][1024];
			byte[] buf = new byte[CHUNK];
			int len = 0;
			long consumed = offset;
			ch.position(offset);
			boolean eof = false;
			boolean estimated = false;
			while (!stopped) {
				progress.checkCancelled();
				// fill the buffer after the carried-over partial line
				ByteBuffer bb = ByteBuffer.wrap(buf, len, buf.length - len);
				while (bb.hasRemaining()) {
					if (ch.read(bb) < 0) {
						eof = true;
						break;
					}
				}
				len = bb.position();
				int pos = parseLines(buf, len, eof);
				consumed += pos;
				progress.report(stage, consumed, size);
				if (!estimated && rows > 100) {
					// presize the columns from the bytes per row seen so far, to avoid repeated growing
					estimated = true;
					ensureCapacity((int) Math.min(Integer.MAX_VALUE - 16, 1.05 * rows * (size - offset) / (consumed - offset) + 1024));
				}
				if (eof) break;
				if (pos == 0) { // a line longer than the buffer
					if (buf.length >= MAX_LINE)
						throw InputException.atLine(file, line, "line longer than 64 MiB: not a table of localizations");
					buf = Arrays.copyOf(buf, buf.length * 2);
				} else System.arraycopy(buf, pos, buf, 0, len - pos);
				len -= pos;
			}
		}
		double[][] out = new double[width][];
		for (int c = 0; c < width; c++) {
			out[c] = values[c].length == rows ? values[c] : Arrays.copyOf(values[c], rows);
			values[c] = null; // let the oversized array go before the next copy
		}
		return new Result(out, rows, stopNote);
	}

	/** Parses every complete line in buf[0, len); returns the offset after the last one. */
	private int parseLines(byte[] buf, int len, boolean eof) {
		int pos = 0;
		while (pos < len && !stopped) {
			int nl = pos;
			while (nl < len && buf[nl] != '\n') nl++;
			if (nl == len && !eof) break;
			parseLine(buf, pos, HeaderLine.lineEnd(buf, pos, nl));
			pos = Math.min(nl + 1, len);
			line++;
		}
		return pos;
	}

	private void parseLine(byte[] b, int start, int end) {
		int first = start;
		while (first < end && isBlank(b[first])) first++;
		if (first == end || b[first] == '#') return;
		// a leading tab is an empty first field, but leading spaces are padding
		if (delimiter == Delimiter.WHITESPACE || delimiter == Delimiter.COMMA || delimiter == Delimiter.SEMICOLON) start = first;
		if (b[start] == 0) {
			// Elyra ends its table with a NUL and appends free-text metadata
			stopped = true;
			stopNote = "stopped at line " + line + ": the rest of the file is not a table (metadata trailer)";
			return;
		}
		if (rows == values[0].length) ensureCapacity((int) Math.min(Integer.MAX_VALUE - 16, rows * 3L / 2 + 1024));
		int pos = start;
		for (int c = 0; c < width; c++) {
			if (pos > end || (pos == end && c > 0 && delimiter == Delimiter.WHITESPACE)) throw fieldCount(b, start, end);
			int fieldEnd = fieldEnd(b, pos, end);
			values[c][rows] = number(b, pos, fieldEnd, c);
			pos = fieldEnd + 1;
			if (delimiter == Delimiter.WHITESPACE) while (pos < end && isBlank(b[pos])) pos++;
		}
		// anything left must be empty (a trailing delimiter), not more data
		for (int i = pos; i < end; i++)
			if (!isBlank(b[i]) && b[i] != delimiter.symbol) throw fieldCount(b, start, end);
		rows++;
	}

	private int fieldEnd(byte[] b, int pos, int end) {
		if (delimiter == Delimiter.WHITESPACE) {
			while (pos < end && !isBlank(b[pos])) pos++;
		} else {
			byte d = delimiter.symbol;
			while (pos < end && b[pos] != d) pos++;
		}
		return pos;
	}

	private double number(byte[] b, int from, int to, int column) {
		while (from < to && (isBlank(b[from]) || b[from] == '"')) from++;
		while (to > from && (isBlank(b[to - 1]) || b[to - 1] == '"')) to--;
		if (from == to) {
			if (required[column])
				throw InputException.atLine(file, line, "empty field in column '" + columns.get(column).label() + "'");
			return Double.NaN;
		}
		double simple = simpleDecimal(b, from, to);
		if (simple == simple) return simple;
		try {
			return JavaDoubleParser.parseDouble(b, from, to - from);
		} catch (NumberFormatException e) {
			return special(new String(b, from, to - from, StandardCharsets.UTF_8), column);
		}
	}

	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	/**
	 * Plain decimals such as -123.4567 with at most 15 digits, the bulk of every localization file,
	 * parsed without the general parser. Exact: both the digits and the power of ten are exact
	 * doubles, and one IEEE division rounds correctly. NaN means "not that simple, use the parser".
	 */
	private static double simpleDecimal(byte[] b, int from, int to) {
		int i = from;
		boolean negative = b[i] == '-';
		if (negative || b[i] == '+') i++;
		long digits = 0;
		int count = 0, fraction = -1;
		for (; i < to; i++) {
			int d = b[i] - '0';
			if (d >= 0 && d <= 9) {
				digits = digits * 10 + d;
				if (++count > 15) return Double.NaN;
			} else if (b[i] == '.' && fraction < 0) fraction = i;
			else return Double.NaN;
		}
		if (count == 0) return Double.NaN;
		int decimals = fraction < 0 ? 0 : to - fraction - 1;
		double v = decimals == 0 ? digits : digits / POWERS_OF_TEN[decimals];
		return negative ? -v : v;
	}

	/** Spellings of NaN and infinity written by Python, R and MATLAB; anything else is an error. */
	private double special(String text, int column) {
		switch (text.toLowerCase(Locale.ROOT)) {
			case "nan": case "na": return Double.NaN;
			case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
			case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
			default:
				throw InputException.atLine(file, line,
					"'" + shorten(text) + "' in column '" + columns.get(column).label() + "' is not a number");
		}
	}

	private InputException fieldCount(byte[] b, int start, int end) {
		String text = new String(b, start, end - start, StandardCharsets.UTF_8);
		int found = HeaderLine.splitQuoted(text, delimiter).size();
		String names = columns.stream().map(ColumnHeader::label).collect(Collectors.joining(", "));
		return InputException.atLine(file, line, "expected " + width + " fields (" + shorten(names) + ") but found " + found);
	}

	private void ensureCapacity(int capacity) {
		if (capacity <= values[0].length) return;
		for (int c = 0; c < width; c++)
			values[c] = Arrays.copyOf(values[c], capacity);
	}

	private static boolean isBlank(byte c) {
		return c == ' ' || c == '\t';
	}

	private static String shorten(String s) {
		return s.length() <= 80 ? s : s.substring(0, 77) + "...";
	}
}
