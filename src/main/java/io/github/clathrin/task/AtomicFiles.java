package io.github.clathrin.task;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files that users care about (models, labels, results) so that a crash, a kill or a
 * cancellation leaves either the old file or the complete new one, never a half-written file: the
 * content goes to a temporary file in the same folder, which is then renamed over the target.
 */
public final class AtomicFiles {

	/** Produces the content of a file. */
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFiles() {}

	/** A temporary file of a writer that died is removed by the next write once it is this old, even if its pid lives. */
	static final Duration STALE = Duration.ofDays(1);

	public static void write(Path target, Content content) throws IOException {
		Path abs = target.toAbsolutePath();
		Files.createDirectories(abs.getParent());
		removeStaleTemporaries(abs);
		// A sibling keeps the rename on one file system; not createTempFile, whose owner-only
		// permissions would stick to the renamed result.
		Path tmp = temporarySibling(abs);
		try {
			try (OutputStream out = new BufferedOutputStream(
				Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16))
			{
				content.writeTo(out);
			}
			try {
				Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Where a new version of {@code target} is built before it is renamed over it:
	 * {@code .<name>.<pid>.<nanos>.part} beside it, hidden from the folder readers, and recognisable by
	 * {@link #removeStaleTemporaries} when its writer dies.
	 */
	public static Path temporarySibling(Path target) {
		Path abs = target.toAbsolutePath();
		return abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime()
			+ ".part");
	}

	/**
	 * Removes what killed writers of {@code target} left behind (files or folders named as by
	 * {@link #temporarySibling}): those whose process no longer runs, and those untouched for a day (the pid
	 * may have been reused). A live writer's temporary is left alone, so a concurrent write is never disturbed.
	 * Failures are ignored: a leftover costs disk space, not data.
	 */
	public static void removeStaleTemporaries(Path target) {
		Path abs = target.toAbsolutePath();
		Path dir = abs.getParent();
		if (dir == null || !Files.isDirectory(dir)) return;
		Pattern own = Pattern.compile("\\." + Pattern.quote(abs.getFileName().toString()) + "\\.(\\d+)\\.-?\\d+\\.part");
		List<Path> stale = new ArrayList<>();
		// A folder that is itself a temporary (a segmentation being built) is only written by its live owner.
		if (dir.getFileName() != null && dir.getFileName().toString().endsWith(".part")) return;
		String prefix = "." + abs.getFileName() + ".";
		try (DirectoryStream<Path> list = Files.newDirectoryStream(dir, p -> p.getFileName().toString()
			.startsWith(prefix) && p.getFileName().toString().endsWith(".part")))
		{
			for (Path p : list) {
				Matcher m = own.matcher(p.getFileName().toString());
				if (m.matches() && isStale(p, Long.parseLong(m.group(1)))) stale.add(p);
			}
		}
		catch (IOException | RuntimeException e) {
			return;
		}
		for (Path p : stale) deleteTree(p);
	}

	private static boolean isStale(Path p, long pid) {
		try {
			if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(Instant.now().minus(STALE)))
				return true;
		}
		catch (IOException e) {
			return false;
		}
		return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
	}

	/** Deletes a file, or a folder with what is in it; links are removed, never followed. */
	private static void deleteTree(Path p) {
		try {
			if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
				try (DirectoryStream<Path> list = Files.newDirectoryStream(p)) {
					for (Path c : list) deleteTree(c);
				}
			}
			Files.deleteIfExists(p);
		}
		catch (IOException e) {
			// left for a later write
		}
	}

	public static void writeString(Path target, CharSequence text) throws IOException {
		write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
	}
}
