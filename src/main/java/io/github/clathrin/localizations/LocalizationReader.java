package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.github.clathrin.task.Progress;

/** Reads one localization file format into a {@link LocalizationTable}. */
public interface LocalizationReader {

	/** Human-readable format name, e.g. "ThunderSTORM CSV". */
	String formatName();

	/**
	 * Extensions (lower case, without the dot) of the files that a folder of structures reads with this
	 * format besides the built-in ones (csv, txt, tsv, bin, mat); none by default, so a plug-in reader names
	 * its own. Files given one by one are read whatever their extension.
	 */
	default List<String> folderExtensions() {
		return List.of();
	}

	/**
	 * How sure this reader is that it can read the file, from its name and first bytes: 0 = not this
	 * format; higher numbers win (a magic number beats an extension, an extension beats "it is text").
	 */
	int detect(Path file, byte[] head);

	/**
	 * Reads the file. Coordinates come out in nm. Bad content throws
	 * {@link io.github.clathrin.task.InputException} naming the file and the line or record.
	 */
	LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException;

	/**
	 * A reader of a format whose files start with a fixed text (a magic number): it scores
	 * {@value #MAGIC_SCORE} for a file that starts with it and 0 for any other, whatever its name.
	 */
	abstract class ByMagic implements LocalizationReader {

		/** The score of a file that starts with the magic text: above any extension or "it is text". */
		public static final int MAGIC_SCORE = 100;

		private final String formatName;
		private final byte[] magic;

		/** @param magic the text the files start with, one byte per char (ISO-8859-1) */
		protected ByMagic(String formatName, String magic) {
			this.formatName = formatName;
			this.magic = magic.getBytes(StandardCharsets.ISO_8859_1);
		}

		@Override
		public final String formatName() {
			return formatName;
		}

		@Override
		public final int detect(Path file, byte[] head) {
			return TextSniffing.startsWith(head, 0, magic) ? MAGIC_SCORE : 0;
		}
	}
}
