package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Encodes a volume by its soft distances to k-means centroids, after Coates, Lee and Ng (2011): each
 * volume is normalized to zero mean and unit variance, PCA-whitened, and mapped by the "triangle"
 * activation f_k(x) = max(0, mean_j(z_j) - z_k), where z_k is the distance to centroid k.
 */
public final class SoftKMeansEncoder implements Encoder {

	public static final String NAME = "kmeans";
	static final Set<String> OPTIONS = Set.of("k", "normalize", "whiten", "whiten_components", "normalize_epsilon",
		"whiten_epsilon", "max_iterations", "tolerance");
	private static final Set<String> LEARNED = Set.of("dimension", "voxels");

	private final int k;
	private final boolean normalize;
	private final boolean whiten;
	private final int whitenComponents;
	private final double normalizeEpsilon;
	private final double whitenEpsilon;
	private final int maxIterations;
	private final double tolerance;

	private int voxels;
	private PrincipalComponents pcs; // null without whitening
	private double[] whitenScale;
	private double[][] centroids;

	private SoftKMeansEncoder(Options o) {
		k = o.intValue("k", 100, 2);
		normalize = o.booleanValue("normalize", true);
		whiten = o.booleanValue("whiten", true);
		whitenComponents = o.intValue("whiten_components", 100, 1);
		// Regularizers as in Coates et al., scaled for 0/1 voxels rather than 0-255 pixels.
		normalizeEpsilon = o.doubleValue("normalize_epsilon", 0.01);
		whitenEpsilon = o.doubleValue("whiten_epsilon", 0.1);
		maxIterations = o.intValue("max_iterations", 100, 1);
		tolerance = o.doubleValue("tolerance", 1e-4);
		if (!(normalizeEpsilon >= 0) || !(whitenEpsilon >= 0) || !(tolerance >= 0))
			throw new IllegalArgumentException("kmeans epsilons and tolerance must be non-negative");
	}

	/**
	 * Options: k (100), normalize (true), whiten (true), whiten_components (100), normalize_epsilon
	 * (0.01), whiten_epsilon (0.1), max_iterations (100), tolerance (1e-4).
	 */
	public static SoftKMeansEncoder fromOptions(Map<String, Object> options) {
		return new SoftKMeansEncoder(new Options(NAME, options, OPTIONS));
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void fit(List<Sample> samples, long seed, Progress progress) {
		int n = samples.size();
		voxels = SampleChecks.voxelCount(samples);
		if (n < 2) throw new IllegalArgumentException("kmeans needs at least 2 samples, got " + n);
		pcs = null;
		if (whiten) {
			double[] scale = new double[n], offset = new double[n];
			for (int i = 0; i < n; i++) {
				double[] so = normalization(samples.get(i).volume().data());
				scale[i] = so[0];
				offset[i] = so[1];
			}
			pcs = PrincipalComponents.fit(samples.stream().map(s -> s.volume().data()).toList(), scale, offset,
				Math.min(whitenComponents, n - 1), Double.NaN, progress);
			double[] var = pcs.variances();
			whitenScale = new double[var.length];
			for (int j = 0; j < var.length; j++) whitenScale[j] = 1 / Math.sqrt(var[j] + whitenEpsilon);
		}
		double[][] data = new double[n][];
		for (int i = 0; i < n; i++) {
			if ((i & 63) == 0) progress.checkCancelled();
			data[i] = features(samples.get(i).volume().data());
		}
		progress.checkCancelled();
		progress.report("k-means", 0, 1);
		int clusters = Math.min(k, n);
		// Smile seeds k-means++ from its per-thread generator, so seed it right here on this thread.
		MathEx.setSeed(seed);
		centroids = KMeans.fit(data, clusters, maxIterations, tolerance).centroids;
		progress.report("k-means", 1, 1);
	}

	/** {scale, offset} that take the volume to zero mean and unit variance (identity without normalize). */
	private double[] normalization(float[] x) {
		if (!normalize) return new double[] { 1, 0 };
		double s = 0, ss = 0;
		for (float v : x) {
			s += v;
			ss += (double) v * v;
		}
		double m = s / x.length;
		double var = Math.max(ss / x.length - m * m, 0);
		double scale = 1 / Math.sqrt(var + normalizeEpsilon);
		return new double[] { scale, -m * scale };
	}

	/** The space k-means works in: whitened principal coordinates, or the normalized voxels. */
	private double[] features(float[] x) {
		if (x.length != voxels) throw new IllegalArgumentException("sample has " + x.length + " voxels, expected " + voxels);
		double[] so = normalization(x);
		if (pcs == null) {
			double[] f = new double[x.length];
			for (int j = 0; j < x.length; j++) f[j] = so[0] * x[j] + so[1];
			return f;
		}
		double[] f = new double[pcs.size()];
		pcs.project(x, so[0], so[1], f);
		for (int j = 0; j < f.length; j++) f[j] *= whitenScale[j];
		return f;
	}

	@Override
	public double[] encode(Sample sample) {
		double[][] c = fitted();
		double[] f = features(sample.volume().data());
		double[] z = new double[c.length];
		double mean = 0;
		for (int i = 0; i < c.length; i++) {
			double d = 0;
			for (int j = 0; j < f.length; j++) {
				double t = f[j] - c[i][j];
				d += t * t;
			}
			z[i] = Math.sqrt(d);
			mean += z[i];
		}
		mean /= c.length;
		// Triangle activation: about half the outputs are 0, which is what makes the code sparse.
		for (int i = 0; i < z.length; i++) z[i] = Math.max(0, mean - z[i]);
		return z;
	}

	@Override
	public int dimension() {
		return fitted().length;
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("k", k);
		m.put("normalize", normalize);
		m.put("whiten", whiten);
		m.put("whiten_components", whitenComponents);
		m.put("normalize_epsilon", normalizeEpsilon);
		m.put("whiten_epsilon", whitenEpsilon);
		m.put("max_iterations", maxIterations);
		m.put("tolerance", tolerance);
		if (centroids != null) {
			m.put("dimension", centroids.length);
			m.put("voxels", voxels);
		}
		return m;
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		double[][] c = fitted();
		EncoderState.writeHeader(out, NAME, 1);
		out.writeInt(voxels);
		out.writeBoolean(pcs != null);
		if (pcs != null) {
			pcs.write(out);
			EncoderState.writeDoubles(out, whitenScale);
		}
		out.writeInt(c.length);
		out.writeInt(c[0].length);
		for (double[] row : c) EncoderState.writeDoubles(out, row);
	}

	/** Rebuilds a fitted encoder from its {@link #parameters()} and {@link #writeState state}. */
	public static SoftKMeansEncoder load(Map<String, Object> parameters, DataInputStream in) throws IOException {
		SoftKMeansEncoder e = Encoders.fromParameters(parameters, LEARNED, NAME, SoftKMeansEncoder::fromOptions);
		EncoderState.readHeader(in, NAME, 1);
		e.voxels = EncoderState.readSize(in, "kmeans voxel count", 1 << 24);
		boolean whitened;
		try {
			whitened = in.readBoolean();
		} catch (java.io.EOFException ex) {
			throw new IOException("kmeans encoder state is truncated", ex);
		}
		if (whitened != e.whiten) throw new IOException("kmeans state " + (whitened ? "is" : "is not") + " whitened but parameters say whiten=" + e.whiten);
		int d = e.voxels;
		if (whitened) {
			e.pcs = PrincipalComponents.read(in, NAME + " whitening");
			if (e.pcs.inputLength() != e.voxels) throw new IOException("kmeans whitening expects " + e.pcs.inputLength() + " voxels, state says " + e.voxels);
			e.whitenScale = EncoderState.readDoubles(in, e.pcs.size(), "kmeans whitening scale");
			d = e.pcs.size();
		}
		int clusters = EncoderState.readSize(in, "kmeans centroid count", 1 << 20);
		int dims = EncoderState.readSize(in, "kmeans centroid length", 1 << 24);
		if (clusters < 1 || dims != d) throw new IOException("kmeans state has " + clusters + " centroids of length " + dims + ", expected length " + d);
		e.centroids = new double[clusters][];
		for (int i = 0; i < clusters; i++) e.centroids[i] = EncoderState.readDoubles(in, dims, "kmeans centroid " + i);
		Encoders.checkLearned(parameters, "dimension", clusters);
		Encoders.checkLearned(parameters, "voxels", e.voxels);
		return e;
	}

	private double[][] fitted() {
		if (centroids == null) throw new IllegalStateException("kmeans encoder is not fitted");
		return centroids;
	}

	/** Offers {@value #NAME} to {@link Encoders} (listed in META-INF/services). */
	public static final class Provider extends EncoderProvider.OfOne {

		public Provider() {
			super(NAME, "soft k-means with the triangle activation on all volumes",
				SoftKMeansEncoder::fromOptions, SoftKMeansEncoder::load, LEARNED);
		}
	}
}
