package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.NumpyFiles;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;

/** Training and classifying structures that are ready volumes rather than point clouds. */
class ReadyVolumeTrainingTest {

	private static final int G = 30;

	@TempDir
	Path tmp;

	/**
	 * Volumes of class 0 (a filled ball) and class 1 (a hollow shell), with random radius, centre shift
	 * and 2% of voxels flipped, in NumPy order (n, z, y, x).
	 */
	private static float[] ballsAndShells(int n, long seed, long[] labels) {
		SplittableRandom rnd = new SplittableRandom(seed);
		float[] v = new float[n * G * G * G];
		for (int i = 0; i < n; i++) {
			labels[i] = i % 2;
			double r = 7 + 4 * rnd.nextDouble();
			double cx = 15 + rnd.nextDouble(-2, 2), cy = 15 + rnd.nextDouble(-2, 2), cz = 15 + rnd.nextDouble(-2, 2);
			int off = i * G * G * G;
			for (int z = 0; z < G; z++)
				for (int y = 0; y < G; y++)
					for (int x = 0; x < G; x++) {
						double d = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz));
						boolean on = labels[i] == 0 ? d <= r : Math.abs(d - r) <= 1.0;
						if (rnd.nextDouble() < 0.02) on = !on;
						v[off + x + G * (y + G * z)] = on ? 1 : 0;
					}
		}
		return v;
	}

	private StructureSet npz(String name, int n, long seed) throws IOException {
		long[] labels = new long[n];
		float[] v = ballsAndShells(n, seed, labels);
		Path file = tmp.resolve(name);
		NumpyFiles.writeNpz(file, "X", NumpyFiles.float32(v, n, G, G, G), "y", NumpyFiles.int64(labels, n));
		return StructureLoader.fromPath(file, null, f -> { throw new AssertionError(f.toString()); });
	}

	@Test
	void trainsAndClassifiesReadyVolumesFromAnNpz() throws IOException {
		StructureSet train = npz("train.npz", 40, 1);
		StructureSet test = npz("test.npz", 40, 2);
		// The lab features read occupied voxel centres when a sample has no localizations.
		Model model = Training.train(train, new Training.Options(VoxelConfig.DEFAULT, "lab", Map.of(), "svm", 1),
			Progress.NONE);
		assertEquals(List.of("0", "1"), model.classNames());
		assertEquals(40, model.training().structures());
		List<Classification.Prediction> p = Classification.classify(model, test, Progress.NONE);
		assertEquals(40, p.size());
		long agree = p.stream().filter(q -> q.predicted().equals(q.knownLabel())).count();
		assertTrue(agree / 40.0 > 0.8, agree + " of 40 agree");
	}

	@Test
	void aVolumeOfAnotherGridIsRefusedByName() {
		List<Structure> structures = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Volume v = Volume.zeros(i == 2 ? 24 : G, G, G);
			v.data()[100 + i] = 1; // not empty: an empty volume is not learned from at all
			structures.add(Structure.ofVolume("v" + i, "small.npz", v, i % 2 == 0 ? "a" : "b"));
		}
		InputException e = assertThrows(InputException.class, () -> Training.train(new StructureSet(structures),
			Training.Options.defaults("lab", 1), Progress.NONE));
		assertTrue(e.getMessage().contains("small.npz") && e.getMessage().contains("'v2'")
			&& e.getMessage().contains("24x30x30") && e.getMessage().contains("30x30x30"), e.getMessage());
	}

	@Test
	void readyVolumesAreNotVoxelizedAgain() {
		Volume v = Volume.zeros(G, G, G);
		v.data()[123] = 5;
		Featurizer.Samples s = Featurizer.samples(List.of(Structure.ofVolume("k", "f", v, null)), VoxelConfig.DEFAULT,
			Progress.NONE);
		assertTrue(s.samples().get(0).volume() == v, "the same volume, not a copy");
		assertEquals(null, s.samples().get(0).points());
		assertEquals(0, s.pointsOutside());
	}
}
