package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

/**
 * Stacks samples into a network's input array and turns network outputs back into volumes, for one
 * grid. The networks end in a sigmoid with binary cross-entropy, so their input must lie in [0, 1]:
 * binary volumes pass unchanged, and a volume holding counts above 1 is divided by its own largest
 * count (negative values become 0). The same scaling is applied when training and when encoding.
 */
final class VolumeBatches {

	/** How a network wants its input: one row of voxels, or a one-channel NCDHW volume. */
	enum Layout {
		FLAT, VOLUME
	}

	private final Layout layout;
	private final int nx, ny, nz;

	VolumeBatches(Layout layout, int nx, int ny, int nz) {
		this.layout = layout;
		this.nx = nx;
		this.ny = ny;
		this.nz = nz;
	}

	int voxels() {
		return nx * ny * nz;
	}

	/** The samples as one input array, scaled to [0, 1]; x fastest as in {@link Volume}, so no reordering. */
	INDArray features(List<Sample> samples) {
		return features(samples, null);
	}

	/**
	 * The samples as one input array, each transformed by its own mirror and shift.
	 *
	 * @param transforms one per sample, or null for none
	 */
	INDArray features(List<Sample> samples, List<InputJitter.Transform> transforms) {
		return array(data(samples, transforms), samples.size());
	}

	/** The samples' scaled (and transformed) voxels, one sample after another. */
	float[] data(List<Sample> samples, List<InputJitter.Transform> transforms) {
		int p = voxels();
		float[] data = new float[samples.size() * p];
		for (int i = 0; i < samples.size(); i++) {
			Volume v = samples.get(i).volume();
			if (v.nx() != nx || v.ny() != ny || v.nz() != nz)
				throw new IllegalArgumentException("a volume is " + v.nx() + "x" + v.ny() + "x" + v.nz() + " voxels but this encoder was "
					+ "trained on " + nx + "x" + ny + "x" + nz + ": voxelize with the model's settings");
		}
		IntStream.range(0, samples.size()).parallel().forEach(i -> {
			float[] src = samples.get(i).volume().data();
			InputJitter.Transform t = transforms == null ? null : transforms.get(i);
			if (t == null || t.isIdentity()) scaleInto(src, data, i * p);
			else {
				float[] scaled = new float[p];
				scaleInto(src, scaled, 0);
				t.apply(scaled, nx, ny, nz, data, i * p);
			}
		});
		return data;
	}

	/** Data of {@link #data} as the network's input array. */
	INDArray array(float[] data, int samples) {
		long[] shape = layout == Layout.FLAT ? new long[] { samples, voxels() } : new long[] { samples, 1, nz, ny, nx };
		return Nd4j.create(data, shape, 'c');
	}

	static void scaleInto(float[] src, float[] dst, int offset) {
		float max = 0;
		for (float v : src) max = Math.max(max, v);
		float scale = max > 1 ? 1 / max : 1;
		for (int j = 0; j < src.length; j++) dst[offset + j] = src[j] > 0 ? src[j] * scale : 0;
	}

	/** One-hot rows for the given classes. */
	static INDArray oneHot(int[] classes, int count) {
		float[] data = new float[classes.length * count];
		for (int i = 0; i < classes.length; i++) data[i * count + classes[i]] = 1;
		return Nd4j.create(data, new long[] { classes.length, count }, 'c');
	}

	/** Network outputs (one row or one-channel volume per sample) as volumes of this grid. */
	List<Volume> volumes(INDArray output) {
		int n = (int) output.size(0);
		float[][] rows = output.reshape('c', n, voxels()).toFloatMatrix();
		List<Volume> out = new ArrayList<>(n);
		for (float[] row : rows) out.add(new Volume(nx, ny, nz, row));
		return out;
	}
}
