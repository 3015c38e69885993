package io.github.clathrin.cli;

import static io.github.clathrin.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.BallsAndShells;
import io.github.clathrin.NumpyFiles;
import io.github.clathrin.cli.MainTest.Result;

/**
 * Ready volumes through the command line: the grid comes from the data unless --grid says otherwise (and
 * then must agree), and binary volumes stored as 0/1 or as 0/255 bytes give the same predictions.
 */
class ReadyVolumeInputsTest {

	private static final int G = 20;

	/** Filled balls (class 0) and hollow shells (class 1) of radius 4 to 7 voxels, in the middle of the grid. */
	private static final BallsAndShells VOLUMES = new BallsAndShells(G, 4, 3, 0);

	@TempDir
	Path tmp;

	@Test
	void gridFromTheDataAndTheSamePredictionsForZeroOneAndZero255() throws IOException {
		long[] labels = new long[30];
		Path train = tmp.resolve("train.npz"), model = tmp.resolve("model.zip");
		NumpyFiles.writeNpz(train, "X", NumpyFiles.float32(VOLUMES.volumes(30, 1, labels), 30, G, G, G), "y",
			NumpyFiles.int64(labels, 30));
		Result t = cli("train", "--input", train.toString(), "--encoder", "pca", "--out", model.toString());
		assertEquals(0, t.exit(), t.toString());
		assertTrue(t.out().contains("Grid taken from the volumes: 20x20x20"), t.toString());

		// The same new volumes, stored as 0/1 floats and as 0/255 bytes.
		float[] ones = VOLUMES.volumes(20, 2, new long[20]);
		byte[] bytes = new byte[ones.length];
		for (int i = 0; i < ones.length; i++) bytes[i] = (byte) (ones[i] == 0 ? 0 : 255);
		Path a = tmp.resolve("ones.npz"), b = tmp.resolve("bytes.npz");
		NumpyFiles.writeNpz(a, Map.of("X", NumpyFiles.float32(ones, 20, G, G, G)));
		NumpyFiles.writeNpz(b, Map.of("X", new NumpyFiles.Array("|u1", new int[] { 20, G, G, G }, bytes)));
		Path ra = tmp.resolve("ones.csv"), rb = tmp.resolve("bytes.csv");
		Result ca = cli("classify", "--model", model.toString(), "--input", a.toString(), "--out", ra.toString());
		assertEquals(0, ca.exit(), ca.toString());
		Result cb = cli("classify", "--model", model.toString(), "--input", b.toString(), "--out", rb.toString());
		assertEquals(0, cb.exit(), cb.toString());
		assertEquals(Files.readAllLines(ra), Files.readAllLines(rb));
		assertEquals(21, Files.readAllLines(ra).size());
	}

	@Test
	void aGridThatContradictsTheVolumesIsRefused() throws IOException {
		long[] labels = new long[10];
		Path train = tmp.resolve("train.npz");
		NumpyFiles.writeNpz(train, "X", NumpyFiles.float32(VOLUMES.volumes(10, 1, labels), 10, G, G, G), "y",
			NumpyFiles.int64(labels, 10));
		Result r = cli("train", "--input", train.toString(), "--grid", "30", "--out", tmp.resolve("m.zip").toString());
		assertEquals(2, r.exit(), r.toString());
		assertEquals(1, r.errorLines().size(), r.toString());
		String error = r.errorLines().get(0);
		assertTrue(error.contains("train.npz") && error.contains("20x20x20") && error.contains("--grid"), error);
		assertNotEquals(true, Files.exists(tmp.resolve("m.zip")), "no model written");

		Result e = cli("evaluate", "--input", train.toString(), "--grid", "30", "--encoders", "pca", "--folds", "2");
		assertEquals(2, e.exit(), e.toString());
		assertTrue(e.errorLines().get(0).contains("20x20x20"), e.toString());
	}
}
