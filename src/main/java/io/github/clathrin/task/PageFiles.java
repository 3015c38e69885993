package io.github.clathrin.task;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of an image written as numbered pages: one page keeps the name given ({@code gallery.png}),
 * several are {@code gallery-001.png}, {@code gallery-002.png}... beside it (more digits past 999 pages).
 * Here, below every package, so that the pages' writer ({@code ui}) and the check that no page replaces an
 * input ({@code commands.OutputCheck}) agree on the names.
 */
public final class PageFiles {

	private PageFiles() {}

	/** The file of page {@code page} (1-based) of {@code pages}. */
	public static Path page(Path file, int page, int pages) {
		if (pages < 1 || page < 1 || page > pages) throw new IllegalArgumentException("page " + page + " of " + pages);
		if (pages == 1) return file;
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : "";
		int digits = Math.max(3, String.valueOf(pages).length());
		return file.resolveSibling(stem + "-" + String.format(Locale.ROOT, "%0" + digits + "d", page) + ext);
	}

	/** Whether {@code candidate} is, or may be, one of the pages of {@code file}, whatever their number. */
	public static boolean isPageOf(Path candidate, Path file) {
		if (candidate.equals(file)) return true;
		if (candidate.getParent() == null ? file.getParent() != null : !candidate.getParent().equals(file.getParent()))
			return false;
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : "";
		return Pattern.matches(Pattern.quote(stem) + "-[0-9]{3,}" + Pattern.quote(ext),
			candidate.getFileName().toString());
	}
}
