package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import io.github.clathrin.Cancelling;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

/** The shared training loop, on a tiny dense autoencoder over 6^3 volumes so it runs in seconds. */
class DeepTrainerTest {

	private static final int SIDE = 6;

	@BeforeAll
	static void start() {
		Nd4jRuntime.start();
	}

	/** Volumes made from (structure, copy) alone, with a log of every request. */
	private static final class CountingSource implements SampleSource {
		final int size, copies;
		final Set<Integer> inverted;
		final AtomicInteger calls = new AtomicInteger();
		final Map<List<Integer>, AtomicInteger> requests = new ConcurrentHashMap<>();

		CountingSource(int size, int copies, Set<Integer> inverted) {
			this.size = size;
			this.copies = copies;
			this.inverted = inverted;
		}

		@Override
		public int size() {
			return size;
		}

		@Override
		public int copies() {
			return copies;
		}

		@Override
		public Sample sample(int structure, int copy) {
			calls.incrementAndGet();
			requests.computeIfAbsent(List.of(structure, copy), k -> new AtomicInteger()).incrementAndGet();
			float[] d = new float[SIDE * SIDE * SIDE];
			// A slab whose position depends a little on the structure and copy.
			for (int i = 0; i < d.length; i++) {
				boolean on = (i / SIDE) % SIDE == (structure + copy) % 3;
				d[i] = on != inverted.contains(structure) ? 1 : 0;
			}
			return new Sample(new Volume(SIDE, SIDE, SIDE, d), null);
		}
	}

	private static MultiLayerNetwork net(long seed) {
		MultiLayerNetwork net = new MultiLayerNetwork(Networks.denseAutoencoder(SIDE * SIDE * SIDE, List.of(16), 4, null, false,
			new Adam(0.01), seed, DataType.FLOAT));
		net.init();
		return net;
	}

	private static DeepTrainer trainer(TrainingConfig config) {
		return new DeepTrainer("test-ae", config, new VolumeBatches(VolumeBatches.Layout.FLAT, SIDE, SIDE, SIDE));
	}

	/** Counts batches and remembers how many samples had been made when each batch was done. */
	private static final class BatchLog extends BaseTrainingListener {
		final List<Integer> callsAtBatch = new ArrayList<>();
		final CountingSource source;

		BatchLog(CountingSource source) {
			this.source = source;
		}

		@Override
		public void iterationDone(Model model, int iteration, int epoch) {
			callsAtBatch.add(source.calls.get());
		}
	}

	@Test
	void streamsEveryTrainingPairOncePerEpochAndValidatesOnOriginals() {
		int size = 12, copies = 2, epochs = 3, batch = 4;
		CountingSource source = new CountingSource(size, copies, Set.of());
		MultiLayerNetwork net = net(5);
		BatchLog log = new BatchLog(source);
		net.setListeners(log);
		TrainingHistory h = trainer(new TrainingConfig(epochs, batch, 0.01, 10, 0.25)).train(net, source, null, 0, 5, Progress.NONE);

		Set<Integer> validation = new HashSet<>();
		for (int v : DeepTrainer.split(size, null, 0.25, 5)[1]) validation.add(v);
		assertEquals(3, validation.size());
		for (int s = 0; s < size; s++)
			for (int c = 0; c <= copies; c++) {
				AtomicInteger n = source.requests.get(List.of(s, c));
				int count = n == null ? 0 : n.get();
				// Training pairs once per epoch; validation structures once per epoch, as themselves only.
				int expected = validation.contains(s) ? (c == 0 ? epochs : 0) : epochs;
				assertEquals(expected, count, "requests of structure " + s + " copy " + c);
			}

		// Batches are made when due: between two batches exactly one batch of samples is made (plus the
		// validation structures at an epoch's end), never the whole epoch up front.
		int pairs = (size - 3) * (copies + 1), perEpoch = (pairs + batch - 1) / batch;
		List<Integer> expected = new ArrayList<>();
		int made = 0;
		for (int e = 0; e < epochs; e++) {
			for (int b = 0; b < perEpoch; b++) {
				made += Math.min(batch, pairs - b * batch);
				expected.add(made);
			}
			made += 3;
		}
		assertEquals(expected, log.callsAtBatch);
		assertEquals((long) epochs * pairs, h.samplesSeen());
		assertEquals(epochs, h.epochs().size());
		for (TrainingHistory.Epoch e : h.epochs()) assertTrue(e.validationLoss() > 0 && e.loss() > 0);
	}

	@Test
	void earlyStoppingKeepsTheBestWeights() {
		// The validation structures are the inverse of what training teaches, so validation gets worse
		// after the first epoch and training must stop after `patience` more, restoring epoch 1's weights.
		int size = 16;
		int[] held = DeepTrainer.split(size, null, 0.25, 9)[1];
		Set<Integer> inverted = new HashSet<>();
		for (int v : held) inverted.add(v);
		CountingSource source = new CountingSource(size, 0, inverted);
		MultiLayerNetwork net = net(9);
		TrainingHistory h = trainer(new TrainingConfig(20, 4, 0.01, 2, 0.25)).train(net, source, null, 0, 9, Progress.NONE);
		assertEquals(1, h.bestEpoch());
		assertEquals(3, h.stoppedEarlyAt());
		assertEquals(3, h.epochs().size());
		assertTrue(h.epochs().get(2).validationLoss() > h.epochs().get(0).validationLoss());

		VolumeBatches batches = new VolumeBatches(VolumeBatches.Layout.FLAT, SIDE, SIDE, SIDE);
		List<Sample> validation = Arrays.stream(held).mapToObj(v -> source.sample(v, 0)).toList();
		var x = batches.features(validation);
		assertEquals(h.epochs().get(0).validationLoss(), net.score(new DataSet(x, x), false), 1e-6);
	}

	@Test
	void reportedLossesLeaveOutTheWeightDecayPenalty() {
		// DL4J adds 0.5 * coefficient * |w|^2 to every score; with a coefficient of 0.9 that is far above the
		// autoencoder's cross-entropy (below 1), so a loss that still held it could not pass these checks.
		int size = 16;
		CountingSource source = new CountingSource(size, 0, Set.of());
		var conf = Networks.denseAutoencoder(SIDE * SIDE * SIDE, List.of(16), 4, null, false, new Adam(0.01), 4, DataType.FLOAT);
		DeepEncoder.addWeightDecay(conf, 0.9);
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		TrainingHistory h = trainer(new TrainingConfig(1, 4, 0.01, 3, 0.25, 0.9, 1, InputJitter.NONE)).train(net, source, null, 0, 4,
			Progress.NONE);
		double penalty = net.calcRegularizationScore(true);
		assertTrue(penalty > 10, "penalty " + penalty);
		assertEquals(penalty, DeepTrainer.weightDecayPenalty(net), 1e-9);
		TrainingHistory.Epoch e = h.epochs().get(0);
		assertTrue(e.loss() > 0 && e.loss() < 1, "training loss " + e.loss());

		int[] held = DeepTrainer.split(size, null, 0.25, 4)[1];
		VolumeBatches batches = new VolumeBatches(VolumeBatches.Layout.FLAT, SIDE, SIDE, SIDE);
		var x = batches.features(Arrays.stream(held).mapToObj(v -> source.sample(v, 0)).toList());
		assertEquals(net.score(new DataSet(x, x), false) - penalty, e.validationLoss(), 1e-5);
	}

	@Test
	void theKlSparsityPenaltyStaysInTheLoss() {
		// The KL penalty is reported through the same regularization score as the weight decay, but it is
		// part of the sparse autoencoder's loss: only the decay's share may be taken off.
		var conf = Networks.denseAutoencoder(SIDE * SIDE * SIDE, List.of(16), 4, new KlSparsity(0.05, 1), false, new Adam(0.01), 4,
			DataType.FLOAT);
		DeepEncoder.addWeightDecay(conf, 0.9);
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		CountingSource source = new CountingSource(8, 0, Set.of());
		var x = new VolumeBatches(VolumeBatches.Layout.FLAT, SIDE, SIDE, SIDE).features(
			IntStream.range(0, 8).mapToObj(i -> source.sample(i, 0)).toList());
		net.score(new DataSet(x, x), false); // a forward pass, so the KL layer holds this batch's penalty
		double kl = 0;
		for (var layer : net.getLayers()) if (layer instanceof KlSparsityLayer k) kl += k.calcRegularizationScore(true);
		assertTrue(kl > 0.01, "KL penalty " + kl);
		assertEquals(net.calcRegularizationScore(true) - kl, DeepTrainer.weightDecayPenalty(net), 1e-9);
	}

	/** Trains a small net on {@code source} in batches of 4, which {@code progress} cancels; returns the batches fitted. */
	private static BatchLog cancelledTraining(CountingSource source, Progress progress) {
		MultiLayerNetwork net = net(2);
		BatchLog log = new BatchLog(source);
		net.setListeners(log);
		assertThrows(CancelledException.class,
			() -> trainer(new TrainingConfig(5, 4, 0.01, 3, 0.1)).train(net, source, null, 0, 2, progress));
		return log;
	}

	@Test
	void cancellationStopsBeforeTheNextBatch() {
		CountingSource source = new CountingSource(40, 1, Set.of());
		Cancelling cancelling = Cancelling.after(3); // cancelled from the third batch report on
		BatchLog log = cancelledTraining(source, cancelling);
		int batches = log.callsAtBatch.size();
		assertTrue(batches >= 3 && batches <= 4, "batches run: " + batches + " (cancelled after 3)");
		assertEquals(3, cancelling.reports());
	}

	@Test
	void aCancelWhileABatchIsMadeSkipsItsFit() {
		CountingSource source = new CountingSource(40, 1, Set.of());
		// Esc pressed while the fourth batch of 4 is being made: its 13th sample was asked for.
		Progress escDuringFourthBatch = new Progress() {
			@Override
			public void report(String stage, long done, long total) {}

			@Override
			public boolean isCancelled() {
				return source.calls.get() > 12;
			}
		};
		BatchLog log = cancelledTraining(source, escDuringFourthBatch);
		assertEquals(List.of(4, 8, 12), log.callsAtBatch, "batches fitted");
	}

	@Test
	void sameSeedSameWeights() {
		TrainingConfig config = new TrainingConfig(2, 5, 0.01, 3, 0.2);
		float[][] params = new float[3][];
		long[] seeds = { 4, 4, 5 };
		for (int i = 0; i < 3; i++) {
			MultiLayerNetwork net = net(seeds[i]);
			trainer(config).train(net, new CountingSource(20, 1, Set.of()), null, 0, seeds[i], Progress.NONE);
			params[i] = net.params().toFloatVector();
		}
		assertArrayEquals(params[0], params[1], "same seed must give bit-identical weights");
		assertNotEquals(Arrays.toString(params[0]), Arrays.toString(params[2]));
	}

	@Test
	void splitIsPerClassAndSeeded() {
		int[] labels = new int[15];
		for (int i = 10; i < 14; i++) labels[i] = 1;
		labels[14] = 2;
		int[][] a = DeepTrainer.split(15, labels, 0.25, 1), b = DeepTrainer.split(15, labels, 0.25, 1);
		assertArrayEquals(a[0], b[0]);
		assertArrayEquals(a[1], b[1]);
		int[] perClass = new int[3];
		for (int v : a[1]) perClass[labels[v]]++;
		// round(10 * 0.25) = 3 of class 0, 1 of class 1, none of the single class-2 structure.
		assertArrayEquals(new int[] { 3, 1, 0 }, perClass);
		Set<Integer> all = new HashSet<>();
		for (int[] part : a) for (int i : part) assertTrue(all.add(i), "structure " + i + " in both parts");
		assertEquals(15, all.size());
		assertEquals(0, DeepTrainer.split(15, null, 0, 1)[1].length);
	}
}
