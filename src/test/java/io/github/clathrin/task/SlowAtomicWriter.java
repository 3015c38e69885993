package io.github.clathrin.task;

import java.nio.file.Path;

/**
 * A writer for {@link AtomicFilesKillTest} to kill: replaces the file given as argument through
 * {@link AtomicFiles}, writing new content in chunks for as long as it lives, and says "writing" once
 * the first chunk is out.
 */
public final class SlowAtomicWriter {

	public static void main(String[] args) throws Exception {
		byte[] chunk = new byte[1 << 16];
		java.util.Arrays.fill(chunk, (byte) 'n');
		AtomicFiles.write(Path.of(args[0]), out -> {
			for (int i = 0;; i++) {
				out.write(chunk);
				out.flush();
				if (i == 0) {
					System.out.println("writing");
					System.out.flush();
				}
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
	}
}
