package io.github.clathrin.voxels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.github.clathrin.task.InputException;

/**
 * A ready-made set of volumes with integer class labels, such as one split of ModelNet10.
 *
 * @param volumes the volumes
 * @param labels class index of each volume (into {@code classNames}), or null when unlabelled
 * @param classNames class names indexed by label
 * @param split the split's name ("train", "test"), or null
 */
public record VolumeSet(List<Volume> volumes, int[] labels, List<String> classNames, String split) {

	public VolumeSet {
		volumes = List.copyOf(volumes);
		classNames = classNames == null ? List.of() : List.copyOf(classNames);
		if (labels != null) {
			if (labels.length != volumes.size())
				throw new IllegalArgumentException(labels.length + " labels for " + volumes.size() + " volumes");
			for (int l : labels)
				if (l < 0 || l >= classNames.size())
					throw new IllegalArgumentException("label " + l + " has no class name (" + classNames.size() + " classes)");
		}
	}

	public int size() {
		return volumes.size();
	}

	/** The same set with other class names (for example ModelNet10's, which the .npz does not carry). */
	public VolumeSet withClassNames(List<String> names) {
		return new VolumeSet(volumes, labels, names, split);
	}

	/** The volumes as encoder samples (no point clouds). */
	public List<Sample> samples() {
		List<Sample> out = new ArrayList<>(volumes.size());
		for (Volume v : volumes) out.add(new Sample(v, null));
		return out;
	}

	/**
	 * Reads arrays {@code X_<split>} and {@code y_<split>} from an .npz file, as ModelNet10 stores them;
	 * class names default to "0", "1", ... up to the largest label.
	 */
	public static VolumeSet readNpz(Path npz, String split) throws IOException {
		return readNpz(npz, "X_" + split, "y_" + split, split);
	}

	/** Reads a 4D volume array and an optional (null name) 1D label array from an .npz file. */
	public static VolumeSet readNpz(Path npz, String volumesName, String labelsName, String split) throws IOException {
		try (NpzReader zip = new NpzReader(npz)) {
			List<Volume> volumes;
			try (NpyReader r = zip.open(volumesName)) {
				volumes = readVolumes(r);
			}
			binaryAsOnes(volumes);
			if (labelsName == null) return new VolumeSet(volumes, null, List.of(), split);
			long[] raw;
			try (NpyReader r = zip.open(labelsName)) {
				if (r.shape().length != 1) throw new InputException(npz + ": " + labelsName + " must be 1D, has shape " + Arrays.toString(r.shape()));
				raw = r.readAllLongs();
			}
			if (raw.length != volumes.size())
				throw new InputException(npz + ": " + raw.length + " labels in " + labelsName + " for " + volumes.size() + " volumes");
			int[] labels = new int[raw.length];
			int max = -1;
			for (int i = 0; i < raw.length; i++) {
				if (raw[i] < 0 || raw[i] > 100_000) throw new InputException(npz + ": " + labelsName + "[" + i + "] = " + raw[i] + " is not a class index");
				labels[i] = (int) raw[i];
				max = Math.max(max, labels[i]);
			}
			List<String> names = new ArrayList<>();
			for (int c = 0; c <= max; c++) names.add(Integer.toString(c));
			return new VolumeSet(volumes, labels, names, split);
		}
	}

	/**
	 * The one normalisation of stored volumes, applied to each stored array as a whole (one .npy, one
	 * array of an .npz, one TIFF stack, one MAT array): when every value of the array is 0 or one and the
	 * same positive value m (0/1, 0/255 in 8 bits, 0/65535, 0/1.0), the voxels become exactly 0 and 1, so a
	 * binary volume means the same however it was stored. Any other array (counts, densities, negative
	 * values) is kept as stored. Changes the volumes' data in place.
	 *
	 * @return m when the volumes were rescaled, else NaN
	 */
	public static double binaryAsOnes(List<Volume> volumes) {
		float m = 0;
		for (Volume v : volumes)
			for (float x : v.data()) {
				if (x == 0) continue;
				if (!(x > 0) || (m != 0 && x != m)) return Double.NaN;
				m = x;
			}
		if (m == 0 || m == 1) return Double.NaN;
		for (Volume v : volumes) {
			float[] d = v.data();
			for (int i = 0; i < d.length; i++)
				if (d[i] != 0) d[i] = 1;
		}
		return m;
	}

	/**
	 * Reads a C-order array of shape (N, d0, d1, d2) (or one volume of shape (d0, d1, d2)) straight
	 * into float volumes. Axis mapping: the last axis varies fastest in C order, as x does in a
	 * {@link Volume}, so x = d2, y = d1, z = d0 and the flat order is kept without a copy.
	 */
	public static List<Volume> readVolumes(NpyReader r) throws IOException {
		List<Volume> out = new ArrayList<>(r.shape().length == 4 ? r.shape()[0] : 1);
		streamVolumes(r, out::add);
		return out;
	}

	/** Like {@link #readVolumes} but hands each volume to {@code sink} as it is read, for sets too big to hold. */
	public static void streamVolumes(NpyReader r, Consumer<Volume> sink) throws IOException {
		int[] s = r.shape();
		if (s.length == 3) s = new int[] { 1, s[0], s[1], s[2] };
		if (s.length != 4) throw new InputException("volumes must have shape (N, d0, d1, d2), found " + Arrays.toString(r.shape()));
		int n = s[0], nz = s[1], ny = s[2], nx = s[3];
		for (int i = 0; i < n; i++) {
			float[] data = new float[nx * ny * nz];
			r.readFloats(data, 0, data.length);
			sink.accept(new Volume(nx, ny, nz, data));
		}
	}
}
