package io.github.clathrin.localizations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.OutOfMemoryException;
import io.github.clathrin.task.Progress;

/**
 * The reader registry: every {@link LocalizationReader} found through {@link ServiceLoader}
 * ({@code META-INF/services/io.github.clathrin.localizations.LocalizationReader}), so that a jar on the class
 * path adds a format without a change here; picks the one for a file by the highest detection score from its
 * first bytes and its name.
 */
public final class LocalizationReaders {

	/** Bytes looked at to choose a format. */
	public static final int HEAD_BYTES = 64 * 1024;

	/**
	 * Found once, on first use, on this package's class loader (not the thread's, so that plain ImageJ with
	 * the jars in plugins/jars finds them), in the services files' order: on equal scores the first wins.
	 */
	private static final class Registry {
		static final List<LocalizationReader> ALL = ServiceLoader.load(LocalizationReader.class,
			LocalizationReaders.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
	}

	private LocalizationReaders() {}

	/** Every reader, most specific first. */
	public static List<LocalizationReader> all() {
		return Registry.ALL;
	}

	/**
	 * The extensions that readers add to the files a folder of structures reads (see
	 * {@link LocalizationReader#folderExtensions}).
	 */
	public static Set<String> folderExtensions() {
		Set<String> out = new TreeSet<>();
		for (LocalizationReader r : Registry.ALL) out.addAll(r.folderExtensions());
		return out;
	}

	/** Detects the format of {@code file} and reads it; coordinates come out in nm. */
	public static LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		LocalizationReader reader = detect(file);
		try {
			return reader.read(file, options == null ? ReadOptions.DEFAULT : options, progress == null ? Progress.NONE : progress);
		} catch (OutOfMemoryError e) {
			// Not bad input: the CLI and Fiji each say how to give Java more memory.
			throw new OutOfMemoryException("reading " + file + " (" + Files.size(file) / (1 << 20) + " MB)", e);
		}
	}

	/** The reader with the highest {@code detect} score; refuses files that no reader can read. */
	public static LocalizationReader detect(Path file) throws IOException {
		byte[] head = head(file);
		String unsupported = unsupportedFormat(file, head);
		if (unsupported != null)
			throw InputException.inFile(file, "format " + unsupported + " is not supported yet");
		LocalizationReader best = best(file, head);
		if (best == null)
			throw InputException.inFile(file, "not a localization file this version can read: it is neither text "
				+ "(CSV, TSV) nor an Insight3 .bin file");
		return best;
	}

	/**
	 * Why a file that sits among structure files is clearly no localization table, or null when it may be one.
	 * Clearly not: a README, a text file without any table, and a text table whose column titles name no x and
	 * y column (a labels file, this tool's results or segments.csv). Everything else, a text table with x and y
	 * titles, numbers without titles or any binary format, is left to the readers, so that a damaged
	 * localization file stays an error that names its line.
	 */
	public static String notLocalizations(Path file) {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(HEAD_BYTES);
		} catch (IOException e) {
			return null; // the reader reports it
		}
		return notLocalizations(file, head);
	}

	/**
	 * As {@link #notLocalizations(Path)} from the first {@link #HEAD_BYTES} bytes of a file (one of another file
	 * system); {@code file} gives its name.
	 */
	public static String notLocalizations(Path file, byte[] head) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.startsWith("readme")) return "a README";
		if (head.length == 0 || unsupportedFormat(file, head) != null || !(best(file, head) instanceof DelimitedTextReader))
			return null;
		HeaderLine header = TextSniffing.header(file, head);
		if (header == null) return "text without a table";
		boolean x = false, y = false, titled = false;
		List<String> canonical = new ArrayList<>();
		for (String t : header.titles()) {
			ColumnHeader h = ColumnHeader.parse(t);
			x |= h.role() == ColumnHeader.Role.X;
			y |= h.role() == ColumnHeader.Role.Y;
			titled |= !t.isBlank() && !TextTableReading.isNumber(t);
			canonical.add(ColumnHeader.canonical(t));
		}
		// numbers without titles are localizations that need --columns: the reader says so
		if ((x && y) || !titled) return null;
		if (canonical.size() >= 2 && canonical.get(1).equals("prediction")) return "classification results";
		if (canonical.size() >= 2 && canonical.get(0).equals("cluster") && canonical.get(1).equals("key"))
			return "segmentation summary";
		String titles = String.join(", ", header.titles());
		if (titles.length() > 60) titles = titles.substring(0, 57) + "...";
		if (canonical.contains("label")) return "labels: " + titles;
		return "no x and y columns: " + titles;
	}

	private static LocalizationReader best(Path file, byte[] head) {
		LocalizationReader best = null;
		int bestScore = 0;
		for (LocalizationReader r : Registry.ALL) {
			int score = r.detect(file, head);
			if (score > bestScore) {
				best = r;
				bestScore = score;
			}
		}
		return best;
	}

	private static byte[] head(Path file) throws IOException {
		if (Files.isDirectory(file)) throw InputException.inFile(file, "is a folder, not a localization file");
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(HEAD_BYTES);
			if (head.length == 0) throw InputException.inFile(file, "the file is empty");
			return head;
		} catch (NoSuchFileException e) {
			throw InputException.inFile(file, "no such file");
		} catch (AccessDeniedException e) {
			throw InputException.inFile(file, "permission denied");
		}
	}

	/** Names formats we recognise but cannot read yet; null for anything else. */
	static String unsupportedFormat(Path file, byte[] head) {
		if (TextSniffing.startsWith(head, 0, "PK\u0003\u0004") && !TextSniffing.hasExtension(file, "smlm"))
			return "ZIP archive (a .smlm file must end in .smlm; .npz volumes are structures, not localizations)";
		if (TextSniffing.startsWith(head, 0, "\u0093NUMPY")) return "NumPy .npy";
		return null;
	}

}
