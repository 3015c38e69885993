package io.github.clathrin.voxels;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.github.clathrin.task.AtomicFiles;

/**
 * Writes a NumPy {@code .npz} file as {@code numpy.savez_compressed} does (a ZIP of DEFLATE {@code .npy}
 * entries, one per named array), atomically: a failed or cancelled write leaves no partial file.
 */
public final class NpzWriter {

	/** Adds the arrays of one file, in the order they should appear. */
	@FunctionalInterface
	public interface Arrays {
		void writeTo(NpzWriter npz) throws IOException;
	}

	private final ZipOutputStream zip;
	private final Set<String> names = new HashSet<>();

	private NpzWriter(ZipOutputStream zip) {
		this.zip = zip;
	}

	/** Writes {@code file} with the arrays {@code arrays} adds; the old file stays until the new one is whole. */
	public static void write(Path file, Arrays arrays) throws IOException {
		AtomicFiles.write(file, out -> {
			ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					out.write(b, off, len); // FilterOutputStream would write byte by byte
				}

				@Override
				public void close() throws IOException {
					flush(); // the file stream is AtomicFiles' to close
				}
			});
			zip.setMethod(ZipOutputStream.DEFLATED);
			arrays.writeTo(new NpzWriter(zip));
			zip.close(); // writes the central directory and frees the deflater, but not the file stream
		});
	}

	public void int32(String name, int[] shape, int[] data) throws IOException {
		start(name);
		NpyWriter.writeInt32(zip, shape, data);
		zip.closeEntry();
	}

	public void int64(String name, int[] shape, long[] data) throws IOException {
		start(name);
		NpyWriter.writeInt64(zip, shape, data);
		zip.closeEntry();
	}

	public void float32(String name, int[] shape, float[] data) throws IOException {
		start(name);
		NpyWriter.writeFloat32(zip, shape, data);
		zip.closeEntry();
	}

	private void start(String name) throws IOException {
		if (name == null || name.isEmpty()) throw new IllegalArgumentException("an array needs a name");
		if (!names.add(name)) throw new IllegalArgumentException("array '" + name + "' written twice");
		zip.putNextEntry(new ZipEntry(name + ".npy"));
	}
}
