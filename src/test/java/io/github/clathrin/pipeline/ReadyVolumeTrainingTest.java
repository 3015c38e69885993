package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.BallsAndShells;
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

	/** Class 0 a filled ball, class 1 a hollow shell, of radius 7 to 11 voxels, centres moved by up to 2 voxels. */
	private static final BallsAndShells VOLUMES = new BallsAndShells(G, 7, 4, 2);

	@TempDir
	Path tmp;

	private StructureSet npz(String name, int n, long seed) throws IOException {
		long[] labels = new long[n];
		float[] v = VOLUMES.volumes(n, seed, labels);
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
