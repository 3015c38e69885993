package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.voxels.Sample;

/**
 * Describes a structure by the spherical cap {@link CapFit} fits to its localizations: sphere radius, closing
 * angle, curvature, rim radius, cap height, fit rmse, negative log-likelihood per point and log count, all
 * physically meaningful. Ready-made volumes without localizations are fitted on their occupied voxel centres
 * in voxel units with a precision of half a voxel, so their lengths are in voxels, not nm.
 */
public final class CapFitEncoder extends FixedFeaturesEncoder {

	public static final String NAME = "capfit";
	static final Set<String> OPTIONS = Set.of("sigma", "sigma_z");
	private static final Set<String> LEARNED = Set.of("dimension");

	/** Feature names, in encoding order; lengths in nm (voxels for ready volumes), the angle in degrees. */
	public static final List<String> FEATURES = List.of("radius", "closing_angle", "curvature", "rim_radius", "height",
		"rmse", "nll_per_point", "log_count");

	private final CapFit.Settings settings;

	private CapFitEncoder(CapFit.Settings settings) {
		super(NAME, FEATURES.size());
		this.settings = settings;
	}

	/**
	 * Options "sigma" and "sigma_z": the lateral and axial localization precision in nm the fit assumes
	 * (defaults 10 and 25, typical astigmatic 3D STORM); sigma alone sets both, for isotropic data.
	 */
	public static CapFitEncoder fromOptions(Map<String, Object> options) {
		Options o = new Options(NAME, options, OPTIONS);
		boolean lateralOnly = options != null && options.containsKey("sigma") && !options.containsKey("sigma_z");
		double sigma = positive(o.doubleValue("sigma", CapFit.Settings.NANOMETRES.sigma()), "sigma");
		double sigmaZ = positive(o.doubleValue("sigma_z", lateralOnly ? sigma : CapFit.Settings.NANOMETRES.sigmaZ()),
			"sigma_z");
		return new CapFitEncoder(CapFit.Settings.NANOMETRES.withSigmas(sigma, sigmaZ));
	}

	private static double positive(double v, String option) {
		if (!(v > 0 && v <= 1000))
			throw new IllegalArgumentException(NAME + " option " + option + " must be in (0, 1000] nm, got " + v);
		return v;
	}

	@Override
	Map<String, Object> options() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("sigma", settings.sigma());
		m.put("sigma_z", settings.sigmaZ());
		return m;
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		EncoderState.writeHeader(out, NAME, 1);
		EncoderState.writeDoubles(out, new double[] { settings.sigma(), settings.sigmaZ() });
		out.writeInt(FEATURES.size());
	}

	/** Rebuilds the encoder from its {@link #parameters()} and {@link #writeState state}. */
	public static CapFitEncoder load(Map<String, Object> parameters, DataInputStream in) throws IOException {
		CapFitEncoder e = Encoders.fromParameters(parameters, LEARNED, NAME, CapFitEncoder::fromOptions);
		EncoderState.readHeader(in, NAME, 1);
		double[] sigmas = EncoderState.readDoubles(in, 2, "capfit sigma and sigma z");
		if (parameters.containsKey("sigma") && (sigmas[0] != e.settings.sigma() || sigmas[1] != e.settings.sigmaZ()))
			throw new IOException("capfit parameters say sigma = " + e.settings.sigma() + ", sigma z = "
				+ e.settings.sigmaZ() + " but the state holds " + sigmas[0] + ", " + sigmas[1]);
		int d = EncoderState.readSize(in, "capfit feature count", 1 << 10);
		if (d != FEATURES.size())
			throw new IOException("capfit state has " + d + " features, this version computes " + FEATURES.size());
		Encoders.checkLearned(parameters, "dimension", d);
		CapFitEncoder loaded = new CapFitEncoder(CapFit.Settings.NANOMETRES.withSigmas(sigmas[0], sigmas[1]));
		return loaded(loaded);
	}

	/** The precisions the fit assumes for localizations. */
	public CapFit.Settings settings() {
		return settings;
	}

	@Override
	public double[] encode(Sample sample) {
		checkFitted();
		CapFit.Result r = sample.points() != null ? CapFit.fit(sample.points(), settings)
			: CapFit.fit(sample.volume().occupiedCentres(), CapFit.Settings.VOXELS);
		return features(r);
	}

	/** The features of a fit; always finite, all zero but the log count when there was nothing to fit. */
	public static double[] features(CapFit.Result r) {
		double[] f = new double[FEATURES.size()];
		f[7] = Math.log1p(r.count());
		if (!r.isFitted()) return f;
		f[0] = r.radius();
		f[1] = r.closingAngleDeg();
		f[2] = r.curvature();
		f[3] = r.rimRadius();
		f[4] = r.height();
		f[5] = r.rmse();
		f[6] = r.nllPerPoint();
		for (int i = 0; i < f.length; i++)
			if (!Double.isFinite(f[i])) f[i] = 0; // last-resort guard: a classifier cannot use NaN
		return f;
	}

	/** Offers {@value #NAME} to {@link Encoders} (listed in META-INF/services). */
	public static final class Provider extends EncoderProvider.OfOne {

		public Provider() {
			super(NAME, "a spherical cap fitted to the localizations: radius, closing angle, fit quality",
				CapFitEncoder::fromOptions, CapFitEncoder::load, LEARNED);
		}
	}
}
