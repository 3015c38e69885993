package io.github.clathrin.structures;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file that users care about so that it is either complete or left as it was. */
public final class AtomicFile {

	/** What to write; the stream is buffered and closed by {@link AtomicFile}. */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFile() {}

	/**
	 * Writes to a temporary file in the target's folder, then renames it over the target. The temporary
	 * file must live in the same folder: a rename is only atomic within one file system.
	 */
	public static void write(Path target, Content content) throws IOException {
		Path file = target.toAbsolutePath();
		Path dir = file.getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
		try {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
				content.writeTo(out);
			}
			try {
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				// Some network shares cannot rename atomically; a plain replace is the best they offer.
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException | RuntimeException | Error e) {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException suppressed) {
				e.addSuppressed(suppressed);
			}
			throw e;
		}
	}

	/** Writes text as UTF-8. */
	public static void writeString(Path target, CharSequence text) throws IOException {
		write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
	}
}
