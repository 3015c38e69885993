package io.github.clathrin.deep;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.WeightDecay;

import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

/**
 * What the four Deeplearning4j encoders share: training through {@link DeepTrainer}, batched encoding
 * with one forward pass per batch, the manifest parameters, and the binary state. A subclass only
 * says which network to build and how it reads its input. Encoding is synchronized on the network,
 * so one encoder can be used from several threads.
 */
public abstract class DeepEncoder implements Encoder {

	/** Manifest keys that describe the trained network rather than options. */
	static final Set<String> LEARNED = Set.of("dimension", "grid", "architecture", "parameterCount", "backend", "seed",
		"history", "samplesSeen", "bestEpoch", "stoppedEarlyAt", "samplesPerSecond");

	private final String name;
	private final TrainingConfig training;
	private final Map<String, Object> options;

	private volatile Trained trained;

	/** A trained network and what goes with it; replaced as a whole, so readers never see half of one. */
	private record Trained(MultiLayerNetwork net, int codeLayer, int dimension, VolumeBatches batches, int[] grid,
		Map<String, Object> learned) {}

	/**
	 * @param options the effective options, as {@link #parameters()} reports them and
	 *     {@link DeepEncoders#create} reads them back
	 */
	DeepEncoder(String name, TrainingConfig training, Map<String, Object> options) {
		this.name = name;
		this.training = training;
		this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
	}

	/** The network for this grid; {@code classes} only matters to a classifier. */
	abstract MultiLayerConfiguration configure(int nx, int ny, int nz, int classes, IUpdater updater, long seed);

	abstract VolumeBatches.Layout layout();

	/** Sets a new network's weights before training; the CNN copies a pretrained encoder here. Does nothing by default. */
	void initialize(MultiLayerNetwork net, SampleSource source, int nx, int ny, int nz, long seed, Progress progress) {}

	/** The output for a classifier's input batch; the CNN overrides this to average over mirrored copies. */
	INDArray predict(MultiLayerNetwork net, VolumeBatches batches, List<Sample> samples) {
		return net.output(batches.features(samples), false);
	}

	@Override
	public String name() {
		return name;
	}

	public TrainingConfig training() {
		return training;
	}

	/** Whether {@link #fit} (or loading) has produced a network. */
	public boolean isFitted() {
		return trained != null;
	}

	/**
	 * Trains a new network on the source's samples and copies; labels (one per structure) for a
	 * classifier, null for an autoencoder.
	 */
	final void train(SampleSource source, int[] labels, int classes, long seed, Progress progress) {
		Nd4jRuntime.withOwnClassLoader(() -> {
			trainNetwork(source, labels, classes, seed, progress);
			return null;
		});
	}

	private void trainNetwork(SampleSource source, int[] labels, int classes, long seed, Progress progress) {
		String backend = Nd4jRuntime.start();
		if (source.size() < 1) throw new IllegalArgumentException("no samples to fit " + name + " on");
		Volume first = source.sample(0, 0).volume();
		int nx = first.nx(), ny = first.ny(), nz = first.nz();
		MultiLayerConfiguration conf = configuration(nx, ny, nz, classes, seed);
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		initialize(net, source, nx, ny, nz, seed, progress);
		VolumeBatches batches = new VolumeBatches(layout(), nx, ny, nz);
		TrainingHistory history = new DeepTrainer(name, training, batches).train(net, source, labels, classes, seed, progress);
		Map<String, Object> learned = describe(net, nx, ny, nz, backend);
		learned.put("seed", seed);
		learned.putAll(history.toMap());
		trained = trained(net, nx, ny, nz, learned);
	}

	/** The network training builds for this grid: {@link #configure} with the training's updater and weight decay. */
	MultiLayerConfiguration configuration(int nx, int ny, int nz, int classes, long seed) {
		MultiLayerConfiguration conf = configure(nx, ny, nz, classes, training.updater(), seed);
		if (training.weightDecay() > 0) addWeightDecay(conf, training.weightDecay());
		return conf;
	}

	/**
	 * Decoupled weight decay (applied with the learning rate, as AdamW does) on the weights of every layer
	 * but batch normalization. DL4J still adds its penalty to every score; {@link DeepTrainer} takes it off
	 * again, so the losses it reports and stops on are the network's loss alone.
	 */
	static void addWeightDecay(MultiLayerConfiguration conf, double coefficient) {
		for (NeuralNetConfiguration layer : conf.getConfs())
			if (layer.getLayer() instanceof BaseLayer bl && !(bl instanceof BatchNormalization))
				bl.setRegularization(List.of(new WeightDecay(coefficient, true)));
	}

	private static Map<String, Object> describe(MultiLayerNetwork net, int nx, int ny, int nz, String backend) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("dimension", dimension(net.getLayerWiseConfigurations()));
		m.put("grid", List.of(nx, ny, nz));
		m.put("architecture", Networks.describe(net.getLayerWiseConfigurations()));
		m.put("parameterCount", net.numParams());
		if (backend != null) m.put("backend", backend);
		return m;
	}

	private Trained trained(MultiLayerNetwork net, int nx, int ny, int nz, Map<String, Object> learned) {
		MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
		return new Trained(net, Networks.codeLayer(conf), dimension(conf), new VolumeBatches(layout(), nx, ny, nz),
			new int[] { nx, ny, nz }, Collections.unmodifiableMap(new LinkedHashMap<>(learned)));
	}

	/** The code layer's size, or the output size for a network without one (the classifier). */
	private static int dimension(MultiLayerConfiguration conf) {
		int code = Networks.codeLayer(conf);
		// A code of its own activation layer has the size of the layer before it.
		for (int i = code >= 0 ? code : conf.getConfs().size() - 1; i >= 0; i--)
			if (conf.getConf(i).getLayer() instanceof FeedForwardLayer f && f.getNOut() > 0) return (int) f.getNOut();
		throw new IllegalStateException("no layer of known size at or before the code");
	}

	@Override
	public double[] encode(Sample sample) {
		return encodeBatch(List.of(sample))[0];
	}

	/**
	 * One forward pass per {@link #preferredBatchSize()} samples: up to the code layer, or through the
	 * whole network for the classifier.
	 */
	@Override
	public double[][] encodeBatch(List<Sample> batch) {
		Trained t = fitted();
		double[][] out = new double[batch.size()][];
		for (int from = 0; from < batch.size(); from += preferredBatchSize()) {
			List<Sample> part = batch.subList(from, Math.min(batch.size(), from + preferredBatchSize()));
			INDArray code;
			synchronized (t.net) {
				code = t.codeLayer >= 0 ? t.net.feedForwardToLayer(t.codeLayer, t.batches.features(part), false).get(t.codeLayer + 1)
					: predict(t.net, t.batches, part);
			}
			System.arraycopy(code.toDoubleMatrix(), 0, out, from, part.size());
		}
		return out;
	}

	/** The network's output for each sample as a volume; for the autoencoders' reconstructions. */
	List<Volume> outputVolumes(List<Sample> batch) {
		Trained t = fitted();
		List<Volume> out = new ArrayList<>(batch.size());
		for (int from = 0; from < batch.size(); from += preferredBatchSize()) {
			INDArray x = t.batches.features(batch.subList(from, Math.min(batch.size(), from + preferredBatchSize())));
			INDArray y;
			synchronized (t.net) {
				y = t.net.output(x, false);
			}
			out.addAll(t.batches.volumes(y));
		}
		return out;
	}

	@Override
	public int preferredBatchSize() {
		return 64;
	}

	@Override
	public int dimension() {
		return fitted().dimension;
	}

	/** The trained network; for tests and benchmarks. */
	MultiLayerNetwork network() {
		return fitted().net;
	}

	/**
	 * The options, then (once fitted) the code size, grid, a line per layer, the training history
	 * ({epoch, loss, validationLoss, seconds} per epoch), samples seen, best and early-stopping epochs,
	 * and the ND4J backend that trained it.
	 */
	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> m = new LinkedHashMap<>(options);
		Trained t = trained;
		if (t != null) m.putAll(t.learned);
		return m;
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		Trained t = fitted();
		synchronized (t.net) {
			Nd4jRuntime.withOwnClassLoader(() -> {
				NetworkState.write(out, name, t.grid[0], t.grid[1], t.grid[2], t.net);
				return null;
			});
		}
	}

	/**
	 * Fills this fresh encoder from a state written by {@link #writeState}. Sizes and architecture are
	 * read from the network itself; the training history comes from the manifest parameters.
	 */
	final void readState(Map<String, Object> parameters, DataInputStream in) throws IOException {
		Nd4jRuntime.start();
		NetworkState.Loaded loaded = Nd4jRuntime.withOwnClassLoader(() -> NetworkState.read(in, name));
		MultiLayerNetwork net = loaded.net();
		if ((Networks.codeLayer(net.getLayerWiseConfigurations()) >= 0) != readsCode())
			throw new IOException(name + " encoder state holds a network of another kind");
		Map<String, Object> learned = new LinkedHashMap<>();
		for (Map.Entry<String, Object> e : parameters.entrySet())
			if (LEARNED.contains(e.getKey()) && e.getValue() != null) learned.put(e.getKey(), e.getValue());
		Object backend = learned.get("backend");
		Map<String, Object> facts = describe(net, loaded.nx(), loaded.ny(), loaded.nz(), backend == null ? null : backend.toString());
		Object d = parameters.get("dimension");
		if (d != null && (!(d instanceof Number n) || n.intValue() != (int) facts.get("dimension")))
			throw new IOException("encoder parameters say dimension = " + d + " but the " + name + " state holds " + facts.get("dimension"));
		learned.putAll(facts);
		trained = trained(net, loaded.nx(), loaded.ny(), loaded.nz(), learned);
	}

	/** Whether the code is a named layer's activations (the autoencoders) rather than the output (the classifier). */
	boolean readsCode() {
		return true;
	}

	private Trained fitted() {
		Trained t = trained;
		if (t == null) throw new IllegalStateException(name + " encoder is not fitted");
		return t;
	}

	/** The options without the learned keys, for re-creating an encoder from its manifest. */
	static Map<String, Object> optionsOf(Map<String, Object> parameters) {
		Map<String, Object> m = new HashMap<>(parameters);
		m.keySet().removeAll(LEARNED);
		return m;
	}
}
