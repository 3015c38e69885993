package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

class InputJitterTest {

	/** A 3 x 2 x 2 volume whose voxel (x, y, z) holds 1 + x + 3y + 6z, so every voxel is distinct. */
	private static float[] numbered() {
		float[] v = new float[12];
		for (int i = 0; i < v.length; i++) v[i] = i + 1;
		return v;
	}

	@Test
	void mirrorsAndShiftsVoxels() {
		float[] src = numbered(), out = new float[12];
		new InputJitter.Transform(true, false, false, 0, 0, 0).apply(src, 3, 2, 2, out, 0);
		assertArrayEquals(new float[] { 3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10 }, out);

		out = new float[12];
		new InputJitter.Transform(false, false, true, 0, 0, 0).apply(src, 3, 2, 2, out, 0);
		assertArrayEquals(new float[] { 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6 }, out);

		// Shift by +1 in x: voxel x takes x - 1; x = 0 gets nothing.
		out = new float[12];
		new InputJitter.Transform(false, false, false, 1, 0, 0).apply(src, 3, 2, 2, out, 0);
		assertArrayEquals(new float[] { 0, 1, 2, 0, 4, 5, 0, 7, 8, 0, 10, 11 }, out);

		// Written at an offset, as a batch stacks samples.
		out = new float[24];
		InputJitter.Transform.IDENTITY.apply(src, 3, 2, 2, out, 12);
		assertArrayEquals(src, Arrays.copyOfRange(out, 12, 24));
	}

	@Test
	void readsItsOptions() {
		InputJitter j = InputJitter.fromOptions(options(Map.of("mirror", "z,x", "shift", 2, "noise", 0.1, "noiseType", "salt-pepper")));
		assertTrue(j.mirrorX() && !j.mirrorY() && j.mirrorZ());
		assertEquals("xz", j.mirrorAxes());
		assertEquals(2, j.shift());
		assertEquals(InputJitter.Noise.SALT_PEPPER, j.noiseType());
		assertEquals("y", InputJitter.fromOptions(options(Map.of("mirror", List.of("y")))).mirrorAxes());
		assertEquals(InputJitter.NONE, InputJitter.fromOptions(options(Map.of("mirror", "none"))));
		assertEquals(InputJitter.NONE, InputJitter.fromOptions(options(Map.of())));

		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
			() -> InputJitter.fromOptions(options(Map.of("mirror", "w"))));
		assertTrue(bad.getMessage().contains("mirror"), bad.getMessage());
		assertThrows(IllegalArgumentException.class, () -> InputJitter.fromOptions(options(Map.of("noise", 1.0))));
		assertThrows(IllegalArgumentException.class, () -> InputJitter.fromOptions(options(Map.of("shift", -1))));
		assertThrows(IllegalArgumentException.class, () -> InputJitter.fromOptions(options(Map.of("noiseType", "gaussian"))));

		Map<String, Object> m = new LinkedHashMap<>();
		j.putOptions(m);
		assertEquals(j, InputJitter.fromOptions(options(m)), "the manifest's options read back the same jitter");
		Map<String, Object> none = new LinkedHashMap<>();
		InputJitter.NONE.putOptions(none);
		assertTrue(none.isEmpty(), "no jitter adds nothing to the study's manifests");
	}

	private static DeepOptions options(Map<String, Object> m) {
		return new DeepOptions("test", m, InputJitter.OPTIONS);
	}

	@Test
	void testTimeMirrorsAreEveryCombinationOfTheAxes() {
		InputJitter xz = new InputJitter(true, false, true, 0, 0, InputJitter.Noise.DROPOUT);
		List<InputJitter.Transform> all = xz.allMirrors();
		assertEquals(4, all.size());
		assertEquals(4, new HashSet<>(all).size());
		assertTrue(all.get(0).isIdentity());
		for (InputJitter.Transform t : all) assertFalse(t.mirrorY());
		assertEquals(List.of(InputJitter.Transform.IDENTITY), InputJitter.NONE.allMirrors());
	}

	@Test
	void corruptsAboutTheAskedShare() {
		float[] ones = new float[20000];
		Arrays.fill(ones, 1);
		new InputJitter(false, false, false, 0, 0.2, InputJitter.Noise.DROPOUT).corrupt(ones, new Random(3));
		long zeros = count(ones, 0);
		assertTrue(zeros > 3600 && zeros < 4400, "about a fifth dropped: " + zeros);

		float[] zero = new float[20000];
		new InputJitter(false, false, false, 0, 0.2, InputJitter.Noise.SALT_PEPPER).corrupt(zero, new Random(3));
		long salt = count(zero, 1);
		assertTrue(salt > 1600 && salt < 2400, "half of the corrupted tenth become 1: " + salt);
	}

	private static long count(float[] a, float value) {
		long n = 0;
		for (float v : a) if (v == value) n++;
		return n;
	}

	/** A denoising autoencoder learns to map the corrupted volume to the clean one, mirrored alike. */
	@Test
	void denoisingBatchesCorruptOnlyTheInput() {
		List<Sample> samples = DeepSamples.structures(4, 2, 8);
		InputJitter j = new InputJitter(true, true, true, 1, 0.3, InputJitter.Noise.SALT_PEPPER);
		TrainingConfig config = new TrainingConfig(1, 4, 1e-3, 1, 0, 0, 1, j);
		DeepTrainer trainer = new DeepTrainer("conv-ae", config, new VolumeBatches(VolumeBatches.Layout.VOLUME, 8, 8, 8));
		SampleSource source = SampleSource.of(samples, Augmenter.none());
		int[] all = { 0, 1, 2, 3 };
		DataSet a = trainer.dataSet(source, all, new int[4], null, 0, new Random(5));
		DataSet b = trainer.dataSet(source, all, new int[4], null, 0, new Random(5));
		assertEquals(a.getFeatures(), b.getFeatures(), "the same generator gives the same batch");
		assertEquals(a.getLabels(), b.getLabels());
		assertNotEquals(a.getFeatures(), a.getLabels(), "the input is corrupted");
		Set<Float> targetValues = new HashSet<>();
		for (float v : a.getLabels().data().asFloat()) targetValues.add(v);
		assertTrue(Set.of(0f, 1f).containsAll(targetValues), "binary volumes stay binary: " + targetValues);
		// The target is the (mirrored, shifted) clean volume: about as many voxels set as the originals.
		double clean = 0;
		for (Sample s : samples) for (float v : s.volume().data()) clean += v;
		double target = a.getLabels().sumNumber().doubleValue();
		assertTrue(target <= clean && target > 0.5 * clean, "target " + target + " vs originals " + clean);

		DataSet validation = trainer.dataSet(source, all, new int[4], null, 0, null);
		assertEquals(validation.getFeatures(), validation.getLabels(), "validation sees the clean volumes");
		Volume first = samples.get(0).volume();
		assertArrayEquals(first.data(), Arrays.copyOf(validation.getFeatures().data().asFloat(), first.data().length), 0f);
	}
}
