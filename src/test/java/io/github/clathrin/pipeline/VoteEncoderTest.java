package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

import io.github.clathrin.classifier.Classifier;
import io.github.clathrin.classifier.Classifiers;
import io.github.clathrin.encoders.ConcatEncoder;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.encoders.SyntheticSamples;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

class VoteEncoderTest {

	private static final int SIDE = 8;

	/** Class 1 a closed cap, class 0 a flat disk in the points (lab reads them); the volumes are noise (pca reads those). */
	private static List<Sample> samples(int[] y, long seed) {
		Random rnd = new Random(seed);
		List<Sample> out = new ArrayList<>();
		for (int label : y) {
			float[] d = new float[SIDE * SIDE * SIDE];
			for (int j = 0; j < d.length; j++) d[j] = (float) rnd.nextGaussian();
			double[] points = label == 1 ? SyntheticSamples.cap(rnd, 300, 80, 2.6, 5) : SyntheticSamples.disk(rnd, 300, 80, 5);
			out.add(new Sample(new Volume(SIDE, SIDE, SIDE, d), points));
		}
		return out;
	}

	private static int[] balanced(int n) {
		int[] y = new int[n];
		for (int i = 0; i < n; i++) y[i] = i % 2;
		return y;
	}

	private static VoteEncoder vote(Map<String, Object> options) {
		return (VoteEncoder) Encoders.create("vote", options);
	}

	@Test
	void theVoteIsTheMeanOfEachPartsProbabilities() {
		int[] y = balanced(40);
		List<Sample> train = samples(y, 1), test = samples(balanced(20), 2);
		VoteEncoder v = vote(Map.of("of", "lab+pca", "pca.components", 4));
		v.fitLabelled(train, y, 2, null, 7, Progress.NONE);
		assertEquals(2, v.dimension());

		// The same parts fitted by hand, with the seeds the vote gives them.
		List<double[][]> byPart = new ArrayList<>();
		for (String name : List.of("lab", "pca")) {
			Encoder e = Encoders.create(name, name.equals("pca") ? Map.of("components", 4) : Map.of());
			long seed = ConcatEncoder.partSeed(7, name);
			e.fit(train, seed, Progress.NONE);
			Classifier svm = Classifiers.create(Classifiers.names().get(0));
			svm.fit(Encoders.encodeAll(e, train, Progress.NONE), y, 2, seed, Progress.NONE);
			double[][] p = new double[test.size()][];
			for (int i = 0; i < p.length; i++) p[i] = svm.probabilities(e.encode(test.get(i)));
			byPart.add(p);
		}
		double[][] votes = v.encodeBatch(test);
		int right = 0;
		for (int i = 0; i < test.size(); i++) {
			for (int k = 0; k < 2; k++) assertEquals((byPart.get(0)[i][k] + byPart.get(1)[i][k]) / 2, votes[i][k], 1e-12);
			assertEquals(1, votes[i][0] + votes[i][1], 1e-9);
			assertArrayEquals(votes[i], v.encode(test.get(i)), 1e-12);
			if ((votes[i][1] > votes[i][0] ? 1 : 0) == i % 2) right++;
		}
		// lab is sure and right, pca guesses: the mean follows the part that knows.
		assertTrue(right >= 18, right + " of 20");
	}

	@Test
	void aSupervisedPartAndTheModelSurviveSaveAndLoad() throws IOException {
		int[] y = balanced(24);
		List<Sample> data = samples(y, 3);
		VoteEncoder v = vote(Map.of("of", "cnn+pca", "epochs", 1, "cnn.filters", "2,4", "cnn.hidden", 8, "pca.components", 3));
		assertInstanceOf(SupervisedEncoder.class, v);
		v.fitLabelled(data, y, 2, null, 5, Progress.NONE);
		Map<String, Object> p = v.parameters();
		assertEquals("cnn+pca", p.get("of"));
		assertEquals(1, p.get("cnn.epochs"), "epochs reaches the deep part");
		assertEquals(2, ((List<?>) p.get("parts")).size());

		Gson gson = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
		Map<String, Object> back = gson.fromJson(gson.toJson(p), new TypeToken<Map<String, Object>>() {}.getType());
		byte[] state = state(v);
		Encoder loaded = Encoders.load("vote", back, new DataInputStream(new ByteArrayInputStream(state)));
		for (Sample s : data) assertArrayEquals(v.encode(s), loaded.encode(s), 1e-6);
		assertEquals(2, loaded.dimension());
		assertEquals(gson.toJson(p), gson.toJson(loaded.parameters()));

		byte[] cut = Arrays.copyOf(state, state.length - 10);
		IOException e = assertThrows(IOException.class, () -> Encoders.load("vote", back,
			new DataInputStream(new ByteArrayInputStream(cut))));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void optionsAreCheckedUpFront() {
		assertTrue(Encoders.isSupervised("vote"));
		assertMessage("needs option of", Map.of());
		assertMessage("at least two", Map.of("of", "pca"));
		assertMessage("not an encoder", Map.of("of", "pca+nope"));
		assertMessage("listed twice", Map.of("of", "pca+pca"));
		assertMessage("cannot hold vote", Map.of("of", "pca+vote"));
		assertMessage("unknown option 'components'", Map.of("of", "lab+pca", "components", 3));
		assertMessage("vote part pca", Map.of("of", "lab+pca", "pca.components", 0));
		assertThrows(IllegalStateException.class, () -> vote(Map.of("of", "lab+pca")).dimension());
	}

	private static void assertMessage(String part, Map<String, Object> options) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoders.create("vote", options));
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}

	private static byte[] state(Encoder e) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			e.writeState(out);
		}
		return bytes.toByteArray();
	}
}
