package io.github.clathrin.voxels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.task.InputException;

/**
 * An .npy header's shape is a claim: a header declaring more values than the file (or .npz entry)
 * holds is refused, naming the file and the shape, before anything is allocated for it.
 */
class DeclaredShapeTest {

	@TempDir
	Path dir;

	/** A real header for {@code declared}, followed by the data of one 4^3 float32 volume. */
	private static byte[] npy(int[] declared) throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.write(NpyWriter.header(NpyWriter.DType.FLOAT32, declared));
		b.write(new byte[4 * 4 * 4 * 4]);
		return b.toByteArray();
	}

	@Test
	void anHonestHeaderIsRead() throws IOException {
		Path f = Files.write(dir.resolve("one.npy"), npy(new int[] { 1, 4, 4, 4 }));
		try (NpyReader r = NpyReader.open(f)) {
			assertEquals(64, r.size());
		}
	}

	@Test
	void anNpyHeaderDeclaringMoreThanTheFileHoldsIsRefused() throws IOException {
		// 4 GB of float32 announced by a file of a few hundred bytes.
		Path f = Files.write(dir.resolve("liar.npy"), npy(new int[] { 1, 1024, 1024, 1024 }));
		InputException e = assertThrows(InputException.class, () -> NpyReader.open(f).close());
		assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("[1, 1024, 1024, 1024]"),
			e.getMessage());
	}

	@Test
	void aShapeTooLargeForAnyFileIsRefused() throws IOException {
		Path f = Files.write(dir.resolve("huge.npy"), npy(new int[] { Integer.MAX_VALUE, Integer.MAX_VALUE,
			Integer.MAX_VALUE, Integer.MAX_VALUE }));
		InputException e = assertThrows(InputException.class, () -> NpyReader.open(f).close());
		assertTrue(e.getMessage().contains("huge.npy"), e.getMessage());
	}

	@Test
	void anNpzEntryDeclaringMoreThanItHoldsIsRefused() throws IOException {
		Path f = dir.resolve("liar.npz");
		try (OutputStream o = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(o)) {
			z.putNextEntry(new ZipEntry("X.npy"));
			z.write(npy(new int[] { 100_000, 64, 64, 64 }));
		}
		try (NpzReader npz = new NpzReader(f)) {
			InputException e = assertThrows(InputException.class, () -> npz.open("X").close());
			assertTrue(e.getMessage().contains("liar.npz!X.npy") && e.getMessage().contains("[100000, 64, 64, 64]"),
				e.getMessage());
		}
	}
}
