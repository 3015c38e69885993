package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.file.Path;

import io.github.clathrin.task.Progress;

/**
 * Reads delimited text tables (comma, tab, semicolon or whitespace, detected from the title line)
 * with x, y and optionally z columns: vLUME, N-STORM, Elyra, Nanoimager and hand-made files.
 * <p>
 * Titles such as {@code x}, {@code X (nm)}, {@code x [nm]}, {@code Position X [nm]} or {@code xnm}
 * name the coordinates; {@code Xc} (Insight3 drift corrected) does not. Units come from the title,
 * else from {@link ReadOptions#units()}; without either the read is refused. N-STORM text exports
 * (recognised by their {@code Channel Name}, {@code Xc} and {@code Yc} columns) are in nm by
 * definition of that format.
 */
public final class DelimitedTextReader implements LocalizationReader {

	@Override
	public String formatName() {
		return "delimited text";
	}

	@Override
	public int detect(Path file, byte[] head) {
		if (!TextSniffing.looksLikeText(head)) return 0;
		int score = 10;
		if (TextSniffing.hasExtension(file, "csv", "txt", "tsv", "tab", "dat", "xls")) score += 5;
		return score;
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		HeaderLine header = HeaderLine.read(file);
		boolean nstorm = header != null && isNStormExport(header);
		return TextTableReading.read(file, nstorm ? "N-STORM text" : formatName(), options, progress,
			nstorm ? LengthUnit.NM : null);
	}

	private static boolean isNStormExport(HeaderLine header) {
		boolean channel = false, xc = false, yc = false;
		for (String t : header.titles()) {
			String c = ColumnHeader.canonical(t);
			channel |= c.equals("channel_name");
			xc |= c.equals("xc");
			yc |= c.equals("yc");
		}
		return channel && xc && yc;
	}
}
