package io.github.clathrin.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.clathrin.task.AtomicFiles;

/**
 * The output folder of a batch, where {@code summary.csv} and {@code summary.png} go: a folder of this computer,
 * or (the Spark engine) a folder of another file system such as {@code hdfs://}. Every file is written whole or
 * not at all.
 */
public interface BatchOutput {

	/** Writes the file {@code name} of the folder atomically. */
	void write(String name, AtomicFiles.Content content) throws IOException;

	/** Where the file {@code name} of the folder is, as the user would write it (for messages). */
	String locate(String name);

	/** A folder of this computer, created if missing. */
	static BatchOutput folder(Path folder) {
		return new BatchOutput() {

			@Override
			public void write(String name, AtomicFiles.Content content) throws IOException {
				Files.createDirectories(folder);
				AtomicFiles.write(folder.resolve(name), content);
			}

			@Override
			public String locate(String name) {
				return folder.resolve(name).toString();
			}
		};
	}
}
