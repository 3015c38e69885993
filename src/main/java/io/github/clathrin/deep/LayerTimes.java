package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.github.clathrin.task.Progress;

/**
 * Where a deep encoder's training time goes: each layer's forward and backward pass on batches of
 * random sparse volumes, timed one layer at a time, next to a whole training step (forward, backward
 * and the update). Throughput questions ("why is this wider network as fast as the narrow one?") are
 * answered by these numbers rather than by counting multiplications.
 *
 * <p>The layers are timed outside DL4J's workspaces (each output a new array), the step as training
 * runs it, on a network of its own; the layers' sum is therefore close to the step but not equal to it.
 */
public final class LayerTimes {

	/**
	 * One layer.
	 *
	 * @param output the shape of its output for one sample, e.g. "8x30x30x30"
	 * @param forwardMs median milliseconds per batch of its forward pass (with its input preprocessor)
	 * @param backwardMs median milliseconds per batch of its backward pass (with its input preprocessor)
	 */
	public record Row(int index, String layer, String output, double forwardMs, double backwardMs) {

		double totalMs() {
			return forwardMs + backwardMs;
		}
	}

	/**
	 * @param stepMs median milliseconds of a whole training step on one batch (MultiLayerNetwork.fit), which
	 *     adds the update and DL4J's bookkeeping to the layers' passes
	 */
	public record Result(String encoder, int grid, int batch, int batches, List<Row> rows, double stepMs) {

		public double layersMs() {
			double s = 0;
			for (Row r : rows) s += r.totalMs();
			return s;
		}

		public String toMarkdown() {
			StringBuilder b = new StringBuilder();
			b.append(String.format(Locale.ROOT, "## Where a training step's time goes: %s, %d^3, batch %d%n%n", encoder, grid, batch));
			b.append(String.format(Locale.ROOT, "Milliseconds per batch, each layer timed alone (its input preprocessor included, "
				+ "outside DL4J's workspaces), median of %d batches of random volumes (8 %% of voxels set) after warm-up.%n%n", batches));
			b.append("| # | layer | output per sample | forward ms | backward ms | share |\n|---|---|---|---|---|---|\n");
			double all = layersMs();
			for (Row r : rows)
				b.append(String.format(Locale.ROOT, "| %d | %s | %s | %.1f | %.1f | %.0f %% |%n", r.index, r.layer, r.output, r.forwardMs,
					r.backwardMs, 100 * r.totalMs() / all));
			b.append(String.format(Locale.ROOT, "| | all layers | | | | %.1f ms |%n%n", all));
			b.append(String.format(Locale.ROOT, "A whole training step on one batch (forward, backward, update): %.1f ms, %.0f samples/s.%n",
				stepMs, 1000.0 * batch / stepMs));
			return b.toString();
		}
	}

	private LayerTimes() {}

	/**
	 * Builds the encoder's network for a {@code grid}^3 input (a classifier with {@code classes} classes)
	 * and times it with the encoder's batch size.
	 *
	 * @param batches timed batches, after three warm-up batches; each time reported is their median, which
	 *     a garbage collection in one of them does not move
	 * @param progress shows the batches done, and stops the measurement between batches when cancelled
	 */
	public static Result measure(DeepEncoder encoder, int grid, int classes, int batches, long seed, Progress progress) {
		if (grid < 1) throw new IllegalArgumentException("grid must be at least 1, got " + grid);
		if (batches < 1) throw new IllegalArgumentException("batches must be at least 1, got " + batches);
		return Nd4jRuntime.withOwnClassLoader(() -> {
			Nd4jRuntime.start();
			int batch = encoder.training().batch();
			MultiLayerConfiguration conf = encoder.configuration(grid, grid, grid, classes, seed);
			MultiLayerNetwork net = new MultiLayerNetwork(conf);
			net.init();
			net.initGradientsView(); // fit() makes it on first use; the layers' own backward passes need it now
			DataSet data = batch(encoder, grid, classes, batch, new Random(seed));
			int warmUp = 3;
			// First the whole step as training runs it (with DL4J's workspaces), on a network of its own.
			MultiLayerNetwork fresh = new MultiLayerNetwork(conf.clone());
			fresh.init();
			String steps = "Timing " + encoder.name() + ": whole steps", layers = "Timing " + encoder.name() + ": layer by layer";
			for (int k = 0; k < warmUp; k++) {
				progress.checkCancelled();
				fresh.fit(data);
			}
			double[] stepTimes = new double[batches];
			for (int k = 0; k < batches; k++) {
				progress.report(steps, k, batches);
				progress.checkCancelled();
				long t = System.nanoTime();
				fresh.fit(data);
				stepTimes[k] = (System.nanoTime() - t) / 1e6;
			}
			progress.report(steps, batches, batches);
			double stepMs = median(stepTimes);
			// fit() leaves its workspaces attached to this thread; while they are, the passes below ran up to
			// four times slower with batch normalization (measured), so they go first.
			Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
			int n = net.getnLayers();
			double[][] forward = new double[n][batches], backward = new double[n][batches];
			String[] shapes = new String[n];
			// Then layer by layer, outside every workspace, on the untrained network.
			try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
				for (int k = 0; k < warmUp + batches; k++) {
					progress.report(layers, k, warmUp + batches);
					progress.checkCancelled();
					boolean timed = k >= warmUp;
					INDArray a = data.getFeatures();
					LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
					for (int i = 0; i < n; i++) {
						long t = System.nanoTime();
						InputPreProcessor pre = conf.getInputPreProcess(i);
						if (pre != null) a = pre.preProcess(a, batch, mgr);
						Layer layer = net.getLayer(i);
						if (layer instanceof IOutputLayer out) out.setLabels(data.getLabels());
						a = layer.activate(a, true, mgr);
						Nd4j.getExecutioner().commit();
						if (timed) forward[i][k - warmUp] = (System.nanoTime() - t) / 1e6;
						shapes[i] = perSample(a);
					}
					INDArray epsilon = null;
					for (int i = n - 1; i >= 0; i--) {
						long t = System.nanoTime();
						Pair<Gradient, INDArray> p = net.getLayer(i).backpropGradient(epsilon, mgr);
						epsilon = p.getSecond();
						InputPreProcessor pre = conf.getInputPreProcess(i);
						if (pre != null && epsilon != null) epsilon = pre.backprop(epsilon, batch, mgr);
						Nd4j.getExecutioner().commit();
						if (timed) backward[i][k - warmUp] = (System.nanoTime() - t) / 1e6;
					}
				}
			}
			progress.report(layers, warmUp + batches, warmUp + batches);
			List<Row> rows = new ArrayList<>();
			for (int i = 0; i < n; i++)
				rows.add(new Row(i, net.getLayer(i).getClass().getSimpleName(), shapes[i], median(forward[i]), median(backward[i])));
			return new Result(encoder.name(), grid, batch, batches, List.copyOf(rows), stepMs);
		});
	}

	/**
	 * A batch as the trainer makes it: random volumes with about 8 % of voxels set (the mean density of
	 * ModelNet10's 30^3 objects), and random classes or the input itself as the target.
	 */
	private static DataSet batch(DeepEncoder encoder, int grid, int classes, int batch, Random random) {
		VolumeBatches layout = new VolumeBatches(encoder.layout(), grid, grid, grid);
		int voxels = grid * grid * grid;
		float[] v = new float[batch * voxels];
		for (int i = 0; i < v.length; i++) v[i] = random.nextDouble() < 0.08 ? 1 : 0;
		INDArray features = layout.array(v, batch);
		// An autoencoder's target is its input, as the trainer's.
		if (encoder.readsCode()) return new DataSet(features, features);
		int[] y = new int[batch];
		for (int i = 0; i < batch; i++) y[i] = random.nextInt(classes);
		return new DataSet(features, VolumeBatches.oneHot(y, classes));
	}

	private static double median(double[] values) {
		double[] v = values.clone();
		java.util.Arrays.sort(v);
		int m = v.length / 2;
		return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
	}

	private static String perSample(INDArray a) {
		long[] s = a.shape();
		StringBuilder b = new StringBuilder();
		for (int i = 1; i < s.length; i++) b.append(i > 1 ? "x" : "").append(s[i]);
		return b.toString();
	}
}
