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
		try {
			return JavaDoubleParser.parseDouble(b, from, to - from);
		} catch (NumberFormatException e) {
			return special(new String(b, from, to - from, StandardCharsets.UTF_8), column);
		}
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
