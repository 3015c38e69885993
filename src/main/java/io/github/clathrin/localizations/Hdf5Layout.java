package io.github.clathrin.localizations;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * The HDF5 localization layouts we read (Picasso, DECODE, SMAP), how to recognise them, and the
 * one place where jHDF is opened, so that its runtime exceptions become {@link InputException}s.
 */
enum Hdf5Layout {
	/** Picasso: compound dataset {@code /locs}. */
	PICASSO,
	/** DECODE: {@code /data/xyz} with {@code /meta} attributes. */
	DECODE,
	/** SMAP: MATLAB v7.3 struct {@code /saveloc/loc} with {@code xnm}, {@code ynm}, ... */
	SMAP;

	static final byte[] SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };
	static final String MAT73 = "MATLAB 7.3 MAT-file";

	/** What every reader expects, for the message about an HDF5 file of another kind. */
	static final String EXPECTED = "expected /locs (Picasso), /data/xyz (DECODE) or /saveloc/loc (SMAP _sml.mat)";

	/** A job on an open HDF5 file. */
	interface Job<T> {
		T run(HdfFile hdf);
	}

	/**
	 * Offset of the HDF5 signature in {@code head}: 0, 512, 1024, 2048, ... (where HDF5 looks for it
	 * behind a user block), or -1 if there is none in the bytes given.
	 */
	static long signatureOffset(byte[] head) {
		for (long offset = 0; offset + SIGNATURE.length <= head.length; offset = offset == 0 ? 512 : offset * 2)
			if (TextSniffing.startsWith(head, (int) offset, SIGNATURE)) return offset;
		return -1;
	}

	static boolean isMat73(byte[] head) {
		return TextSniffing.startsWith(head, 0, MAT73);
	}

	/**
	 * The layout of an HDF5 file by the datasets it holds, or null if it holds none of ours or cannot
	 * be opened (a truncated file: the reader chosen by extension then says what is wrong).
	 */
	static Hdf5Layout of(Path file) {
		try (HdfFile hdf = new HdfFile(file)) {
			if (hdf.getChild("locs") instanceof Dataset) return PICASSO;
			if (hdf.getChild("data") instanceof Group data && data.getChild("xyz") instanceof Dataset) return DECODE;
			if (hdf.getChild("saveloc") instanceof Group s && s.getChild("loc") instanceof Group) return SMAP;
			return null;
		} catch (RuntimeException e) {
			return null;
		}
	}

	/**
	 * Opens {@code file} with jHDF and runs {@code job}; a truncated or corrupt file, or a jHDF failure,
	 * becomes an {@link InputException} naming the file instead of a jHDF stack trace.
	 */
	static <T> T read(Path file, Job<T> job) throws IOException {
		checkComplete(file);
		try (HdfFile hdf = new HdfFile(file)) {
			return job.run(hdf);
		} catch (InputException | CancelledException e) {
			throw e;
		} catch (RuntimeException e) {
			String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			throw InputException.inFile(file, "cannot be read as HDF5, the file is truncated or corrupt (" + why + ")");
		}
	}

	/**
	 * Reads a table with {@link #read}, reporting progress before and after, and warns of values that cannot
	 * be real ({@link TableChecks#withAbsurdWarning}).
	 */
	static LocalizationTable readTable(Path file, Progress progress, Job<LocalizationTable> job) throws IOException {
		progress.report("Reading " + file.getFileName(), 0, 1);
		LocalizationTable built = read(file, job);
		progress.report("Reading " + file.getFileName(), 1, 1);
		return TableChecks.withAbsurdWarning(built);
	}

	/**
	 * Refuses a file shorter than the end-of-file address its superblock records. jHDF reads past the
	 * end of a truncated file without complaint (the missing bytes come back as zeros), so this check
	 * is what stops a cut download from being read as a table of zeros.
	 */
	static void checkComplete(Path file) throws IOException {
		byte[] head;
		long size;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(LocalizationReaders.HEAD_BYTES);
			size = Files.size(file);
		}
		long at = signatureOffset(head);
		if (at < 0)
			throw InputException.inFile(file, "cannot be read as HDF5, the file is truncated or corrupt (no HDF5 signature at byte "
				+ "0, 512, 1024, ...)");
		int s = (int) at;
		ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
		if (head.length < s + 9) throw truncated(file, size, s + 64);
		int version = head[s + 8];
		int offsets = version <= 1 ? (head.length > s + 13 ? head[s + 13] : 8) : (head.length > s + 9 ? head[s + 9] : 8);
		int base = version == 0 ? s + 24 : version == 1 ? s + 28 : s + 12; // base address, then 2 more addresses
		int eofAt = base + 2 * offsets;
		if (offsets != 2 && offsets != 4 && offsets != 8)
			throw InputException.inFile(file, "cannot be read as HDF5, the file is truncated or corrupt (superblock gives "
				+ offsets + "-byte addresses)");
		if (head.length < eofAt + offsets) throw truncated(file, size, eofAt + offsets);
		long eof = offsets == 8 ? b.getLong(eofAt) : offsets == 4 ? Integer.toUnsignedLong(b.getInt(eofAt))
			: Short.toUnsignedInt(b.getShort(eofAt));
		// the recorded end is absolute in the files we know (also behind MATLAB's 512-byte user block)
		if (eof > 0 && size < eof) throw truncated(file, size, eof);
	}

	private static InputException truncated(Path file, long size, long expected) {
		return InputException.inFile(file, String.format(Locale.ROOT, "cannot be read as HDF5, the file is truncated or "
			+ "corrupt: it has %,d bytes but its HDF5 header says it ends at byte %,d", size, expected));
	}

	/** The dataset at {@code path}, or a message saying it is missing and what the format holds there. */
	static Dataset dataset(Path file, HdfFile hdf, String path, String expected) {
		Node node = find(hdf, path);
		if (node instanceof Dataset d) return d;
		throw InputException.inFile(file, (node == null ? "no dataset " : "not a dataset: ") + path + " (" + expected
			+ "); the file holds " + describe(hdf));
	}

	/** The group at {@code path}, or a message saying it is missing and what the format holds there. */
	static Group group(Path file, HdfFile hdf, String path, String expected) {
		Node node = find(hdf, path);
		if (node instanceof Group g) return g;
		throw InputException.inFile(file, (node == null ? "no group " : "not a group: ") + path + " (" + expected
			+ "); the file holds " + describe(hdf));
	}

	/** The node at an absolute path, or null; jHDF throws for a missing path. */
	static Node find(HdfFile hdf, String path) {
		Node node = hdf;
		for (String part : path.split("/")) {
			if (part.isEmpty()) continue;
			if (!(node instanceof Group g)) return null;
			node = g.getChildren().get(part);
			if (node == null) return null;
		}
		return node;
	}

	/** The top-level names of a file, e.g. "/data (group), /meta (group)", for error messages. */
	static String describe(HdfFile hdf) {
		List<String> names = new ArrayList<>();
		for (Node n : hdf.getChildren().values())
			names.add(n.getPath().replaceAll("/$", "") + (n.isGroup() ? " (group)" : " (dataset)"));
		if (names.isEmpty()) return "nothing";
		if (names.size() > 12) return String.join(", ", names.subList(0, 12)) + ", ...";
		return String.join(", ", names);
	}

	/** The message for an HDF5 file that holds none of our layouts. */
	static String unknownLayout(HdfFile hdf) {
		return "an HDF5 file, but not a localization table this version can read: " + EXPECTED + "; the file holds "
			+ describe(hdf);
	}

	/** Any numeric array jHDF returns (primitive, boxed, nested, unsigned 64-bit), flattened to doubles. */
	static double[] doubles(Object data) {
		if (data instanceof double[] d) return d;
		List<Object> leaves = new ArrayList<>();
		flatten(data, leaves);
		int n = 0;
		for (Object leaf : leaves) n += leaf.getClass().isArray() ? Array.getLength(leaf) : 1;
		double[] out = new double[n];
		int i = 0;
		for (Object leaf : leaves) {
			if (!leaf.getClass().isArray()) {
				out[i++] = number(leaf);
				continue;
			}
			int len = Array.getLength(leaf);
			if (leaf instanceof float[] f) for (int k = 0; k < len; k++) out[i++] = f[k];
			else if (leaf instanceof double[] d) for (int k = 0; k < len; k++) out[i++] = d[k];
			else if (leaf instanceof long[] l) for (int k = 0; k < len; k++) out[i++] = l[k];
			else if (leaf instanceof int[] a) for (int k = 0; k < len; k++) out[i++] = a[k];
			else if (leaf instanceof short[] s) for (int k = 0; k < len; k++) out[i++] = s[k];
			else if (leaf instanceof byte[] b) for (int k = 0; k < len; k++) out[i++] = b[k];
			else if (leaf instanceof boolean[] b) for (int k = 0; k < len; k++) out[i++] = b[k] ? 1 : 0;
			else for (int k = 0; k < len; k++) out[i++] = number(Array.get(leaf, k));
		}
		return out;
	}

	/** Whether jHDF's Java type for a dataset or member holds numbers we can turn into doubles. */
	static boolean isNumeric(Class<?> type) {
		return NUMERIC.contains(type);
	}

	private static final Set<Class<?>> NUMERIC = Set.of(double.class, float.class, long.class, int.class, short.class,
		byte.class, boolean.class, Double.class, Float.class, Long.class, Integer.class, Short.class, Byte.class,
		Boolean.class, BigInteger.class);

	private static void flatten(Object data, List<Object> leaves) {
		if (data instanceof Object[] nested && !(data instanceof Number[]) && !(data instanceof Boolean[])) {
			for (Object o : nested) flatten(o, leaves);
		} else leaves.add(data);
	}

	private static double number(Object o) {
		if (o instanceof Number n) return n.doubleValue();
		if (o instanceof Boolean b) return b ? 1 : 0;
		throw new IllegalArgumentException("not a number: " + o);
	}

}
