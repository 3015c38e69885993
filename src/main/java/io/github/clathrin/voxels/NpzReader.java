package io.github.clathrin.voxels;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.ZipEntrySize;

/**
 * Reads the arrays of a NumPy {@code .npz} file (a ZIP of {@code .npy} entries, stored or DEFLATE),
 * each as a streaming {@link NpyReader} so entries are inflated on the fly rather than unpacked.
 */
public final class NpzReader implements Closeable {

	private final Path file;
	private final ZipFile zip;

	public NpzReader(Path file) throws IOException {
		this.file = file;
		try {
			this.zip = new ZipFile(file.toFile());
		} catch (java.util.zip.ZipException e) {
			throw new InputException(file + ": not an .npz file (" + e.getMessage() + ")", e);
		}
	}

	/** The array names (entry names without ".npy"), in file order. */
	public List<String> names() {
		List<String> names = new ArrayList<>();
		for (ZipEntry e : Collections.list(zip.entries()))
			if (e.getName().endsWith(".npy")) names.add(e.getName().substring(0, e.getName().length() - 4));
		return names;
	}

	/** Opens one array; the reader must be closed before this file is. */
	public NpyReader open(String name) throws IOException {
		ZipEntry e = zip.getEntry(name + ".npy");
		if (e == null) throw new InputException(file + ": no array '" + name + "' (has " + names() + ")");
		return new NpyReader(zip.getInputStream(e), file + "!" + e.getName(), ZipEntrySize.mostBytes(e));
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}
}
