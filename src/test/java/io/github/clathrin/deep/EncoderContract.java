package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

/** Checks every deep encoder must pass once fitted: batching, threads, manifest, state round trip. */
final class EncoderContract {

	private EncoderContract() {}

	static void check(DeepEncoder e, List<Sample> samples) throws Exception {
		batchesAgreeWithSingles(e, samples);
		threadsAgree(e, samples);
		jsonFriendly(e.parameters(), "parameters");
		roundTrip(e, samples);
	}

	static void batchesAgreeWithSingles(Encoder e, List<Sample> samples) {
		double[][] batch = e.encodeBatch(samples);
		assertEquals(samples.size(), batch.length);
		for (int i = 0; i < samples.size(); i++) {
			assertEquals(e.dimension(), batch[i].length);
			for (double v : batch[i]) assertTrue(Double.isFinite(v), "finite code values");
			assertArrayEquals(batch[i], e.encode(samples.get(i)), 1e-5, "sample " + i + " alone and in a batch");
		}
	}

	static void threadsAgree(Encoder e, List<Sample> samples) throws Exception {
		double[][] expected = e.encodeBatch(samples);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<double[][]>> results = List.of(pool.submit(() -> e.encodeBatch(samples)), pool.submit(() -> e.encodeBatch(samples)),
				pool.submit(() -> e.encodeBatch(samples)));
			for (Future<double[][]> f : results)
				for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], f.get()[i], 0.0);
		} finally {
			pool.shutdown();
		}
	}

	static void roundTrip(DeepEncoder e, List<Sample> samples) throws IOException {
		Gson gson = new Gson();
		Map<String, Object> back = gson.fromJson(gson.toJson(e.parameters()), new TypeToken<Map<String, Object>>() {}.getType());
		byte[] state = state(e);
		Encoder loaded = Encoders.load(e.name(), back, input(state));
		assertEquals(e.dimension(), loaded.dimension());
		double[][] a = e.encodeBatch(samples), b = loaded.encodeBatch(samples);
		for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], 0.0, "loaded " + e.name() + " must give the same codes");
		Map<String, Object> again = gson.fromJson(gson.toJson(loaded.parameters()), new TypeToken<Map<String, Object>>() {}.getType());
		assertEquals(back, again, "the manifest survives a save and load");
		if (e instanceof io.github.clathrin.encoders.Autoencoder ae) {
			List<Volume> r1 = ae.reconstruct(samples.subList(0, 2));
			List<Volume> r2 = ((io.github.clathrin.encoders.Autoencoder) loaded).reconstruct(samples.subList(0, 2));
			assertArrayEquals(r1.get(1).data(), r2.get(1).data(), 0f);
		}

		for (int cut : new int[] { 5, state.length / 2, state.length - 9, 20 }) {
			byte[] part = Arrays.copyOf(state, cut);
			IOException t = assertThrows(IOException.class, () -> Encoders.load(e.name(), back, input(part)));
			assertTrue(t.getMessage().contains("truncated"), "cut at " + cut + ": " + t.getMessage());
		}
		assertThrows(IOException.class, () -> Encoders.load(e.name(), back, input(new byte[0])));

		byte[] garbage = new byte[4000];
		new Random(1).nextBytes(garbage);
		IOException g = assertThrows(IOException.class, () -> Encoders.load(e.name(), back, input(garbage)));
		assertTrue(g.getMessage().contains("not a deep encoder state"), g.getMessage());

		byte[] damaged = state.clone();
		damaged[damaged.length / 2] ^= 0x55;
		IOException d = assertThrows(IOException.class, () -> Encoders.load(e.name(), back, input(damaged)));
		assertTrue(d.getMessage().contains("corrupt"), d.getMessage());

		String other = e.name().equals("conv-ae") ? "dense-ae" : "conv-ae";
		IOException o = assertThrows(IOException.class, () -> Encoders.load(other, Map.of(), input(state)));
		assertTrue(o.getMessage().contains(e.name()), o.getMessage());
	}

	static byte[] state(Encoder e) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		e.writeState(new DataOutputStream(bytes));
		return bytes.toByteArray();
	}

	static DataInputStream input(byte[] b) {
		return new DataInputStream(new ByteArrayInputStream(b));
	}

	/** Only what JSON (Gson) writes and reads back faithfully: no NaN, no arrays, no odd classes. */
	static void jsonFriendly(Object v, String where) {
		if (v instanceof Map<?, ?> m) {
			for (Map.Entry<?, ?> en : m.entrySet()) {
				assertTrue(en.getKey() instanceof String, where + " keys are strings");
				jsonFriendly(en.getValue(), where + "." + en.getKey());
			}
		} else if (v instanceof List<?> l) {
			for (Object o : l) jsonFriendly(o, where + "[]");
		} else if (v instanceof Number n) {
			assertTrue(Double.isFinite(n.doubleValue()), where + " is finite");
		} else if (!(v instanceof String || v instanceof Boolean)) {
			fail(where + " is not JSON-friendly: " + (v == null ? "null" : v.getClass()));
		}
	}

	/** Mean binary cross-entropy of reconstructions against inputs, clipped as DL4J clips it (1e-5). */
	static double reconstructionLoss(List<Volume> reconstructions, List<Sample> samples) {
		double sum = 0;
		long n = 0;
		for (int i = 0; i < samples.size(); i++) {
			float[] x = samples.get(i).volume().data(), r = reconstructions.get(i).data();
			for (int j = 0; j < x.length; j++) {
				double p = Math.min(1 - 1e-5, Math.max(1e-5, r[j]));
				sum -= x[j] * Math.log(p) + (1 - x[j]) * Math.log(1 - p);
				n++;
			}
		}
		return sum / n;
	}

	static void inUnitRange(List<Volume> volumes) {
		for (Volume v : volumes)
			for (float f : v.data()) assertTrue(f >= 0 && f <= 1, "reconstructed voxel " + f + " outside [0, 1]");
	}
}
