package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Voxelizer;

class CapFitEncoderTest {

	private static CapFitEncoder fitted(Map<String, Object> options) {
		CapFitEncoder e = CapFitEncoder.fromOptions(options);
		e.fit(List.of(), 0, Progress.NONE);
		return e;
	}

	private static double feature(double[] f, String name) {
		return f[CapFitEncoder.FEATURES.indexOf(name)];
	}

	@Test
	void featuresDescribeTheCap() {
		CapFitEncoder e = fitted(Map.of("sigma", 7));
		assertEquals(CapFitEncoder.FEATURES.size(), e.dimension());
		double[] f = e.encode(new Sample(Volume.zeros(8, 8, 8), CapFitTest.cap(new Random(1), 300, 80, 120, 7)));
		assertEquals(e.dimension(), f.length);
		assertEquals(80, feature(f, "radius"), 12);
		assertEquals(120, feature(f, "closing_angle"), 12);
		assertEquals(1 / feature(f, "radius"), feature(f, "curvature"), 1e-12);
		assertEquals(Math.log1p(300), feature(f, "log_count"), 1e-12);
		assertTrue(feature(f, "rmse") > 3 && feature(f, "rmse") < 12);
		double[] flat = e.encode(new Sample(Volume.zeros(8, 8, 8), CapFitTest.disk(new Random(2), 300, 120, 7)));
		assertTrue(feature(flat, "closing_angle") < 10 && feature(flat, "radius") > 1000, java.util.Arrays.toString(flat));
	}

	@Test
	void deterministicAndFiniteOnDegenerateInput() {
		CapFitEncoder e = fitted(Map.of());
		Sample s = new Sample(Volume.zeros(8, 8, 8), CapFitTest.cap(new Random(3), 250, 60, 90, 10));
		assertArrayEquals(e.encode(s), fitted(Map.of()).encode(s), 0.0);
		double[][] inputs = { {}, { 1, 2, 3 }, { 0, 0, 0, 10, 0, 0, 0, 10, 0, Double.NaN, 1, 1 } };
		for (double[] p : inputs) {
			double[] f = e.encode(new Sample(Volume.zeros(8, 8, 8), p));
			assertEquals(e.dimension(), f.length);
			for (double v : f) assertTrue(Double.isFinite(v));
		}
		assertThrows(IllegalStateException.class, () -> CapFitEncoder.fromOptions(Map.of()).encode(s));
		assertThrows(IllegalArgumentException.class, () -> CapFitEncoder.fromOptions(Map.of("sigma", -1)));
		assertThrows(IllegalArgumentException.class, () -> CapFitEncoder.fromOptions(Map.of("sigmaa", 3)));
	}

	@Test
	void volumesWithoutPointsAreFittedOnVoxelCentres() {
		// A closed sphere of radius 10 voxels drawn into a 32^3 grid: the fit should say so, in voxels.
		Volume v = Volume.zeros(32, 32, 32);
		float[] d = v.data();
		for (int z = 0; z < 32; z++)
			for (int y = 0; y < 32; y++)
				for (int x = 0; x < 32; x++) {
					double r = Math.sqrt((x + 0.5 - 16) * (x + 0.5 - 16) + (y + 0.5 - 16) * (y + 0.5 - 16) + (z + 0.5 - 16)
						* (z + 0.5 - 16));
					if (Math.abs(r - 10) < 0.6) d[x + 32 * (y + 32 * z)] = 1;
				}
		double[] f = fitted(Map.of()).encode(new Sample(v, null));
		assertEquals(10, feature(f, "radius"), 1);
		assertTrue(feature(f, "closing_angle") > 150, "closing angle " + feature(f, "closing_angle"));
		double[] p = CapFitTest.cap(new Random(5), 800, 150, 90, 5);
		double[] g = fitted(Map.of()).encode(new Sample(new Voxelizer(VoxelConfig.DEFAULT).voxelize(p).volume(), null));
		for (double x : g) assertTrue(Double.isFinite(x));
		assertTrue(feature(g, "log_count") > 0);
	}

	@Test
	void modelFileRoundTrip(@TempDir Path tmp) throws IOException {
		StructureSet set = new ClathrinSimulator(SimulationConfig.defaults().withCounts(40, 40).withSeed(3)).simulate()
			.toStructureSet();
		Model model = Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "capfit", Map.of("sigma", 12.5, "sigma_z", 30),
			"svm", 1), Progress.NONE);
		Path file = tmp.resolve("capfit.zip");
		ModelFile.write(model, file);
		Model back = ModelFile.read(file);
		assertEquals("capfit", back.encoder().name());
		assertEquals(12.5, ((CapFitEncoder) back.encoder()).settings().sigma());
		assertEquals(30, ((CapFitEncoder) back.encoder()).settings().sigmaZ());
		List<Classification.Prediction> a = Classification.classify(model, set, Progress.NONE),
			b = Classification.classify(back, set, Progress.NONE);
		List<String> pa = new ArrayList<>(), pb = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			pa.add(a.get(i).predicted());
			pb.add(b.get(i).predicted());
			assertArrayEquals(a.get(i).probabilities(), b.get(i).probabilities(), 0.0);
		}
		assertEquals(pa, pb);
	}
}
