package io.github.clathrin.encoders;

import java.util.List;

import io.github.clathrin.voxels.Sample;

/** Checks that training samples can be stacked into one matrix: non-empty, one grid size. */
final class SampleChecks {

	private SampleChecks() {}

	/** The common voxel count of the samples. */
	static int voxelCount(List<Sample> samples) {
		if (samples.isEmpty()) throw new IllegalArgumentException("no samples to fit");
		int p = samples.get(0).volume().data().length;
		for (int i = 1; i < samples.size(); i++)
			if (samples.get(i).volume().data().length != p)
				throw new IllegalArgumentException("sample " + i + " has " + samples.get(i).volume().data().length
					+ " voxels, the first has " + p + ": all volumes must share one grid");
		return p;
	}
}
