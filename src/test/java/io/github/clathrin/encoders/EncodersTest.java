package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.google.gson.reflect.TypeToken;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

class EncodersTest {

	/** The encoders without Deeplearning4j; the deep ones have their own tests in io.github.clathrin.deep. */
	private static final List<String> SHALLOW = List.of("pca", "kmeans", "lab", "capfit", "shells");

	@Test
	void namesAndUnknownNames() {
		assertEquals(List.of("auto", "pca", "kmeans", "lab", "capfit", "shells", "concat", "vote", "dense-ae", "conv-ae",
			"sparse-conv-ae", "cnn"), Encoders.names());
		assertEquals(io.github.clathrin.deep.DeepEncoders.NAMES, Encoders.names().stream().filter(Encoders::isDeep).toList());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoders.create("vae", Map.of()));
		assertTrue(e.getMessage().contains("pca") && e.getMessage().contains("kmeans") && e.getMessage().contains("lab"));
		IllegalArgumentException o = assertThrows(IllegalArgumentException.class, () -> Encoders.create("pca", Map.of("componets", 3)));
		assertTrue(o.getMessage().contains("componets"));
		for (String name : SHALLOW) assertEquals(name, Encoders.create(name, Map.of()).name());
	}

	/**
	 * The command line's --epochs and the dialogs' epochs field reach exactly the encoders that accept an epochs
	 * option: the deep ones, and auto and vote for their deep parts.
	 */
	@Test
	void takesEpochsNamesTheEncodersWithAnEpochsOption() {
		assertEquals(List.of("auto", "vote", "dense-ae", "conv-ae", "sparse-conv-ae", "cnn"),
			Encoders.names().stream().filter(Encoders::takesEpochs).toList());
		for (String name : Encoders.names()) {
			Map<String, Object> options = new java.util.HashMap<>(Map.of("epochs", 3));
			if (name.equals("concat") || name.equals("vote")) options.put("of", "pca+lab");
			if (Encoders.takesEpochs(name)) {
				Encoder e = Encoders.create(name, options);
				assertEquals(name, e.name());
			} else {
				IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoders.create(name, options), name);
				assertTrue(e.getMessage().contains("epochs"), name + ": " + e.getMessage());
			}
		}
		assertFalse(Encoders.takesEpochs("no-such-encoder"));
	}

	/** The registry describes every encoder in one line of its own (for help and dialogs), known without ND4J. */
	@Test
	void everyEncoderDescribesItself() {
		for (String name : Encoders.names()) {
			String d = Encoders.description(name);
			assertTrue(!d.isBlank() && !d.equals(name) && !d.contains("\n"), name + ": " + d);
		}
		assertThrows(IllegalArgumentException.class, () -> Encoders.description("vae"));
	}

	/** The options an encoder lists are accepted and are its defaults: set explicitly, they change nothing. */
	@Test
	void listedOptionsAreTheDefaults() {
		for (String name : SHALLOW) {
			Map<String, Object> options = Encoders.options(name);
			assertEquals(Encoders.create(name, Map.of()).parameters(), Encoders.create(name, options).parameters(), name);
		}
		assertTrue(Encoders.options("pca").containsKey("components"));
		assertTrue(Encoders.options("kmeans").containsKey("k"));
		assertTrue(Encoders.options("shells").containsKey("degree"));
		assertTrue(Encoders.options("capfit").containsKey("sigma"));
		assertEquals(Map.of(), Encoders.options("lab"));
	}

	/**
	 * Every name can be created, also those that live in other packages (deep's and auto) and reach
	 * Encoders only through META-INF/services: a missing or wrong provider entry fails here.
	 */
	@Test
	void everyNameCanBeCreated() {
		for (String name : Encoders.names()) {
			Map<String, Object> options = name.equals("concat") ? Map.of("of", "lab+pca")
				: name.equals("vote") ? Map.of("of", "cnn+pca") : Map.of();
			Encoder e = Encoders.create(name, options);
			assertEquals(name, e.name());
			assertEquals(Encoders.isSupervised(name), e instanceof SupervisedEncoder, name);
		}
	}

	@Test
	void parametersSurviveJsonAndTruncatedStateFailsClearly() throws IOException {
		List<Sample> samples = SyntheticSamples.structures(40, 2);
		for (String name : SHALLOW) {
			Encoder e = Encoders.create(name, name.equals("kmeans") ? Map.of("k", 5) : Map.of());
			e.fit(samples, 1, Progress.NONE);
			Gson gson = new Gson();
			Map<String, Object> back = gson.fromJson(gson.toJson(e.parameters()), new TypeToken<Map<String, Object>>() {}.getType());
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			e.writeState(new DataOutputStream(bytes));
			byte[] state = bytes.toByteArray();
			Encoder loaded = Encoders.load(name, back, new DataInputStream(new ByteArrayInputStream(state)));
			assertEquals(e.dimension(), loaded.dimension());
			assertArrayEquals(e.encode(samples.get(3)), loaded.encode(samples.get(3)), 0.0);

			byte[] cut = Arrays.copyOf(state, state.length - 5);
			IOException t = assertThrows(IOException.class, () -> Encoders.load(name, back, new DataInputStream(new ByteArrayInputStream(cut))));
			assertTrue(t.getMessage().contains("truncated"), t.getMessage());
			assertThrows(IOException.class, () -> Encoders.load(name, back, new DataInputStream(new ByteArrayInputStream(new byte[0]))));
		}
		assertThrows(IOException.class, () -> Encoders.load("nope", Map.of(), new DataInputStream(new ByteArrayInputStream(new byte[0]))));
	}

	@Test
	void parallelEncodingIsDeterministic() {
		List<Sample> samples = SyntheticSamples.structures(60, 9);
		Encoder e = Encoders.create("pca", Map.of("components", 10));
		e.fit(samples, 1, Progress.NONE);
		double[][] a = Encoders.encodeAll(e, samples, Progress.NONE), b = Encoders.encodeAll(e, samples, Progress.NONE);
		for (int i = 0; i < samples.size(); i++) {
			assertArrayEquals(a[i], b[i], 0.0);
			assertArrayEquals(e.encode(samples.get(i)), a[i], 0.0);
		}
	}
}
