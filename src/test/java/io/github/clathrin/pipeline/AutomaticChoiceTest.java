package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

import io.github.clathrin.Cancelling;
import io.github.clathrin.encoders.ConcatEncoder;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.encoders.LabFeaturesEncoder;
import io.github.clathrin.encoders.PcaEncoder;
import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.encoders.SyntheticSamples;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

class AutomaticChoiceTest {

	private static final int SIDE = 8;

	/**
	 * Samples whose class shows in one view only: with {@code inPoints}, closed caps against flat
	 * disks in the point clouds (which lab reads) over volumes of pure noise (which pca reads); else
	 * two voxel patterns in the volumes under point clouds that do not depend on the class.
	 */
	private static List<Sample> samples(int[] y, boolean inPoints, long seed) {
		Random rnd = new Random(seed);
		int p = SIDE * SIDE * SIDE;
		float[][] patterns = SyntheticSamples.masks(rnd, 2, p, 0.3f);
		List<Sample> out = new ArrayList<>();
		for (int label : y) {
			float[] d = new float[p];
			for (int j = 0; j < p; j++) {
				double signal = inPoints ? 0 : patterns[label][j];
				d[j] = (float) (signal + 0.7 * rnd.nextGaussian());
			}
			double[] points = inPoints && label == 1 ? SyntheticSamples.cap(rnd, 300, 80, 2.6, 5)
				: inPoints ? SyntheticSamples.disk(rnd, 300, 80, 5)
				: SyntheticSamples.cap(rnd, 300, 60 + 40 * rnd.nextDouble(), 0.5 + 2 * rnd.nextDouble(), 5);
			out.add(new Sample(new Volume(SIDE, SIDE, SIDE, d), points));
		}
		return out;
	}

	private static int[] balanced(int n) {
		int[] y = new int[n];
		for (int i = 0; i < n; i++) y[i] = i % 2;
		return y;
	}

	private static AutomaticChoice auto(Map<String, Object> options) {
		return (AutomaticChoice) Encoders.create("auto", options);
	}

	@Test
	void picksTheCandidateThatSeesTheClass() {
		int[] y = balanced(60);
		AutomaticChoice a = auto(Map.of("candidates", "pca,lab", "pca.components", 5));
		a.fitLabelled(samples(y, true, 1), y, 2, null, 1, Progress.NONE);
		assertEquals("lab", a.chosen(), a.summary());
		assertTrue(a.scores().get("lab") > 0.9, a.summary());
		assertTrue(a.scores().get("pca") < 0.75, a.summary());

		AutomaticChoice b = auto(Map.of("candidates", List.of("lab", "pca"), "pca.components", 5));
		b.fitLabelled(samples(y, false, 2), y, 2, null, 1, Progress.NONE);
		assertEquals("pca", b.chosen(), b.summary());
		assertTrue(b.scores().get("pca") > 0.9 && b.scores().get("lab") < 0.75, b.summary());
		assertInstanceOf(PcaEncoder.class, b.chosenEncoder());
		assertEquals(2, b.dimension());
	}

	@Test
	void labelsUnrelatedToTheDataScoreNearChance() {
		// Had any encoder or SVM seen the held-out labels, the inner scores of random labels would be high.
		Random rnd = new Random(4);
		int[] y = new int[60];
		for (int i = 0; i < y.length; i++) y[i] = i < 30 ? 0 : 1;
		for (int i = y.length - 1; i > 0; i--) {
			int j = rnd.nextInt(i + 1), t = y[i];
			y[i] = y[j];
			y[j] = t;
		}
		AutomaticChoice a = auto(Map.of("candidates", "lab;pca;lab+pca", "pca.components", 5));
		a.fitLabelled(samples(balanced(60), true, 3), y, 2, null, 2, Progress.NONE);
		assertEquals(List.of("lab", "pca", "lab+pca"), List.copyOf(a.scores().keySet()));
		for (double s : a.scores().values()) assertTrue(s < 0.75, a.summary());
	}

	@Test
	void ensembleCandidatesAndTheirOptionsReachTheChosenEncoder() {
		int[] y = balanced(40);
		AutomaticChoice a = auto(Map.of("candidates", "lab+pca", "pca.components", 3, "folds", 2));
		a.fitLabelled(samples(y, true, 5), y, 2, null, 1, Progress.NONE);
		assertEquals("lab+pca", a.chosen());
		assertInstanceOf(ConcatEncoder.class, a.chosenEncoder());
		assertEquals(LabFeaturesEncoder.FEATURES.size() + 3, a.chosenEncoder().dimension());
		Map<String, Object> p = a.parameters();
		assertEquals(2, p.get("folds"));
		assertEquals("lab+pca", p.get("candidates"));
		assertEquals(3, p.get("pca.components"));
		assertEquals("lab+pca", p.get("chosen"));
		assertTrue(((Map<?, ?>) p.get("inner_cv_accuracy")).containsKey("lab+pca"), p.toString());
	}

	@Test
	void sameSeedSameChoiceAndBytesAndTheModelSurvivesSaveAndLoad() throws IOException {
		int[] y = balanced(48);
		List<Sample> data = samples(y, true, 6);
		Map<String, Object> options = Map.of("candidates", "lab,kmeans,lab+pca", "kmeans.k", 4, "pca.components", 4);
		AutomaticChoice a = auto(options), b = auto(options);
		a.fitLabelled(data, y, 2, null, 7, Progress.NONE);
		b.fitLabelled(data, y, 2, null, 7, Progress.NONE);
		assertEquals(a.chosen(), b.chosen());
		assertEquals(a.scores(), b.scores());
		byte[] state = state(a);
		assertArrayEquals(state, state(b));

		Gson gson = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
		Map<String, Object> parameters = gson.fromJson(gson.toJson(a.parameters()),
			new TypeToken<Map<String, Object>>() {}.getType());
		Encoder loaded = Encoders.load("auto", parameters, new DataInputStream(new ByteArrayInputStream(state)));
		assertInstanceOf(SupervisedEncoder.class, loaded);
		for (Sample s : data) {
			double[] p = loaded.encode(s);
			assertArrayEquals(a.encode(s), p, 0);
			assertEquals(1, p[0] + p[1], 1e-9);
		}
		assertArrayEquals(state, state(loaded), "a re-saved model has the same bytes");
		assertEquals(gson.toJson(a.parameters()), gson.toJson(loaded.parameters()));
		assertEquals(a.chosen(), ((AutomaticChoice) loaded).chosen());

		byte[] cut = java.util.Arrays.copyOf(state, state.length - 20);
		assertThrows(IOException.class, () -> Encoders.load("auto", parameters, new DataInputStream(new ByteArrayInputStream(cut))));
	}

	@Test
	void progressNamesTheCandidateAndCancellationStops() {
		int[] y = balanced(30);
		List<Sample> data = samples(y, true, 8);
		List<String> stages = new ArrayList<>();
		auto(Map.of("candidates", "lab,lab+pca")).fitLabelled(data, y, 2, null, 1,
			(stage, done, total) -> stages.add(stage));
		assertTrue(stages.contains("auto: scoring lab+pca (2/2)"), stages.toString());
		assertThrows(CancelledException.class, () -> auto(Map.of("candidates", "lab,pca")).fitLabelled(data, y, 2, null,
			1, Cancelling.after(5)));
	}

	@Test
	void tooFewStructuresToCompareTakeTheFirstCandidate() {
		int[] y = balanced(5);
		AutomaticChoice a = auto(Map.of("candidates", "lab,pca"));
		a.fitLabelled(samples(y, true, 9), y, 2, null, 1, Progress.NONE);
		assertEquals("lab", a.chosen());
		assertTrue(a.scores().isEmpty());
		assertTrue(a.summary().contains("too few"), a.summary());
		assertEquals(2, a.encode(samples(y, true, 9).get(0)).length);
	}

	@Test
	void optionsAreCheckedUpFront() {
		assertTrue(Encoders.isSupervised("auto"));
		assertFalse(Encoders.isSupervised("concat"));
		assertMessage("supervised", Map.of("candidates", "lab,cnn"));
		assertMessage("not allowed", Map.of("candidates", "lab,auto"));
		assertMessage("not allowed", Map.of("candidates", "concat"));
		assertMessage("not an encoder", Map.of("candidates", "lab,nope"));
		assertMessage("not among its candidates", Map.of("candidates", "lab", "pca.components", 3));
		assertMessage("auto candidate pca", Map.of("candidates", "pca", "pca.components", 0));
		assertMessage("at least 2", Map.of("folds", 1));
		assertMessage("unknown option 'fold'", Map.of("fold", 3));
		assertMessage("supervised", Map.of("candidates", "lab+cnn"));

		List<String> defaults = auto(Map.of()).candidates();
		assertTrue(defaults.containsAll(List.of("lab", "pca", "kmeans", "lab+pca")), defaults.toString());
		assertEquals("lab", defaults.get(0));
		for (String c : defaults)
			for (String part : c.split("\\+")) {
				assertTrue(Encoders.names().contains(part), c);
				assertFalse(Encoders.isDeep(part), "deep encoders are candidates only when named: " + c);
			}
		assertFalse(defaults.contains("capfit") && !Encoders.names().contains("capfit"));
	}

	@Test
	void deepAddsTheDeepEncodersAndTrainsThemForTheStatedEpochs() {
		List<String> deep = auto(Map.of("deep", true)).candidates();
		assertEquals(auto(Map.of()).candidates(), deep.subList(0, auto(Map.of()).candidates().size()),
			"the shallow candidates come first, so ties keep going to them");
		assertTrue(deep.containsAll(List.of("dense-ae", "conv-ae", "sparse-conv-ae", "lab+conv-ae")), deep.toString());
		for (String c : deep)
			for (String part : c.split("\\+")) assertFalse(Encoders.isSupervised(part), c);
		assertMessage("not both", Map.of("deep", true, "candidates", "lab,pca"));
		assertMessage("true or false", Map.of("deep", "yes"));
		assertMessage("at least 1", Map.of("deep", true, "epochs", 0));

		// Each deep candidate trains for auto's epochs unless its own option says otherwise.
		Map<String, Object> p = auto(Map.of("deep", true, "epochs", 2, "conv-ae.epochs", 1)).parameters();
		assertEquals(true, p.get("deep"));
		assertEquals(2, p.get("epochs"));
		assertEquals(2, p.get("dense-ae.epochs"));
		assertEquals(1, p.get("conv-ae.epochs"));
		assertEquals(AutomaticChoice.DEFAULT_DEEP_EPOCHS, auto(Map.of("candidates", "lab,dense-ae")).parameters()
			.get("dense-ae.epochs"), "a named deep candidate gets the same budget");
		assertFalse(auto(Map.of()).parameters().containsKey("deep"), "models without deep candidates read as before");

		// A real fit: every deep candidate is scored (trained inside each inner fold), one is chosen.
		int[] y = balanced(24);
		AutomaticChoice a = auto(Map.of("deep", true, "epochs", 1, "folds", 2));
		a.fitLabelled(samples(y, false, 10), y, 2, null, 1, Progress.NONE);
		assertTrue(a.scores().keySet().containsAll(List.of("dense-ae", "conv-ae", "sparse-conv-ae", "lab+sparse-conv-ae")),
			a.summary());
		assertEquals(2, a.encode(samples(y, false, 10).get(0)).length);
	}

	@Test
	void theEpochsShortcutReachesAutosDeepCandidates() {
		assertEquals(Map.of("auto", Map.of("epochs", 5)), EncoderOptions.parse(null, List.of("auto"), 5));
		assertEquals(Map.of("auto", Map.of("deep", true, "epochs", 5)), EncoderOptions.parse("auto.deep=true", List.of("auto"), 5));
	}

	private static void assertMessage(String part, Map<String, Object> options) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoders.create("auto", options));
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
