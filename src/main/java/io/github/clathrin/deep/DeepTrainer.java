package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

/**
 * Trains any of the deep encoders' networks the same way: Adam (set in the network's configuration),
 * mini-batches streamed from a {@link SampleSource}, early stopping on held-out structures.
 * <p>
 * Each epoch visits every (training structure, copy) pair once, in an order shuffled from the seed;
 * a batch's copies are made on the fly (in parallel) when the batch is due, so only one batch of
 * volumes is in memory at a time. A share of the structures is held out with all its copies; after
 * each epoch the loss on their originals (copy 0) decides whether the weights are the best so far,
 * and training stops once it has not improved for {@code patience} epochs, keeping the best weights.
 * Training inputs may be mirrored, shifted and corrupted on the way ({@link InputJitter}); validation
 * sees them unchanged. Every random choice (split, shuffles, jitter, and the network's initialization) follows the seed, so the
 * same seed gives bit-identical weights on the same machine. Cancellation is checked before every
 * batch and again once its copies are made, so a cancel waits for at most one batch's fit: well under
 * a second at the default size on an idle machine (the progress line's samples/s tells).
 */
final class DeepTrainer {

	private final String name;
	private final TrainingConfig config;
	private final VolumeBatches batches;

	DeepTrainer(String name, TrainingConfig config, VolumeBatches batches) {
		this.name = name;
		this.config = config;
		this.batches = batches;
	}

	/**
	 * Trains the network in place and leaves the best weights in it.
	 *
	 * @param labels each structure's class for a classifier, or null for an autoencoder (target = input)
	 * @param classes number of classes (ignored without labels)
	 */
	TrainingHistory train(MultiLayerNetwork net, SampleSource source, int[] labels, int classes, long seed, Progress progress) {
		if (source.size() < 1) throw new IllegalArgumentException("no samples to train " + name + " on");
		int[][] split = split(source.size(), labels, config.validation(), seed);
		Random random = new Random(seed);
		// Its own generator, so turning jitter on does not change the order of the batches.
		Random jitter = new Random(seed ^ 0x717E5EEDL);
		int[] pairs = pairs(split[0], source.copies());
		int[] validation = split[1];
		int copiesPlusOne = source.copies() + 1;
		int perEpoch = (pairs.length + config.batch() - 1) / config.batch();

		List<TrainingHistory.Epoch> epochs = new ArrayList<>();
		INDArray best = null;
		double bestLoss = Double.POSITIVE_INFINITY, lastValidation = Double.NaN;
		int bestEpoch = 0, stoppedEarlyAt = 0, sinceBest = 0;
		long seen = 0, trainNanos = 0;
		for (int epoch = 1; epoch <= config.epochs(); epoch++) {
			long epochStart = System.nanoTime();
			shuffle(pairs, random);
			double lossSum = 0;
			int lossCount = 0;
			for (int b = 0; b < perEpoch; b++) {
				progress.checkCancelled();
				long t0 = System.nanoTime();
				int from = b * config.batch(), to = Math.min(pairs.length, from + config.batch());
				int[] structures = new int[to - from], copies = new int[to - from];
				for (int i = from; i < to; i++) {
					structures[i - from] = pairs[i] / copiesPlusOne;
					copies[i - from] = pairs[i] % copiesPlusOne;
				}
				DataSet ds = dataSet(source, structures, copies, labels, classes, jitter);
				// Making a batch's copies can take as long as fitting it: a cancel meanwhile skips the fit.
				if (progress.isCancelled()) {
					release(ds);
					throw new CancelledException();
				}
				net.fit(ds);
				double score = net.score() - weightDecayPenalty(net);
				release(ds);
				if (!Double.isFinite(score))
					throw new InputException(name + " training diverged (loss " + score + ") in epoch " + epoch
						+ ": try a smaller learningRate than " + config.learningRate());
				lossSum += score * structures.length;
				lossCount += structures.length;
				seen += structures.length;
				trainNanos += System.nanoTime() - t0;
				double rate = seen / (trainNanos / 1e9);
				long remaining = (long) (perEpoch - b - 1) * config.batch() + (long) (config.epochs() - epoch) * pairs.length;
				progress.report(stage(epoch, lossSum / lossCount, lastValidation, rate, remaining / rate), b + 1, perEpoch);
			}
			net.incrementEpochCount(); // moves a per-epoch learning-rate schedule on
			double validationLoss = validation.length == 0 ? Double.NaN : validationLoss(net, source, validation, labels, classes, progress);
			lastValidation = validationLoss;
			epochs.add(new TrainingHistory.Epoch(epoch, lossSum / lossCount, validationLoss, (System.nanoTime() - epochStart) / 1e9));
			if (validation.length == 0) {
				bestEpoch = epoch;
				continue;
			}
			if (validationLoss < bestLoss) {
				bestLoss = validationLoss;
				bestEpoch = epoch;
				sinceBest = 0;
				if (best == null) best = net.params().dup();
				else best.assign(net.params());
			} else if (++sinceBest >= config.patience()) {
				stoppedEarlyAt = epoch;
				break;
			}
		}
		if (best != null && bestEpoch != epochs.size()) net.setParams(best);
		net.clear();
		return new TrainingHistory(epochs, seen, bestEpoch, stoppedEarlyAt, seen / Math.max(trainNanos / 1e9, 1e-9));
	}

	/**
	 * A batch; with a jitter generator (training) the inputs are mirrored, shifted and corrupted as the
	 * configuration says, and an autoencoder's target is the mirrored and shifted volume before corruption.
	 */
	DataSet dataSet(SampleSource source, int[] structures, int[] copies, int[] labels, int classes, Random jitter) {
		// Copies are independent of order and thread (SampleSource's contract), so parallel is reproducible.
		List<Sample> samples = IntStream.range(0, structures.length).parallel()
			.mapToObj(i -> source.sample(structures[i], copies[i])).toList();
		InputJitter j = config.jitter();
		List<InputJitter.Transform> transforms = null;
		if (jitter != null && j.moves()) {
			transforms = new ArrayList<>(samples.size());
			for (int i = 0; i < samples.size(); i++) transforms.add(j.draw(jitter));
		}
		float[] data = batches.data(samples, transforms);
		INDArray target = null;
		if (jitter != null && j.noise() > 0) {
			if (labels == null) target = batches.array(data.clone(), samples.size());
			j.corrupt(data, jitter);
		}
		INDArray features = batches.array(data, samples.size());
		if (labels == null) return new DataSet(features, target == null ? features : target);
		int[] y = new int[structures.length];
		for (int i = 0; i < y.length; i++) y[i] = labels[structures[i]];
		return new DataSet(features, VolumeBatches.oneHot(y, classes));
	}

	/** Frees a batch's off-heap memory now rather than when the garbage collector gets to it. */
	private static void release(DataSet ds) {
		INDArray f = ds.getFeatures(), l = ds.getLabels();
		if (f.closeable()) f.close();
		if (l != f && l.closeable()) l.close();
	}

	/**
	 * The weight decay's share of DL4J's score. The decay is decoupled from the loss (it shrinks the weights
	 * in the update, {@link DeepEncoder#addWeightDecay}), yet DL4J adds half its coefficient times the squared
	 * weights to every score: with weightDecay=0.05 on ModelNet10 the CNN's "loss" read 10 to 13 while its
	 * cross-entropy was below 1. The KL sparsity penalty, also reported as a regularization score, is part of
	 * the sparse autoencoder's loss and stays.
	 */
	static double weightDecayPenalty(MultiLayerNetwork net) {
		double sum = 0;
		for (Layer layer : net.getLayers())
			if (!(layer instanceof KlSparsityLayer)) sum += layer.calcRegularizationScore(true);
		return sum;
	}

	/** Mean loss over the validation structures' originals. */
	private double validationLoss(MultiLayerNetwork net, SampleSource source, int[] validation, int[] labels, int classes,
		Progress progress)
	{
		double sum = 0;
		for (int from = 0; from < validation.length; from += config.batch()) {
			progress.checkCancelled();
			int[] structures = Arrays.copyOfRange(validation, from, Math.min(validation.length, from + config.batch()));
			DataSet ds = dataSet(source, structures, new int[structures.length], labels, classes, null);
			sum += (net.score(ds, false) - weightDecayPenalty(net)) * structures.length;
			release(ds);
		}
		return sum / validation.length;
	}

	/**
	 * Splits structure indexes into {training, validation} as {@link #train} does for this seed. With
	 * labels the split is per class, so every class with at least two structures keeps at least one for
	 * training and the validation loss sees the classes in their proportions.
	 */
	static int[][] split(int n, int[] labels, double share, long seed) {
		int[] order = IntStream.range(0, n).toArray();
		// Its own generator, so the split does not depend on how many shuffles come after it.
		shuffle(order, new Random(seed ^ 0x5EED5B17L));
		boolean[] held = new boolean[n];
		if (share > 0) {
			if (labels == null) {
				int count = Math.min(n - 1, (int) Math.round(n * share));
				for (int i = 0; i < count; i++) held[order[i]] = true;
			} else {
				int classes = Arrays.stream(labels).max().orElse(0) + 1;
				int[] size = new int[classes], taken = new int[classes];
				for (int y : labels) size[y]++;
				for (int i : order) {
					int y = labels[i];
					int quota = Math.min(size[y] - 1, (int) Math.round(size[y] * share));
					if (taken[y] < quota) {
						held[i] = true;
						taken[y]++;
					}
				}
			}
		}
		// Both lists in shuffled order; the training pairs are reshuffled every epoch anyway.
		int[] train = Arrays.stream(order).filter(i -> !held[i]).toArray();
		int[] validation = Arrays.stream(order).filter(i -> held[i]).sorted().toArray();
		return new int[][] { train, validation };
	}

	/** Every (structure, copy) pair of the training structures, as structure * (copies + 1) + copy. */
	private static int[] pairs(int[] structures, int copies) {
		long count = (long) structures.length * (copies + 1);
		if (count > Integer.MAX_VALUE) throw new IllegalArgumentException("too many augmented copies: " + count);
		int[] pairs = new int[(int) count];
		int k = 0;
		for (int s : structures)
			for (int c = 0; c <= copies; c++) pairs[k++] = s * (copies + 1) + c;
		return pairs;
	}

	private static void shuffle(int[] a, Random random) {
		for (int i = a.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}

	private String stage(int epoch, double loss, double validation, double rate, double secondsLeft) {
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Training %s: epoch %d/%d, loss %.4g", name, epoch,
			config.epochs(), loss));
		if (!Double.isNaN(validation)) s.append(String.format(Locale.ROOT, ", validation %.4g", validation));
		s.append(String.format(Locale.ROOT, ", %.0f samples/s, ~%s left", rate, duration(secondsLeft)));
		return s.toString();
	}

	/** m:ss, or h:mm:ss from an hour on. */
	static String duration(double seconds) {
		long s = Math.max(0, Math.round(seconds));
		if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
		return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
