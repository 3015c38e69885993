package io.github.clathrin.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.NumpyFiles;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

class DeepBenchmarksTest {

	private static final int G = 8;

	@TempDir
	Path dir;

	/** n volumes of G^3: class 0 a block in the lower half along z, class 1 in the upper half, at a random x, y. */
	private static NumpyFiles.Array volumes(int n, long seed) {
		java.util.Random r = new java.util.Random(seed);
		float[] v = new float[n * G * G * G];
		for (int i = 0; i < n; i++) {
			int z0 = i % 2 == 0 ? 0 : G / 2, x0 = r.nextInt(G - 3), y0 = r.nextInt(G - 3);
			for (int z = z0; z < z0 + 3; z++)
				for (int y = y0; y < y0 + 3; y++)
					for (int x = x0; x < x0 + 3; x++) v[((i * G + z) * G + y) * G + x] = 1;
		}
		return NumpyFiles.float32(v, n, G, G, G);
	}

	private static NumpyFiles.Array labels(int n) {
		long[] y = new long[n];
		for (int i = 0; i < n; i++) y[i] = i % 2;
		return NumpyFiles.int64(y, n);
	}

	/** split.npz: {@code train} volumes (seed 1) and {@code test} volumes (seed 2) with their labels. */
	private Path officialSplit(int train, int test) throws IOException {
		Path npz = dir.resolve("split.npz");
		Map<String, NumpyFiles.Array> arrays = new LinkedHashMap<>();
		arrays.put("X_train", volumes(train, 1));
		arrays.put("y_train", labels(train));
		arrays.put("X_test", volumes(test, 2));
		arrays.put("y_test", labels(test));
		NumpyFiles.writeNpz(npz, arrays);
		return npz;
	}

	@Test
	void trainsOnTheTrainSplitAndScoresTheTestSplit() throws Exception {
		Path npz = officialSplit(24, 10);
		String report = DeepBenchmarks.officialSplit(npz, "cnn", Map.of("filters", List.of(4), "hidden", List.of(8), "epochs", 15,
			"batch", 4, "learningRate", 0.01, "validation", 0.0, "mirror", "x", "tta", true), 3, Progress.NONE);
		assertTrue(report.contains("24 train, 10 test volumes, 2 classes"), report);
		Matcher m = Pattern.compile("TEST ACCURACY ([0-9.]+) \\((\\d+) of 10\\)").matcher(report);
		assertTrue(m.find(), report);
		assertTrue(Double.parseDouble(m.group(1)) >= 0.8, "lower and upper blocks are easy to tell apart: " + report);
	}

	@Test
	void refusesAFileWithoutBothSplitsOrAnUnsupervisedEncoder() throws Exception {
		Path npz = dir.resolve("one.npz");
		NumpyFiles.writeNpz(npz, "X", volumes(4, 1), "y", labels(4));
		InputException e = assertThrows(InputException.class,
			() -> DeepBenchmarks.officialSplit(npz, "cnn", Map.of(), 1, Progress.NONE));
		assertTrue(e.getMessage().contains("X_train") && e.getMessage().contains("one.npz"), e.getMessage());

		Path split = officialSplit(4, 2);
		InputException badValue = assertThrows(InputException.class,
			() -> DeepBenchmarks.officialSplit(split, "cnn", Map.of("batch", 0), 1, Progress.NONE));
		assertTrue(badValue.getMessage().contains("batch must be at least 1"), badValue.getMessage());
		InputException unsupervised = assertThrows(InputException.class,
			() -> DeepBenchmarks.officialSplit(split, "pca", Map.of(), 1, Progress.NONE));
		assertTrue(unsupervised.getMessage().contains("supervised"), unsupervised.getMessage());
	}
}
