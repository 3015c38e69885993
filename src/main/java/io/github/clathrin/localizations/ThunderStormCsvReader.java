package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.file.Path;

import io.github.clathrin.localizations.ColumnHeader.Role;
import io.github.clathrin.task.Progress;

/**
 * Reads ThunderSTORM CSV exports: quoted titles with bracketed units ({@code "x [nm]"}), including
 * the variant that quotes the whole title line as one field. Columns in px need
 * {@link ReadOptions#pixelSizeNm()}; outliers are kept and counted in a table warning.
 */
public final class ThunderStormCsvReader implements LocalizationReader {

	@Override
	public String formatName() {
		return "ThunderSTORM CSV";
	}

	@Override
	public int detect(Path file, byte[] head) {
		if (!TextSniffing.looksLikeText(head)) return 0;
		HeaderLine header = TextSniffing.header(file, head);
		if (header == null || header.delimiter() != HeaderLine.Delimiter.COMMA) return 0;
		boolean xWithUnit = false;
		for (String t : header.titles()) {
			ColumnHeader h = ColumnHeader.parse(t);
			if (h.role() == Role.X && t.trim().endsWith("]")) xWithUnit = true;
		}
		if (!xWithUnit) return 0;
		// ThunderSTORM quotes its titles; other programs writing "x [nm]" are read the same way
		return firstNonBlank(head) == '"' ? 60 : 30;
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		return TextTableReading.read(file, formatName(), options, progress, null);
	}

	private static int firstNonBlank(byte[] head) {
		int i = HeaderLine.startsWithBom(head) ? 3 : 0;
		while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
		return i < head.length ? head[i] : -1;
	}
}
