package io.github.clathrin.pipeline;

import java.util.List;

import io.github.clathrin.encoders.Autoencoder;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

/**
 * How well an autoencoder reproduces its input. The study found reconstruction quality unrelated to
 * classification accuracy; reporting it next to accuracy lets a user see that for their own data.
 */
public final class Reconstructions {

	private Reconstructions() {}

	/**
	 * Mean squared error per voxel between the input volumes (voxel values clipped to [0, 1], as the
	 * networks see them) and their reconstructions, over all samples.
	 */
	public static double meanSquaredError(Autoencoder ae, List<Sample> samples, Progress progress) {
		int batch = Math.max(1, ae.preferredBatchSize());
		double sum = 0;
		long voxels = 0;
		String stage = "Reconstructing (" + ae.name() + ")";
		for (int from = 0; from < samples.size(); from += batch) {
			progress.checkCancelled();
			List<Sample> part = samples.subList(from, Math.min(samples.size(), from + batch));
			List<Volume> out = ae.reconstruct(part);
			for (int i = 0; i < part.size(); i++) {
				sum += squaredError(part.get(i).volume(), out.get(i));
				voxels += out.get(i).data().length;
			}
			progress.report(stage, from + part.size(), samples.size());
		}
		return voxels == 0 ? 0 : sum / voxels;
	}

	/** Mean squared error per voxel between an input (clipped to [0, 1]) and its reconstruction. */
	public static double meanSquaredError(Volume input, Volume reconstruction) {
		return squaredError(input, reconstruction) / input.data().length;
	}

	/** The input as the networks see it: voxel values clipped to [0, 1]. */
	public static Volume clipped(Volume v) {
		float[] d = v.data().clone();
		for (int i = 0; i < d.length; i++) d[i] = Math.min(1f, Math.max(0f, d[i]));
		return new Volume(v.nx(), v.ny(), v.nz(), d);
	}

	/** Sum of squared differences between a clipped input and its reconstruction. */
	static double squaredError(Volume input, Volume reconstruction) {
		float[] a = input.data(), b = reconstruction.data();
		if (a.length != b.length)
			throw new IllegalStateException("reconstruction has " + b.length + " voxels, input " + a.length);
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			double d = Math.min(1, Math.max(0, a[i])) - b[i];
			sum += d * d;
		}
		return sum;
	}
}
