package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

class ConcatEncoderTest {

	private final List<Sample> samples = SyntheticSamples.structures(40, 5);

	@Test
	void eachBlockIsStandardisedAndScaledByItsDimension() {
		ConcatEncoder concat = (ConcatEncoder) Encoders.create("concat", Map.of("of", "lab+pca", "pca.components", 5));
		concat.fit(samples, 1, Progress.NONE);
		int lab = LabFeaturesEncoder.FEATURES.size();
		assertEquals(lab + 5, concat.dimension());
		assertEquals(List.of("lab", "pca"), concat.partNames());
		double[][] codes = Encoders.encodeAll(concat, samples, Progress.NONE);

		// The lab block is lab's own features, standardised on the fit samples, divided by sqrt(23).
		double[][] raw = new double[samples.size()][];
		for (int i = 0; i < raw.length; i++) raw[i] = LabFeaturesEncoder.features(samples.get(i).points());
		for (int j = 0; j < lab; j++) {
			double mean = 0, var = 0;
			for (double[] r : raw) mean += r[j] / raw.length;
			for (double[] r : raw) var += (r[j] - mean) * (r[j] - mean) / raw.length;
			double std = Math.sqrt(var);
			for (int i = 0; i < raw.length; i++) {
				double expected = std > 1e-12 * Math.max(1, Math.abs(mean)) ? (raw[i][j] - mean) / std / Math.sqrt(lab) : 0;
				assertEquals(expected, codes[i][j], 1e-9, "lab feature " + j + " of sample " + i);
			}
		}
		// Each block has mean 0 and total variance 1 (one unit per block, whatever its size), so a
		// 5-dimensional block weighs as much as the 23-dimensional one in a kernel distance.
		assertEquals(1.0, blockVariance(codes, lab, lab + 5), 1e-9);
		double labVariance = blockVariance(codes, 0, lab);
		assertTrue(labVariance > 0.8 && labVariance <= 1 + 1e-9, "lab block variance " + labVariance);
		for (int j = 0; j < codes[0].length; j++) {
			double mean = 0;
			for (double[] c : codes) mean += c[j] / codes.length;
			assertEquals(0, mean, 1e-9, "feature " + j);
		}
	}

	private static double blockVariance(double[][] codes, int from, int to) {
		double total = 0;
		for (int j = from; j < to; j++) {
			double mean = 0, var = 0;
			for (double[] c : codes) mean += c[j] / codes.length;
			for (double[] c : codes) var += (c[j] - mean) * (c[j] - mean) / codes.length;
			total += var;
		}
		return total;
	}

	@Test
	void roundTripThroughJsonParametersAndStateGivesTheSameCodes() throws IOException {
		Encoder concat = Encoders.create("concat", Map.of("of", "pca+lab+kmeans", "pca.components", 4, "kmeans.k", 6));
		concat.fit(samples, 3, Progress.NONE);
		byte[] state = state(concat);
		Gson gson = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
		Map<String, Object> parameters = gson.fromJson(gson.toJson(concat.parameters()),
			new TypeToken<Map<String, Object>>() {}.getType());
		Encoder loaded = Encoders.load("concat", parameters, new DataInputStream(new ByteArrayInputStream(state)));
		assertEquals(concat.dimension(), loaded.dimension());
		assertEquals(4 + LabFeaturesEncoder.FEATURES.size() + 6, loaded.dimension());
		for (Sample s : samples) assertArrayEquals(concat.encode(s), loaded.encode(s), 0);
		assertArrayEquals(state, state(loaded), "the loaded encoder writes the same bytes");
		assertEquals("pca+lab+kmeans", loaded.parameters().get("of"));

		byte[] truncated = Arrays.copyOf(state, state.length - 9);
		IOException e = assertThrows(IOException.class, () -> Encoders.load("concat", parameters,
			new DataInputStream(new ByteArrayInputStream(truncated))));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void refusesSupervisedRepeatedUnknownAndSingleParts() {
		assertMessage("supervised", Map.of("of", "lab+cnn"));
		assertMessage("cannot hold auto", Map.of("of", "lab+auto"));
		assertMessage("twice", Map.of("of", "lab+lab"));
		assertMessage("is not an encoder", Map.of("of", "lab+nope"));
		assertMessage("at least two", Map.of("of", "lab"));
		assertMessage("of=lab+pca", Map.of());
		assertMessage("unknown option 'components'", Map.of("of", "lab+pca", "components", 3));
		assertMessage("unknown option 'kmeans.k'", Map.of("of", "lab+pca", "kmeans.k", 3));
		assertMessage("concat part pca", Map.of("of", "lab+pca", "pca.bogus", 3));
		assertMessage("cannot hold concat", Map.of("of", "lab+concat"));
	}

	private static void assertMessage(String part, Map<String, Object> options) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoders.create("concat", options));
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}

	@Test
	void aPartsFitDoesNotDependOnItsPosition() {
		Encoder a = Encoders.create("concat", Map.of("of", "lab+kmeans", "kmeans.k", 5));
		Encoder b = Encoders.create("concat", Map.of("of", "kmeans+lab", "kmeans.k", 5));
		a.fit(samples, 9, Progress.NONE);
		b.fit(samples, 9, Progress.NONE);
		int lab = LabFeaturesEncoder.FEATURES.size();
		double[] ca = a.encode(samples.get(0)), cb = b.encode(samples.get(0));
		assertArrayEquals(Arrays.copyOfRange(ca, lab, lab + 5), Arrays.copyOfRange(cb, 0, 5), 1e-12);
	}

	private static byte[] state(Encoder e) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			e.writeState(out);
		}
		return bytes.toByteArray();
	}
}
