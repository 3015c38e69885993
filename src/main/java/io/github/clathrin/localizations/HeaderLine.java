package io.github.clathrin.localizations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.clathrin.task.InputException;

/**
 * The column-title line of a delimited text table: where it is, which delimiter it uses and its
 * titles. Leading '#' comment lines, blank lines and a UTF-8 byte order mark are skipped.
 *
 * @param titles column titles, unquoted
 * @param delimiter field separator detected from the title line
 * @param lineNumber line of the titles, counting from 1
 * @param dataOffset byte offset of the first line after the titles
 */
record HeaderLine(List<String> titles, Delimiter delimiter, long lineNumber, long dataOffset) {

	/** Field separators, in the order they are preferred when a title line contains several. */
	enum Delimiter {
		TAB('\t'), COMMA(','), SEMICOLON(';'), WHITESPACE(' ');

		final byte symbol;

		Delimiter(char c) {
			symbol = (byte) c;
		}
	}

	/** Longest title line we accept; real ones are a few hundred bytes. */
	private static final int MAX_HEADER_BYTES = 1 << 20;

	/** Reads the title line of {@code file}. */
	static HeaderLine read(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(MAX_HEADER_BYTES);
		}
		return find(file, head);
	}

	/** Finds the title line in the first bytes of a file; null if the bytes hold none. */
	static HeaderLine find(Path file, byte[] head) {
		int pos = startsWithBom(head) ? 3 : 0;
		long line = 1;
		while (pos < head.length) {
			int end = pos;
			while (end < head.length && head[end] != '\n') end++;
			if (end == head.length && head.length >= MAX_HEADER_BYTES)
				throw InputException.atLine(file, line, "the first line is longer than 1 MiB: not a table of localizations");
			String text = decode(head, pos, lineEnd(head, pos, end));
			if (!text.isBlank() && !text.startsWith("#"))
				return parse(text, line, Math.min(end + 1, head.length));
			pos = end + 1;
			line++;
		}
		return null;
	}

	static boolean startsWithBom(byte[] b) {
		return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
	}

	/** End of the line content, without a trailing CR (Elyra writes CR CR LF, so strip them all). */
	static int lineEnd(byte[] b, int start, int newline) {
		int e = newline;
		while (e > start && b[e - 1] == '\r') e--;
		return e;
	}

	private static HeaderLine parse(String text, long line, long dataOffset) {
		List<String> fields = splitQuoted(text, chooseDelimiter(text));
		// Some ThunderSTORM exports quote the whole title line as one field: split its content again.
		if (fields.size() == 1 && text.strip().startsWith("\"")
			&& chooseDelimiter(fields.get(0)) != Delimiter.WHITESPACE) {
			text = fields.get(0);
			fields = splitQuoted(text, chooseDelimiter(text));
		}
		Delimiter d = chooseDelimiter(text);
		// trailing delimiter on the title line: an empty last title that names nothing
		if (fields.size() > 1 && fields.get(fields.size() - 1).isBlank()) fields.remove(fields.size() - 1);
		return new HeaderLine(List.copyOf(fields), d, line, dataOffset);
	}

	/** The delimiter that occurs most often outside quotes; whitespace if there is none. */
	static Delimiter chooseDelimiter(String text) {
		Delimiter best = Delimiter.WHITESPACE;
		int bestCount = 0;
		for (Delimiter d : new Delimiter[] { Delimiter.TAB, Delimiter.COMMA, Delimiter.SEMICOLON }) {
			int n = 0;
			boolean quoted = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') quoted = !quoted;
				else if (!quoted && c == d.symbol) n++;
			}
			if (n > bestCount) {
				best = d;
				bestCount = n;
			}
		}
		return best;
	}

	/** Splits one line into fields, honouring "..." quotes with "" as an escaped quote. */
	static List<String> splitQuoted(String text, Delimiter d) {
		List<String> out = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		String s = d == Delimiter.WHITESPACE ? text.strip() : text;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				} else if (c == '"') quoted = false;
				else field.append(c);
			} else if (c == '"') quoted = true;
			else if (isSeparator(c, d)) {
				out.add(field.toString().strip());
				field.setLength(0);
				if (d == Delimiter.WHITESPACE)
					while (i + 1 < s.length() && isSeparator(s.charAt(i + 1), d)) i++;
			} else field.append(c);
		}
		out.add(field.toString().strip());
		return out;
	}

	private static boolean isSeparator(char c, Delimiter d) {
		return d == Delimiter.WHITESPACE ? c == ' ' || c == '\t' : c == d.symbol;
	}

	/** UTF-8 if valid, else Latin-1 (older Windows exports write "µm" as one byte). */
	private static String decode(byte[] b, int from, int to) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from)).toString();
		} catch (CharacterCodingException e) {
			return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
		}
	}
}
