package io.github.clathrin.task;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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

	public static void write(Path target, Content content) throws IOException {
		Path abs = target.toAbsolutePath();
		Files.createDirectories(abs.getParent());
		// A sibling keeps the rename on one file system; not createTempFile, whose owner-only
		// permissions would stick to the renamed result.
		Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
			+ System.nanoTime() + ".part");
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

	public static void writeString(Path target, CharSequence text) throws IOException {
		write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
	}
}
