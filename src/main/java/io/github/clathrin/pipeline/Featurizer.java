package io.github.clathrin.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.clathrin.augment.VolumeResampler;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.CanonicalPose;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Voxelizer;

/**
 * Voxelizes structures into encoder samples, in parallel but always in input order,
 * so results never depend on thread scheduling. Structures that are ready volumes (TIFF stacks, NumPy
 * arrays) are used as they are, on the condition that their grid is the configured one. With a
 * {@link VoxelConfig#pose() pose}, localizations are turned into it before voxelization (and samples
 * carry the turned points, so point encoders see what the volume shows); ready volumes are resampled
 * so that their mass's centre sits at the grid centre and its principal axes lie on the grid's axes.
 */
public final class Featurizer {

	/** Samples plus, per structure, how many of its localizations fell outside the voxel box. */
	public record Samples(List<Sample> samples, long[] outside) {

		public long pointsOutside() {
			long total = 0;
			for (long o : outside) total += o;
			return total;
		}

		public int structuresClipped() {
			int clipped = 0;
			for (long o : outside)
				if (o > 0) clipped++;
			return clipped;
		}
	}

	private Featurizer() {}

	public static Samples samples(List<Structure> structures, VoxelConfig config, Progress progress) {
		// Checked up front and in order, so the first mismatching structure is the one named.
		for (Structure s : structures)
			if (s.hasVolume()) checkGrid(s, config);
		Voxelizer voxelizer = new Voxelizer(config);
		int n = structures.size();
		AtomicInteger done = new AtomicInteger();
		long[] outside = new long[n];
		List<Sample> samples = IntStream.range(0, n).parallel().mapToObj(i -> {
			progress.checkCancelled();
			Structure s = structures.get(i);
			if (s.hasVolume()) {
				report(progress, "Voxelizing", done.incrementAndGet(), n);
				return new Sample(posed(s.volume(), config), null);
			}
			double[] points = voxelizer.pose(s.points());
			Voxelizer.Voxelized v = voxelizer.voxelize(points);
			outside[i] = v.outside();
			report(progress, "Voxelizing", done.incrementAndGet(), n);
			return new Sample(v.volume(), points);
		}).toList();
		return new Samples(samples, outside);
	}

	/** A ready volume in the configured pose; itself without one. */
	static Volume posed(Volume v, VoxelConfig config) {
		if (config.pose() == VoxelConfig.Pose.NONE) return v;
		CanonicalPose pose = CanonicalPose.of(v, config.pose());
		return VolumeResampler.rotate(v, pose.rotation(), pose.centre(), config.binary());
	}

	/** A model trained on one grid cannot take volumes of another: refuse rather than resample silently. */
	private static void checkGrid(Structure s, VoxelConfig config) {
		Volume v = s.volume();
		if (v.nx() == config.nx() && v.ny() == config.ny() && v.nz() == config.nz()) return;
		throw new InputException(s.source() + ": structure '" + s.key() + "' is a " + v.nx() + "x" + v.ny() + "x"
			+ v.nz() + " volume but the voxel grid is " + config.nx() + "x" + config.ny() + "x" + config.nz()
			+ " (x, y, z); ready volumes must have the grid size of the model or of --grid");
	}

	private static void report(Progress progress, String stage, int done, int total) {
		// Report about a hundred times per pass: enough for a progress bar, cheap for the listener.
		if (done == total || done % Math.max(1, total / 100) == 0) progress.report(stage, done, total);
	}
}
