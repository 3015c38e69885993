package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;

/** Canonical poses through the pipeline: ready volumes, the model manifest, and classification. */
class PoseTest {

	@TempDir
	Path dir;

	@Test
	void oldManifestsWithoutAPoseReadAsNoneAndPosesRoundTrip() {
		Map<String, Object> old = new HashMap<>(ModelFile.voxelsToMap(VoxelConfig.DEFAULT));
		old.remove("pose");
		assertEquals(VoxelConfig.DEFAULT, ModelFile.voxelsFromMap(old));
		for (VoxelConfig.Pose p : VoxelConfig.Pose.values()) {
			VoxelConfig c = VoxelConfig.DEFAULT.withPose(p);
			assertEquals(c, ModelFile.voxelsFromMap(ModelFile.voxelsToMap(c)));
		}
	}

	@Test
	void aReadyVolumeTurnedByAQuarterTurnGetsTheSamePose() {
		int n = 24;
		float[] d = new float[n * n * n];
		Random r = new Random(1);
		for (int i = 0; i < 400; i++) {
			boolean lump = i % 6 == 0;
			int x = (int) Math.round(lump ? 15 + r.nextGaussian() : 10 + 4 * r.nextGaussian());
			int y = (int) Math.round(lump ? 14 + r.nextGaussian() : 12 + 2.5 * r.nextGaussian());
			int z = (int) Math.round(lump ? 13 + r.nextGaussian() : 11 + 1.2 * r.nextGaussian());
			d[x + n * (y + n * z)]++;
		}
		float[] turned = new float[d.length];
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) turned[z + n * (y + n * (n - 1 - x))] = d[x + n * (y + n * z)]; // about y
		VoxelConfig counts = new VoxelConfig(n, n, n, 200, 200, 200, VoxelConfig.Centring.CENTROID, false, Double.NaN);
		for (VoxelConfig.Pose p : List.of(VoxelConfig.Pose.PRINCIPAL_AXES)) {
			Volume a = Featurizer.posed(new Volume(n, n, n, d), counts.withPose(p)),
				b = Featurizer.posed(new Volume(n, n, n, turned), counts.withPose(p));
			assertArrayEquals(a.data(), b.data(), 1e-3f);
			double mass = 0;
			for (float v : a.data()) mass += v;
			assertEquals(400, mass, 40, "resampling about keeps the mass");
		}
		Volume same = new Volume(n, n, n, d);
		assertTrue(same == Featurizer.posed(same, counts), "no pose: the volume as it is");
	}

	@Test
	void aModelTrainedWithAPoseClassifiesANewFileTheSameAfterSaveAndLoadAndIgnoresRotations() throws IOException {
		StructureSet training = new ClathrinSimulator(SimulationConfig.defaults().withCounts(60, 40).withSeed(3)).simulate()
			.toStructureSet();
		VoxelConfig voxels = VoxelConfig.DEFAULT.withPose(VoxelConfig.Pose.PRINCIPAL_AXES);
		Model model = Training.train(training, new Training.Options(voxels, "lab", Map.of(), "svm", 5), Progress.NONE);
		Path file = dir.resolve("model.zip");
		ModelFile.write(model, file);
		Model back = ModelFile.read(file);
		assertEquals(VoxelConfig.Pose.PRINCIPAL_AXES, back.voxels().pose());

		new ClathrinSimulator(SimulationConfig.defaults().withCounts(30, 0).withSeed(11)).simulate(Progress.NONE)
			.write(dir.resolve("new"));
		StructureSet fresh = StructureLoader.fromFolder(dir.resolve("new").resolve(SimulatedDataset.STRUCTURES_DIR),
			f -> LocalizationReaders.read(f, null, Progress.NONE));
		List<Classification.Prediction> a = Classification.classify(model, fresh, Progress.NONE);
		List<Classification.Prediction> b = Classification.classify(back, fresh, Progress.NONE);
		assertEquals(fresh.size(), b.size());
		for (int i = 0; i < a.size(); i++) {
			assertEquals(a.get(i).predicted(), b.get(i).predicted());
			assertArrayEquals(a.get(i).probabilities(), b.get(i).probabilities(), 0.0);
		}

		// The same structures turned at random in 3D: the pose undoes the turn, so predictions stay.
		Random r = new Random(2);
		List<Structure> turned = new ArrayList<>();
		for (Structure s : fresh) turned.add(new Structure(s.key(), s.source(), turn(s.points(), r), s.label()));
		List<Classification.Prediction> c = Classification.classify(back, new StructureSet(turned), Progress.NONE);
		int same = 0;
		for (int i = 0; i < a.size(); i++)
			if (a.get(i).predicted().equals(c.get(i).predicted())) same++;
		assertTrue(same >= 0.9 * a.size(), same + " of " + a.size() + " predictions unchanged by a rotation");
	}

	private static double[] turn(double[] p, Random r) {
		double w = r.nextGaussian(), x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
		double n = Math.sqrt(w * w + x * x + y * y + z * z);
		w /= n; x /= n; y /= n; z /= n;
		double[] m = { 1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
			2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
			2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y) };
		double[] out = new double[p.length];
		for (int i = 0; i < p.length; i += 3)
			for (int j = 0; j < 3; j++) out[i + j] = m[3 * j] * p[i] + m[3 * j + 1] * p[i + 1] + m[3 * j + 2] * p[i + 2];
		return out;
	}
}
