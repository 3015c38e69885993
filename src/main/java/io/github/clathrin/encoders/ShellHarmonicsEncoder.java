package io.github.clathrin.encoders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

/**
 * Describes a structure by a rotation-invariant spherical-harmonic descriptor (Kazhdan, Funkhouser and
 * Rusinkiewicz 2003): about the centre of mass, space is cut into radial shells, and per shell and
 * degree l the amplitude ||c_l|| of the mass's real spherical-harmonic coefficients c_lm, which no 3D
 * rotation changes. With {@code invariance=z} it is invariant to rotations about z only and keeps up
 * from down: per cylindrical ring, z slab and azimuthal frequency m, the amplitude of the mass's
 * Fourier coefficient in the azimuth.
 */
public final class ShellHarmonicsEncoder extends FixedFeaturesEncoder {

	public static final String NAME = "shells";
	static final Set<String> OPTIONS = Set.of("shells", "degree", "radius", "invariance", "slabs", "percentile");
	private static final Set<String> LEARNED = Set.of("dimension");

	/** Which rotations leave the descriptor unchanged. */
	public enum Invariance {
		/** Every 3D rotation: amplitudes per (shell, degree). */
		ROTATION_3D,
		/** Rotations about z: amplitudes per (ring, slab, azimuthal frequency). */
		ROTATION_Z
	}

	/**
	 * The descriptor's settings.
	 *
	 * @param shells radial shells (3d) or cylindrical rings (z)
	 * @param degree highest degree l (3d) or azimuthal frequency m (z)
	 * @param radiusNm outer radius for localizations in nm; NaN for adaptive
	 * @param percentile adaptive radius: this percentile of the distances to the centre of mass
	 * @param invariance which rotations the descriptor ignores
	 * @param slabs z slabs from -radius to +radius (z invariance only)
	 */
	public record Settings(int shells, int degree, double radiusNm, double percentile, Invariance invariance, int slabs) {

		public static final Settings DEFAULTS = new Settings(8, 6, 150, 95, Invariance.ROTATION_3D, 8);

		public Settings {
			if (shells < 1 || shells > 64) throw new IllegalArgumentException("shells must be 1 to 64, got " + shells);
			if (degree < 0 || degree > 32) throw new IllegalArgumentException("shells degree must be 0 to 32, got " + degree);
			if (!Double.isNaN(radiusNm) && !(radiusNm > 0 && Double.isFinite(radiusNm)))
				throw new IllegalArgumentException("shells radius must be positive nm or adaptive, got " + radiusNm);
			if (!(percentile > 0 && percentile <= 100))
				throw new IllegalArgumentException("shells percentile must be in (0, 100], got " + percentile);
			if (invariance == null) throw new IllegalArgumentException("shells invariance is required");
			if (slabs < 1 || slabs > 64) throw new IllegalArgumentException("shells slabs must be 1 to 64, got " + slabs);
		}

		public boolean adaptive() {
			return Double.isNaN(radiusNm);
		}

		/** Length of the descriptor. */
		public int dimension() {
			int d = invariance == Invariance.ROTATION_3D ? shells * (degree + 1) : shells * slabs * (degree + 1);
			return adaptive() ? d + 1 : d;
		}
	}

	private final Settings settings;
	/** Recurrence factors of the normalized associated Legendre functions, indexed [l][m]. */
	private final double[][] a, b;

	public ShellHarmonicsEncoder(Settings settings) {
		super(NAME, required(settings).dimension());
		this.settings = settings;
		int lMax = settings.degree();
		a = new double[lMax + 1][lMax + 1];
		b = new double[lMax + 1][lMax + 1];
		for (int l = 2; l <= lMax; l++)
			for (int m = 0; m <= l - 2; m++) {
				a[l][m] = Math.sqrt((4.0 * l * l - 1) / ((double) l * l - (double) m * m));
				b[l][m] = Math.sqrt(((l - 1.0) * (l - 1.0) - (double) m * m) / (4.0 * (l - 1) * (l - 1) - 1));
			}
	}

	/**
	 * Options: shells (default 8), degree (highest l, or m for invariance z; default 6), radius (outer
	 * radius in nm, default 150, or "adaptive": the percentile-th percentile of the distances to the
	 * centre of mass, itself added as a last feature), percentile (for adaptive, default 95),
	 * invariance ("3d", default, or "z"), slabs (z slabs for invariance z, default 8).
	 */
	public static ShellHarmonicsEncoder fromOptions(Map<String, Object> options) {
		Options o = new Options(NAME, options, OPTIONS);
		Settings d = Settings.DEFAULTS;
		Map<String, Object> map = options == null ? Map.of() : options;
		Object r = map.get("radius");
		double radius = r instanceof String s && s.trim().equalsIgnoreCase("adaptive") ? Double.NaN
			: o.doubleValue("radius", d.radiusNm());
		Invariance inv = d.invariance();
		Object i = map.get("invariance");
		if (i != null) {
			inv = switch (String.valueOf(i).trim().toLowerCase(Locale.ROOT)) {
				case "3d" -> Invariance.ROTATION_3D;
				case "z" -> Invariance.ROTATION_Z;
				default -> throw new IllegalArgumentException("shells option invariance must be 3d or z, got " + i);
			};
		}
		return new ShellHarmonicsEncoder(new Settings(o.intValue("shells", d.shells(), 1), o.intValue("degree", d.degree(), 0),
			radius, o.doubleValue("percentile", d.percentile()), inv, o.intValue("slabs", d.slabs(), 1)));
	}

	private static Settings required(Settings settings) {
		if (settings == null) throw new IllegalArgumentException("shells settings are required");
		return settings;
	}

	public Settings settings() {
		return settings;
	}

	@Override
	Map<String, Object> options() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("shells", settings.shells());
		m.put("degree", settings.degree());
		m.put("radius", settings.adaptive() ? "adaptive" : settings.radiusNm());
		m.put("percentile", settings.percentile());
		m.put("invariance", settings.invariance() == Invariance.ROTATION_3D ? "3d" : "z");
		m.put("slabs", settings.slabs());
		return m;
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		EncoderState.writeHeader(out, NAME, 1);
		out.writeInt(dimension());
	}

	public static ShellHarmonicsEncoder load(Map<String, Object> parameters, DataInputStream in) throws IOException {
		EncoderState.readHeader(in, NAME, 1);
		int d = EncoderState.readSize(in, "shells dimension", 1 << 20);
		ShellHarmonicsEncoder e = Encoders.fromParameters(parameters, LEARNED, NAME, ShellHarmonicsEncoder::fromOptions);
		if (d != e.dimension()) throw new IOException("shells state has dimension " + d + " but its parameters give " + e.dimension());
		Encoders.checkLearned(parameters, "dimension", d);
		return loaded(e);
	}

	@Override
	public double[] encode(Sample sample) {
		checkFitted();
		if (sample.points() != null) return describe(sample.points(), null, settings.radiusNm());
		Volume v = sample.volume();
		if (v == null) throw new IllegalArgumentException("sample has neither points nor a volume");
		Volume.Mass mass = v.mass();
		// Ready volumes have no nm scale: a fixed radius is the grid's inscribed sphere, in voxels.
		return describe(mass.points(), mass.weights(), 0.5 * Math.min(v.nx(), Math.min(v.ny(), v.nz())));
	}

	/**
	 * The descriptor of weighted x,y,z triples (null weights: all 1) with the given fixed radius (unless
	 * adaptive). Non-finite points and non-positive weights are ignored; no mass gives all zeros.
	 */
	double[] describe(double[] p, double[] weights, double fixedRadius) {
		double[] out = new double[dimension()];
		int n = p.length / 3;
		double total = 0, cx = 0, cy = 0, cz = 0;
		for (int i = 0; i < n; i++) {
			double w = weight(p, weights, i);
			if (w == 0) continue;
			total += w;
			cx += w * p[3 * i];
			cy += w * p[3 * i + 1];
			cz += w * p[3 * i + 2];
		}
		if (total == 0) return out;
		cx /= total;
		cy /= total;
		cz /= total;
		double radius = settings.adaptive() ? adaptiveRadius(p, weights, cx, cy, cz) : fixedRadius;
		if (settings.adaptive()) out[out.length - 1] = radius;
		if (!(radius > 0)) return out; // all mass at one point: nothing but the size to tell
		if (settings.invariance() == Invariance.ROTATION_3D) harmonics(p, weights, cx, cy, cz, radius, total, out);
		else azimuthal(p, weights, cx, cy, cz, radius, total, out);
		return out;
	}

	/**
	 * Amplitudes per shell and degree. A point's mass is shared between the two nearest shell centres
	 * (linearly in r), so the descriptor changes smoothly as points move; mass beyond the outermost
	 * centre stays in the last shell up to the radius and is dropped beyond it.
	 */
	private void harmonics(double[] p, double[] weights, double cx, double cy, double cz, double radius, double total,
		double[] out)
	{
		int shells = settings.shells(), lMax = settings.degree(), perShell = (lMax + 1) * (lMax + 1);
		double[] coeff = new double[shells * perShell];
		double[] y = new double[perShell];
		double[] plm = new double[(lMax + 1) * (lMax + 1)];
		for (int i = 0; i < p.length / 3; i++) {
			double w = weight(p, weights, i);
			if (w == 0) continue;
			double dx = p[3 * i] - cx, dy = p[3 * i + 1] - cy, dz = p[3 * i + 2] - cz;
			double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
			if (!(r < radius)) continue;
			double t = r / radius * shells - 0.5;
			int s0 = (int) Math.floor(t);
			double f = t - s0;
			if (r > 0) realHarmonics(dx / r, dy / r, dz / r, plm, y);
			else {
				// At the centre only l = 0 is defined: the mean over directions.
				Arrays.fill(y, 0);
				y[0] = 0.5 / Math.sqrt(Math.PI);
			}
			addShell(coeff, y, perShell, Math.max(s0, 0), w * (s0 < 0 || s0 >= shells - 1 ? 1 : 1 - f), shells);
			if (s0 >= 0 && s0 < shells - 1) addShell(coeff, y, perShell, s0 + 1, w * f, shells);
		}
		for (int s = 0; s < shells; s++)
			for (int l = 0; l <= lMax; l++) {
				double e = 0;
				for (int k = l * l; k < (l + 1) * (l + 1); k++) e += coeff[s * perShell + k] * coeff[s * perShell + k];
				out[s * (lMax + 1) + l] = Math.sqrt(e) / total;
			}
	}

	private static void addShell(double[] coeff, double[] y, int perShell, int shell, double w, int shells) {
		if (w == 0) return;
		int base = Math.min(shell, shells - 1) * perShell;
		for (int k = 0; k < perShell; k++) coeff[base + k] += w * y[k];
	}

	/**
	 * Orthonormal real spherical harmonics at a unit vector into y, index l^2 + l + m for m = -l..l. The
	 * normalized associated Legendre functions come from the standard three-term recurrence in l (stable
	 * for any degree, no factorials); cos(m phi) and sin(m phi) are built from x and y by the angle
	 * addition formulas, so no trigonometric call is needed.
	 */
	void realHarmonics(double ux, double uy, double uz, double[] plm, double[] y) {
		int lMax = settings.degree(), stride = lMax + 1;
		double rho = Math.sqrt(ux * ux + uy * uy);
		double cosPhi = rho > 0 ? ux / rho : 1, sinPhi = rho > 0 ? uy / rho : 0;
		// plm[l * stride + m] = sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) P_l^m(uz), with sin(theta) = rho.
		plm[0] = 0.5 / Math.sqrt(Math.PI);
		for (int m = 1; m <= lMax; m++)
			plm[m * stride + m] = -Math.sqrt((2.0 * m + 1) / (2.0 * m)) * rho * plm[(m - 1) * stride + m - 1];
		for (int m = 0; m < lMax; m++) plm[(m + 1) * stride + m] = Math.sqrt(2.0 * m + 3) * uz * plm[m * stride + m];
		for (int m = 0; m <= lMax; m++)
			for (int l = m + 2; l <= lMax; l++)
				plm[l * stride + m] = a[l][m] * (uz * plm[(l - 1) * stride + m] - b[l][m] * plm[(l - 2) * stride + m]);
		double cm = 1, sm = 0; // cos(m phi), sin(m phi)
		final double root2 = Math.sqrt(2);
		for (int m = 0; m <= lMax; m++) {
			for (int l = m; l <= lMax; l++) {
				double v = plm[l * stride + m];
				if (m == 0) y[l * l + l] = v;
				else {
					y[l * l + l + m] = root2 * v * cm;
					y[l * l + l - m] = root2 * v * sm;
				}
			}
			double c = cm * cosPhi - sm * sinPhi;
			sm = sm * cosPhi + cm * sinPhi;
			cm = c;
		}
	}

	/**
	 * Amplitudes per cylindrical ring (distance from the z axis through the centre of mass, 0 to the
	 * radius), z slab (-radius to +radius) and azimuthal frequency m = 0..degree: |sum w e^(i m phi)| over
	 * the cell's mass, divided by the total mass. A rotation about z by alpha multiplies each coefficient
	 * by e^(i m alpha), so the amplitudes do not change; m = 0 is the mass in the cell. Mass is shared
	 * bilinearly between neighbouring cells, as in the 3d descriptor.
	 */
	private void azimuthal(double[] p, double[] weights, double cx, double cy, double cz, double radius, double total,
		double[] out)
	{
		int rings = settings.shells(), slabs = settings.slabs(), mMax = settings.degree(), per = mMax + 1;
		double[] re = new double[rings * slabs * per], im = new double[re.length];
		double[] cosM = new double[per], sinM = new double[per];
		for (int i = 0; i < p.length / 3; i++) {
			double w = weight(p, weights, i);
			if (w == 0) continue;
			double dx = p[3 * i] - cx, dy = p[3 * i + 1] - cy, dz = p[3 * i + 2] - cz;
			double rho = Math.sqrt(dx * dx + dy * dy);
			if (!(rho < radius && Math.abs(dz) < radius)) continue;
			double cosPhi = rho > 0 ? dx / rho : 1, sinPhi = rho > 0 ? dy / rho : 0;
			double cm = 1, sm = 0;
			for (int m = 0; m <= mMax; m++) {
				// On the axis the azimuth is undefined and only m = 0 has a meaning.
				cosM[m] = rho > 0 || m == 0 ? cm : 0;
				sinM[m] = rho > 0 ? sm : 0;
				double c = cm * cosPhi - sm * sinPhi;
				sm = sm * cosPhi + cm * sinPhi;
				cm = c;
			}
			double tr = rho / radius * rings - 0.5, tz = (dz + radius) / (2 * radius) * slabs - 0.5;
			int r0 = (int) Math.floor(tr), z0 = (int) Math.floor(tz);
			double fr = tr - r0, fz = tz - z0;
			for (int a1 = 0; a1 < 2; a1++) {
				int ring = Math.max(0, Math.min(rings - 1, r0 + a1));
				double wr = a1 == 0 ? 1 - fr : fr;
				for (int a2 = 0; a2 < 2; a2++) {
					int slab = Math.max(0, Math.min(slabs - 1, z0 + a2));
					double ww = w * wr * (a2 == 0 ? 1 - fz : fz);
					if (ww == 0) continue;
					int base = (ring * slabs + slab) * per;
					for (int m = 0; m <= mMax; m++) {
						re[base + m] += ww * cosM[m];
						im[base + m] += ww * sinM[m];
					}
				}
			}
		}
		for (int k = 0; k < re.length; k++) out[k] = Math.hypot(re[k], im[k]) / total;
	}

	/** The percentile of the mass's distances to its centre (weighted; nearest rank). */
	private double adaptiveRadius(double[] p, double[] weights, double cx, double cy, double cz) {
		int n = p.length / 3, k = 0;
		double[][] rw = new double[n][];
		double total = 0;
		for (int i = 0; i < n; i++) {
			double w = weight(p, weights, i);
			if (w == 0) continue;
			double dx = p[3 * i] - cx, dy = p[3 * i + 1] - cy, dz = p[3 * i + 2] - cz;
			rw[k++] = new double[] { Math.sqrt(dx * dx + dy * dy + dz * dz), w };
			total += w;
		}
		double[][] sorted = Arrays.copyOf(rw, k);
		Arrays.sort(sorted, (u, v) -> Double.compare(u[0], v[0]));
		double target = settings.percentile() / 100 * total, sum = 0;
		for (double[] e : sorted) {
			sum += e[1];
			if (sum >= target * (1 - 1e-12)) return e[0];
		}
		return sorted[k - 1][0];
	}

	private static double weight(double[] p, double[] weights, int i) {
		if (!Double.isFinite(p[3 * i] + p[3 * i + 1] + p[3 * i + 2])) return 0;
		double w = weights == null ? 1 : weights[i];
		return w > 0 && Double.isFinite(w) ? w : 0;
	}

	/** Offers {@value #NAME} to {@link Encoders} (listed in META-INF/services). */
	public static final class Provider extends EncoderProvider.OfOne {

		public Provider() {
			super(NAME, "rotation-invariant spherical-harmonic energy per radial shell",
				ShellHarmonicsEncoder::fromOptions, ShellHarmonicsEncoder::load, LEARNED);
		}
	}
}
