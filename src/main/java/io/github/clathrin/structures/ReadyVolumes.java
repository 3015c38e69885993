package io.github.clathrin.structures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.NpyReader;
import io.github.clathrin.voxels.NpzReader;
import io.github.clathrin.voxels.TiffVolumes;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VolumeSet;

/**
 * Reads structures that are already volumes: NumPy {@code .npz}/{@code .npy} arrays of shape
 * (N, z, y, x), 3D TIFF stacks and 3D arrays in MAT v5 files. Arrays are streamed one volume at a time, so a large int32 array
 * (ModelNet10's training set is 431 MB) is never held next to its float copy. Each stored array that is
 * binary however stored (0/1, 0/255, ...) is read as 0/1 ({@link VolumeSet#binaryAsOnes}), so that training
 * and classify see the same values for the same shapes.
 */
final class ReadyVolumes {

	/** The extensions read as volumes; a folder may mix them with localization files. */
	static final List<String> NUMPY = List.of("npz", "npy");
	static final List<String> TIFF = List.of("tif", "tiff");

	private ReadyVolumes() {}

	/**
	 * An .npz with arrays {@code X_<split>} (and optionally {@code y_<split>}), as ModelNet10 stores its
	 * train and test splits (keys "train/0", "test/0", ...), or with one array {@code X} (and optionally
	 * {@code y}; keys "0", "1", ...). Labels are integer class ids, kept as class names ("3").
	 */
	static StructureSet fromNpz(Path file, Progress progress) {
		return guard(file, () -> {
			List<Structure> out = new ArrayList<>();
			int[] empty = { 0 };
			try (NpzReader zip = new NpzReader(file)) {
				List<String> names = zip.names();
				List<String> splits = splits(names);
				if (!splits.isEmpty()) {
					for (String split : splits)
						read(zip, file, "X_" + split, names.contains("y_" + split) ? "y_" + split : null, split + "/",
							out, empty, progress);
				}
				else if (names.contains("X")) {
					read(zip, file, "X", names.contains("y") ? "y" : null, "", out, empty, progress);
				}
				else {
					throw InputException.inFile(file, "no volume array: expected X (with optional labels y) or "
						+ "X_train/X_test (with y_train/y_test); the arrays are: "
						+ (names.isEmpty() ? "none" : String.join(", ", names)));
				}
			}
			return new StructureSet(out, warnings(file, empty[0]));
		});
	}

	/** An .npy array of shape (N, z, y, x), or one (z, y, x) volume; unlabelled, keys "0", "1", ... */
	static StructureSet fromNpy(Path file, Progress progress) {
		return guard(file, () -> {
			List<Structure> out = new ArrayList<>();
			int[] empty = { 0 };
			try (NpyReader r = NpyReader.open(file)) {
				streamInto(r, file, file.getFileName().toString(), null, "", out, empty, progress);
			}
			return new StructureSet(out, warnings(file, empty[0]));
		});
	}

	/** One 3D TIFF stack: image x, y are volume x, y and the slice is z. */
	static Structure fromTiff(Path file, String key) {
		return guard(file, () -> Structure.ofVolume(key, file.toString(), normalised(TiffVolumes.read(file)), null));
	}

	/** A MAT v5 file holding one 3D array (3D ShapeNets' {@code instance}); null if it holds no 3D array. */
	static Structure fromMat(Path file, String key) {
		return guard(file, () -> {
			Volume v = MatVolumes.read(file);
			return v == null ? null : Structure.ofVolume(key, file.toString(), normalised(v), null);
		});
	}

	private static Volume normalised(Volume v) {
		VolumeSet.binaryAsOnes(List.of(v));
		return v;
	}

	static boolean isNumpy(String extension) {
		return NUMPY.contains(extension);
	}

	static boolean isTiff(String extension) {
		return TIFF.contains(extension);
	}

	/** Split names of the X_<split> arrays, "train" first, then "test", then others in file order. */
	private static List<String> splits(List<String> names) {
		List<String> splits = new ArrayList<>();
		for (String n : names)
			if (n.startsWith("X_") && n.length() > 2) splits.add(n.substring(2));
		List<String> ordered = new ArrayList<>();
		for (String first : List.of("train", "test"))
			if (splits.remove(first)) ordered.add(first);
		ordered.addAll(splits);
		return ordered;
	}

	private static void read(NpzReader zip, Path file, String volumes, String labels, String keyPrefix,
		List<Structure> out, int[] empty, Progress progress) throws IOException
	{
		String[] classes = null;
		if (labels != null) {
			try (NpyReader r = zip.open(labels)) {
				classes = labels(r, file, labels);
			}
		}
		try (NpyReader r = zip.open(volumes)) {
			streamInto(r, file, volumes, classes, keyPrefix, out, empty, progress);
		}
	}

	/** Integer class ids as class names; a float or multi-dimensional array is refused. */
	private static String[] labels(NpyReader r, Path file, String name) throws IOException {
		if (r.shape().length != 1)
			throw InputException.inFile(file, name + " must be a 1D array of class ids, has shape "
				+ Arrays.toString(r.shape()));
		if (r.dtype() == NpyReader.DType.FLOAT32 || r.dtype() == NpyReader.DType.FLOAT64)
			throw InputException.inFile(file, name + " must hold integer class ids, found " + r.dtype());
		long[] ids = r.readAllLongs();
		String[] out = new String[ids.length];
		for (int i = 0; i < ids.length; i++) out[i] = Long.toString(ids[i]);
		return out;
	}

	private static void streamInto(NpyReader r, Path file, String array, String[] classes, String keyPrefix,
		List<Structure> out, int[] empty, Progress progress) throws IOException
	{
		int[] shape = r.shape();
		if (shape.length != 4 && shape.length != 3)
			throw InputException.inFile(file, array + " must have shape (N, z, y, x) or (z, y, x), has "
				+ Arrays.toString(shape));
		int n = shape.length == 4 ? shape[0] : 1;
		if (classes != null && classes.length != n)
			throw InputException.inFile(file, classes.length + " labels for " + n + " volumes in " + array);
		String source = file.toString();
		int[] i = { 0 };
		List<Volume> stored = new ArrayList<>(n);
		VolumeSet.streamVolumes(r, v -> {
			progress.checkCancelled();
			if (isEmpty(v)) empty[0]++;
			stored.add(v);
			out.add(Structure.ofVolume(keyPrefix + i[0], source, v, classes == null ? null : classes[i[0]]));
			i[0]++;
			if (i[0] == n || i[0] % 100 == 0) progress.report("Reading volumes", i[0], n);
		});
		// In place: the structures share these volumes' data.
		VolumeSet.binaryAsOnes(stored);
	}

	private static boolean isEmpty(Volume v) {
		for (float x : v.data())
			if (x != 0) return false;
		return true;
	}

	private static List<String> warnings(Path file, int empty) {
		return empty == 0 ? List.of() : List.of(file + ": " + empty + " volumes are all zero");
	}

	private interface Reading<T> {
		T run() throws IOException;
	}

	/** Every failure becomes an InputException that names the file, as the localization readers do. */
	private static <T> T guard(Path file, Reading<T> reading) {
		String name = file.getFileName().toString();
		try {
			return reading.run();
		}
		catch (CancelledException e) {
			throw e;
		}
		catch (InputException e) {
			if (String.valueOf(e.getMessage()).contains(name)) throw e;
			throw new InputException(file + ": " + e.getMessage(), e);
		}
		catch (IOException | RuntimeException e) {
			String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			if (what.contains(name)) throw new InputException(what, e);
			throw new InputException(file + ": cannot read volumes: " + what, e);
		}
	}
}
