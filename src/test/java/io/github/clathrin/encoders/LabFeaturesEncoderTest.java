package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Voxelizer;

class LabFeaturesEncoderTest {

	private static double feature(double[] f, String name) {
		return f[LabFeaturesEncoder.FEATURES.indexOf(name)];
	}

	@Test
	void capAndDiskDiffer() {
		Random rnd = new Random(3);
		double[] cap = LabFeaturesEncoder.features(SyntheticSamples.cap(rnd, 800, 100, Math.PI / 2, 5));
		double[] disk = LabFeaturesEncoder.features(SyntheticSamples.disk(rnd, 800, 100, 5));
		assertTrue(feature(cap, "flatness") > 0.35 && feature(disk, "flatness") < 0.15,
			"flatness cap " + feature(cap, "flatness") + " disk " + feature(disk, "flatness"));
		assertTrue(feature(cap, "cap_curvature") > 0.5 && feature(disk, "cap_curvature") < 0.1,
			"curvature cap " + feature(cap, "cap_curvature") + " disk " + feature(disk, "cap_curvature"));
		assertTrue(feature(cap, "sphere_residual_std") < 0.1 && feature(disk, "sphere_residual_std") > 0.2,
			"a hemisphere fits a sphere well, a disk does not: " + feature(cap, "sphere_residual_std") + " vs "
				+ feature(disk, "sphere_residual_std"));
		// Heights on a uniformly covered cap are uniform (Archimedes), so its minor-axis skew is ~0;
		// its asymmetry shows as a sphere centre half a radius away from the centroid.
		assertEquals(0.5, feature(cap, "sphere_centre_offset"), 0.1);
		assertEquals(Math.log1p(800), feature(cap, "log_count"), 1e-12);
	}

	@Test
	void closedSphereCoversAllDirections() {
		double[] sphere = LabFeaturesEncoder.features(SyntheticSamples.cap(new Random(4), 3000, 100, Math.PI, 3));
		assertTrue(feature(sphere, "angular_coverage") > 0.95);
		assertTrue(feature(sphere, "sphere_centre_offset") < 0.1);
		assertTrue(feature(sphere, "hollowness") < 0.1);
	}

	@Test
	void degenerateInputsGiveFiniteFeatures() {
		double[][] inputs = { {}, { 1, 2, 3 }, { 1, 2, 3, 1, 2, 3 }, { 0, 0, 0, 10, 0, 0 }, { 0, 0, 0, 10, 0, 0, 0, 10, 0 },
			{ 0, 0, 0, 10, 0, 0, 0, 10, 0, Double.NaN, 1, 1 } };
		LabFeaturesEncoder e = LabFeaturesEncoder.fromOptions(java.util.Map.of());
		e.fit(java.util.List.of(), 0, Progress.NONE);
		for (double[] p : inputs) {
			double[] f = e.encode(new Sample(Volume.zeros(30, 30, 30), p));
			assertEquals(e.dimension(), f.length);
			for (double v : f) assertTrue(Double.isFinite(v), java.util.Arrays.toString(f));
		}
	}

	@Test
	void usesVoxelCentresWithoutPoints() {
		double[] p = SyntheticSamples.cap(new Random(5), 800, 150, Math.PI / 2, 5);
		Volume v = new Voxelizer(VoxelConfig.DEFAULT).voxelize(p).volume();
		LabFeaturesEncoder e = LabFeaturesEncoder.fromOptions(java.util.Map.of());
		e.fit(java.util.List.of(), 0, Progress.NONE);
		double[] f = e.encode(new Sample(v, null));
		assertTrue(feature(f, "log_count") > 0);
		for (double x : f) assertTrue(Double.isFinite(x));
	}
}
