package io.github.clathrin.localizations;

import java.nio.file.Path;
import java.util.Locale;

/** Cheap looks at the first bytes of a file, shared by the text readers' {@code detect}. */
final class TextSniffing {

	private TextSniffing() {}

	/**
	 * Whether the bytes look like text: few control bytes besides tab, CR and LF. A handful are
	 * allowed because Elyra ends its table with a NUL before a text trailer.
	 */
	static boolean looksLikeText(byte[] head) {
		if (head.length == 0) return false;
		int control = 0;
		for (byte b : head)
			if ((b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7f) control++;
		return control * 100 <= head.length && (head[0] != 0);
	}

	static boolean hasExtension(Path file, String... extensions) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		for (String e : extensions)
			if (name.endsWith("." + e)) return true;
		return false;
	}

	/** The title line found in the head, or null if there is none or it cannot be split. */
	static HeaderLine header(Path file, byte[] head) {
		try {
			return HeaderLine.find(file, head);
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** Whether {@code head} holds {@code magic} (one byte per char, ISO-8859-1) at {@code offset}. */
	static boolean startsWith(byte[] head, int offset, String magic) {
		return startsWith(head, offset, magic.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
	}

	/** Whether {@code head} holds the bytes {@code magic} at {@code offset}. */
	static boolean startsWith(byte[] head, int offset, byte[] magic) {
		if (offset < 0 || head.length - offset < magic.length) return false;
		for (int i = 0; i < magic.length; i++)
			if (head[offset + i] != magic[i]) return false;
		return true;
	}
}
