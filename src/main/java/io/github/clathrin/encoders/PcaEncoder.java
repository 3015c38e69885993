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

/** Encodes a volume by its coordinates on the leading principal axes of the training volumes. */
public final class PcaEncoder implements Encoder {

	public static final String NAME = "pca";
	static final Set<String> OPTIONS = Set.of("components", "variance");
	private static final Set<String> LEARNED = Set.of("dimension", "voxels");

	private final int components;
	private final double variance;
	private PrincipalComponents pcs;

	/**
	 * @param components keep at most this many axes (capped at samples - 1)
	 * @param variance if not NaN, keep the fewest axes explaining this fraction of the variance
	 */
	public PcaEncoder(int components, double variance) {
		if (components < 1) throw new IllegalArgumentException("pca components must be at least 1, got " + components);
		if (!Double.isNaN(variance) && !(variance > 0 && variance <= 1))
			throw new IllegalArgumentException("pca variance fraction must be in (0, 1], got " + variance);
		this.components = components;
		this.variance = variance;
	}

	/** Options: components (default 50), variance (fraction of variance to explain, default unset). */
	public static PcaEncoder fromOptions(Map<String, Object> options) {
		Options o = new Options(NAME, options, OPTIONS);
		return new PcaEncoder(o.intValue("components", 50, 1), o.doubleValue("variance", Double.NaN));
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void fit(List<Sample> samples, long seed, Progress progress) {
		// The seed is unused: the thin SVD is deterministic.
		SampleChecks.voxelCount(samples);
		pcs = PrincipalComponents.fit(samples.stream().map(s -> s.volume().data()).toList(), null, null, components,
			variance, progress);
	}

	@Override
	public double[] encode(Sample sample) {
		double[] out = new double[fitted().size()];
		pcs.project(sample.volume().data(), 1, 0, out);
		return out;
	}

	/** The volume (flat, x fastest) that a code stands for: the mean plus the weighted axes. */
	public double[] reconstruct(double[] code) {
		return fitted().reconstruct(code);
	}

	/** The fitted axes and mean. */
	public PrincipalComponents components() {
		return fitted();
	}

	@Override
	public int dimension() {
		return fitted().size();
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("components", components);
		if (!Double.isNaN(variance)) m.put("variance", variance);
		if (pcs != null) {
			m.put("dimension", pcs.size());
			m.put("voxels", pcs.inputLength());
		}
		return m;
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		EncoderState.writeHeader(out, NAME, 1);
		fitted().write(out);
	}

	/** Rebuilds a fitted encoder from its {@link #parameters()} and {@link #writeState state}. */
	public static PcaEncoder load(Map<String, Object> parameters, DataInputStream in) throws IOException {
		PcaEncoder e = Encoders.fromParameters(parameters, LEARNED, NAME, PcaEncoder::fromOptions);
		EncoderState.readHeader(in, NAME, 1);
		e.pcs = PrincipalComponents.read(in, NAME);
		Encoders.checkLearned(parameters, "dimension", e.pcs.size());
		Encoders.checkLearned(parameters, "voxels", e.pcs.inputLength());
		return e;
	}

	private PrincipalComponents fitted() {
		if (pcs == null) throw new IllegalStateException("pca encoder is not fitted");
		return pcs;
	}

	/** Offers {@value #NAME} to {@link Encoders} (listed in META-INF/services). */
	public static final class Provider extends EncoderProvider.OfOne {

		public Provider() {
			super(NAME, "principal components of all volumes, labelled or not",
				PcaEncoder::fromOptions, PcaEncoder::load, LEARNED);
		}
	}
}
