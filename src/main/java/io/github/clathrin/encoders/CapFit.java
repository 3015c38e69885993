package io.github.clathrin.encoders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.clathrin.voxels.SymmetricEigen3;

/**
 * Fits a spherical cap to a point cloud by maximum likelihood, as LocMoFit does for clathrin coats: the
 * points are taken to be spread uniformly over the cap surface (density 1 / area, area = 2 pi r^2 (1 - cos
 * theta)), blurred by a Gaussian localization precision (lateral sigma, axial sigmaZ) along their distance to
 * the nearest point of the cap (the rim included), plus a fixed share of uniform background over the points'
 * bounding box so that a few stray localizations cannot drag the cap. The negative log-likelihood is
 * minimized by {@link NelderMead} from several geometric starts (flat disk, algebraic sphere with
 * the opening towards the centroid or towards the emptiest direction, paraboloid), compared on a subset of
 * the points, then polished with restarts from the best on all of them; there is no randomness, so the same
 * points always give the same cap.
 *
 * <p>Inside the optimizer the cap is described by its apex, the axis there, log r and log of the arc
 * length from apex to rim (s = r theta) rather than by centre and angle: flat lattices then stay well
 * conditioned (the centre of a nearly flat cap is far away and moving it changes nothing), and the radius
 * is bounded so a flat lattice ends at the largest radius with a small closing angle, never NaN.
 */
public final class CapFit {

	/**
	 * What the fit assumes.
	 *
	 * @param sigma lateral (x, y) localization precision, a Gaussian sigma in the points' unit
	 * @param sigmaZ axial (z) precision; the blur along the distance to the cap is that of the surface normal's
	 *        direction, sqrt(sigma^2 (1 - nz^2) + sigmaZ^2 nz^2), so a flat lattice seen face-on is allowed
	 *        the axial thickness of 3D STORM instead of being bent to explain it
	 * @param minRadius smallest sphere radius the fit may return
	 * @param maxRadius largest sphere radius; flat lattices end here with a small closing angle
	 * @param background share of the points taken to be uniform background (outliers), in (0, 1)
	 */
	public record Settings(double sigma, double sigmaZ, double minRadius, double maxRadius, double background) {

		/**
		 * Localizations in nm: 10 nm lateral and 25 nm axial precision (typical astigmatic 3D STORM, as the
		 * simulator), radius 10 nm to 5 um, 5% background.
		 */
		public static final Settings NANOMETRES = new Settings(10, 25, 10, 5000, 0.05);
		/** Occupied voxel centres in voxel units: half a voxel of precision in every direction, radius 1 to 250. */
		public static final Settings VOXELS = new Settings(0.5, 0.5, 1, 250, 0.05);

		public Settings {
			if (!(sigma > 0) || !Double.isFinite(sigma))
				throw new IllegalArgumentException("cap fit sigma must be a positive number, got " + sigma);
			if (!(sigmaZ > 0) || !Double.isFinite(sigmaZ))
				throw new IllegalArgumentException("cap fit sigma z must be a positive number, got " + sigmaZ);
			if (!(minRadius > 0) || !(maxRadius > minRadius) || !Double.isFinite(maxRadius))
				throw new IllegalArgumentException("cap fit radii must satisfy 0 < min < max, got " + minRadius + " and "
					+ maxRadius);
			if (!(background > 0 && background < 1))
				throw new IllegalArgumentException("cap fit background share must be in (0, 1), got " + background);
		}

		/** The same with one isotropic precision. */
		public Settings withSigma(double newSigma) {
			return new Settings(newSigma, newSigma, minRadius, maxRadius, background);
		}

		public Settings withSigmas(double newSigma, double newSigmaZ) {
			return new Settings(newSigma, newSigmaZ, minRadius, maxRadius, background);
		}

		/** The root mean square of the three axes' precisions: the one blur where a single one is needed. */
		double meanSigma() {
			return Math.sqrt((2 * sigma * sigma + sigmaZ * sigmaZ) / 3);
		}
	}

	/**
	 * The fitted cap.
	 *
	 * @param radius sphere radius (NaN when there were too few points to fit)
	 * @param closingAngleDeg polar angle of the rim seen from the centre: ~0 flat, 90 hemisphere, 180 closed
	 * @param centre sphere centre x, y, z
	 * @param axis unit vector from the centre to the middle of the cap
	 * @param rmse root mean square distance to the cap surface of the points the cap explains better than the
	 *        background does (outliers left out)
	 * @param nllPerPoint negative log-likelihood per point at the optimum (lower fits better)
	 * @param count number of finite points
	 * @param converged whether the optimizer met its tolerance before its evaluation budget ran out
	 */
	public record Result(double radius, double closingAngleDeg, double[] centre, double[] axis, double rmse,
		double nllPerPoint, int count, boolean converged)
	{

		public Result {
			centre = centre.clone();
			axis = axis.clone();
		}

		@Override
		public double[] centre() {
			return centre.clone();
		}

		@Override
		public double[] axis() {
			return axis.clone();
		}

		/** Whether a cap was fitted (false for fewer than {@link #MIN_POINTS} points). */
		public boolean isFitted() {
			return !Double.isNaN(radius);
		}

		/** 1 / radius. */
		public double curvature() {
			return 1 / radius;
		}

		/** Radius of the rim circle (of the opening): r sin(theta); for a closed sphere 0. */
		public double rimRadius() {
			return radius * Math.sin(Math.toRadians(closingAngleDeg));
		}

		/** Height of the cap from its rim plane to its apex: r (1 - cos theta). */
		public double height() {
			return radius * (1 - Math.cos(Math.toRadians(closingAngleDeg)));
		}

		static Result none(int count) {
			double[] nan = { Double.NaN, Double.NaN, Double.NaN };
			return new Result(Double.NaN, Double.NaN, nan, nan, Double.NaN, Double.NaN, count, false);
		}
	}

	/** Fewer points than this give no fit: a cap has 7 parameters. */
	public static final int MIN_POINTS = 8;
	/** Larger clouds are fitted on an evenly strided subset (statistics still use every point): keeps it fast. */
	static final int MAX_FIT_POINTS = 800;
	private static final int EXPLORE_POINTS = 100;
	private static final int EVALUATIONS_PER_START = 150, EVALUATIONS_POLISH = 400;
	private static final double SQRT_HALF_PI = Math.sqrt(Math.PI / 2);

	private CapFit() {}

	/** Fits a cap to x, y, z triples (interleaved); non-finite triples are ignored. Thread-safe. */
	public static Result fit(double[] points, Settings settings) {
		double[] p = LabFeaturesEncoder.finite(points);
		int n = p.length / 3;
		if (n < MIN_POINTS) return Result.none(n);
		double[] fitPoints = n <= MAX_FIT_POINTS ? p : strided(p, MAX_FIT_POINTS);
		Likelihood all = new Likelihood(p, settings), sub = fitPoints == p ? all : new Likelihood(fitPoints, settings);
		// The starts are compared on a small subset, which is enough to pick the right basin at a fraction of
		// the cost; the polish below then uses every (fitted) point.
		Likelihood explore = fitPoints.length / 3 <= EXPLORE_POINTS ? sub
			: new Likelihood(strided(fitPoints, EXPLORE_POINTS), settings);

		Shape best = null;
		double bestValue = Double.POSITIVE_INFINITY;
		boolean converged = false;
		for (Shape start : starts(fitPoints, settings)) {
			Chart chart = new Chart(start, settings, explore);
			NelderMead.Outcome o = NelderMead.minimize(chart::value, chart.origin(), chart.steps(), EVALUATIONS_PER_START,
				0.05);
			// Judged on all fitted points: the subset can prefer the wrong basin when the two are close.
			Shape found = chart.shape(o.x());
			double value = sub == explore ? o.value() : sub.nll(found);
			if (best == null || value < bestValue) { // the first start stands even if every value is infinite
				bestValue = value;
				best = found;
			}
		}
		// A fresh simplex around the best point: Nelder-Mead's simplex can collapse early in 7 dimensions.
		for (int restart = 0; restart < 2; restart++) {
			Chart chart = new Chart(best, settings, sub);
			NelderMead.Outcome o = NelderMead.minimize(chart::value, chart.origin(), chart.smallSteps(),
				EVALUATIONS_POLISH, 0.01);
			Shape s = chart.shape(o.x());
			double improvement = bestValue - o.value();
			if (o.value() < bestValue) {
				bestValue = o.value();
				best = s;
			}
			converged = o.converged();
			if (improvement < 0.05) break;
		}
		return all.result(best, converged);
	}

	/** A cap: apex point, outward unit normal there, sphere radius and arc length from apex to rim. */
	record Shape(double[] apex, double[] axis, double radius, double arc) {

		double theta() {
			return Math.min(Math.PI, arc / radius);
		}

		double[] centre() {
			return new double[] { apex[0] - radius * axis[0], apex[1] - radius * axis[1], apex[2] - radius * axis[2] };
		}
	}

	/** The negative log-likelihood of caps for one point cloud. */
	static final class Likelihood {

		final double[] p;
		final int n;
		final double sigma, inv2s2, logNorm, logBackground, scale;
		/** sigmaZ^2 / sigma^2 - 1: 0 for isotropic precision, where the per-point log is skipped. */
		private final double anisotropy, rimSigma;

		Likelihood(double[] p, Settings settings) {
			this.p = p;
			n = p.length / 3;
			// Lateral sigma here; per point it is scaled by the normal's z (see Settings.sigmaZ).
			sigma = settings.sigma();
			inv2s2 = 1 / (2 * sigma * sigma);
			logNorm = Math.log((1 - settings.background()) / (Math.sqrt(2 * Math.PI) * sigma));
			anisotropy = sq(settings.sigmaZ() / sigma) - 1;
			rimSigma = settings.meanSigma();
			double[] lo = { Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY };
			double[] hi = { Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY };
			for (int i = 0; i < p.length; i++) {
				lo[i % 3] = Math.min(lo[i % 3], p[i]);
				hi[i % 3] = Math.max(hi[i % 3], p[i]);
			}
			// Background is uniform over the bounding box padded by 2 sigma, so its density is finite and fixed.
			double volume = 1;
			for (int d = 0; d < 3; d++) volume *= hi[d] - lo[d] + 4 * (d == 2 ? settings.sigmaZ() : sigma);
			logBackground = Math.log(settings.background() / volume);
			scale = Math.max(sigma, radiusOfGyration(p, centroid(p)));
		}

		/** Total negative log-likelihood. */
		double nll(Shape s) {
			return nll(s, null, null);
		}

		/** Total negative log-likelihood; squared distances and the cap's log-density per point go to d2 and caps if given. */
		double nll(Shape s, double[] d2, double[] caps) {
			double r = s.radius(), theta = s.theta();
			double cosT = Math.cos(theta), sinT = Math.sin(theta);
			double logDensity = logDensity(s);
			double[] a = s.apex(), u = s.axis();
			double total = 0;
			for (int i = 0; i < n; i++) {
				double wx = p[3 * i] - a[0], wy = p[3 * i + 1] - a[1], wz = p[3 * i + 2] - a[2];
				double h = wx * u[0] + wy * u[1] + wz * u[2];
				double rho2 = Math.max(0, wx * wx + wy * wy + wz * wz - h * h);
				double rh = r + h; // height above the centre along the axis
				double dd = Math.sqrt(rho2 + rh * rh); // distance to the centre
				double dr = dd - r; // loses only ~1e-16 r to cancellation: far below any precision
				double dist2;
				if (rh >= cosT * dd) dist2 = dr * dr; // within the cap's cone: radial distance to the sphere
				else {
					// Beyond the rim: distance to the rim circle in the point's meridian plane, by the law of
					// cosines on the angle phi - theta, written so that nearly flat caps keep their precision.
					double rho = Math.sqrt(rho2);
					double dc = rho * sinT + rh * cosT, ds = rho * cosT - rh * sinT; // dd cos, dd sin of phi - theta
					dist2 = dc > 0 ? dr * dr + 2 * r * ds * ds / (dd + dc) : dd * dd + r * r - 2 * r * dc;
				}
				if (d2 != null) d2[i] = dist2;
				double cap;
				if (anisotropy == 0) cap = logDensity - dist2 * inv2s2;
				else {
					// The blur along the radial direction (the surface normal inside the cap's cone): its variance
					// is sigma^2 (1 + anisotropy nz^2).
					double nz = dd > 0 ? (wz + r * u[2]) / dd : 1;
					double scale2 = 1 + anisotropy * nz * nz;
					cap = logDensity - 0.5 * Math.log(scale2) - dist2 * inv2s2 / scale2;
				}
				if (caps != null) caps[i] = cap;
				if (cap - logBackground >= 36) total -= cap; // the background term is under e^-36 of the cap's
				else {
					double hi = Math.max(cap, logBackground), lo = Math.min(cap, logBackground);
					total -= hi + Math.log1p(Math.exp(lo - hi));
				}
			}
			return total;
		}

		/** Log of the cap's density on its surface: normalization, area, and the mass blurred beyond the rim. */
		double logDensity(Shape s) {
			double r = s.radius(), theta = s.theta();
			double cosT = Math.cos(theta), sinT = Math.sin(theta), halfSin = Math.sin(theta / 2);
			// area = 2 pi r^2 (1 - cos theta), with 1 - cos theta = 2 sin^2(theta/2) to keep small angles exact
			double area = 2 * Math.PI * r * r * 2 * halfSin * halfSin;
			// Blurring by distance to the nearest cap point puts extra mass in the half-torus beyond the rim
			// (rim length x sigma sqrt(pi/2), plus 2 pi sigma^2 cos theta for the torus' own width); dividing it
			// out keeps the density normalized, without which small caps look cheaper than they are and the
			// fitted cap shrinks or collapses to a point.
			double beyondRim = 2 * Math.PI * (r * sinT * rimSigma * SQRT_HALF_PI + rimSigma * rimSigma * cosT);
			return logNorm - Math.log(area + Math.max(0, beyondRim));
		}

		Result result(Shape s, boolean converged) {
			double[] d2 = new double[n], caps = new double[n];
			double nll = nll(s, d2, caps);
			// The rmse is over the points the cap explains better than the background: a few far outliers
			// would otherwise swamp it and say nothing about how well the coat itself fits.
			double sum = 0;
			int inliers = 0;
			for (int i = 0; i < n; i++)
				if (caps[i] >= logBackground) {
					sum += d2[i];
					inliers++;
				}
			double rmse = inliers > 0 ? Math.sqrt(sum / inliers) : Double.NaN;
			return new Result(s.radius(), Math.toDegrees(s.theta()), s.centre(), s.axis(), rmse, nll / n, n, converged);
		}
	}

	/**
	 * Local coordinates around one cap for the optimizer: apex offset (in units of the cloud's size), axis
	 * tilt towards two perpendicular directions, log radius and log arc length. Out-of-range radii and arcs are
	 * clamped and gently penalized so the simplex comes back instead of wandering on a flat objective.
	 */
	static final class Chart {

		private final Shape start;
		private final double[] e1, e2;
		private final double scale, logMinR, logMaxR, logMinArc;
		private final Likelihood likelihood;

		Chart(Shape start, Settings settings, Likelihood likelihood) {
			this.start = start;
			this.scale = likelihood.scale;
			this.likelihood = likelihood;
			double[][] frame = perpendiculars(start.axis());
			e1 = frame[0];
			e2 = frame[1];
			logMinR = Math.log(settings.minRadius());
			logMaxR = Math.log(settings.maxRadius());
			logMinArc = Math.log(settings.sigma() / 10);
		}

		double[] origin() {
			return new double[] { 0, 0, 0, 0, 0, Math.log(start.radius()), Math.log(start.arc()) };
		}

		double[] steps() {
			return new double[] { 0.2, 0.2, 0.2, 0.3, 0.3, 0.4, 0.25 };
		}

		double[] smallSteps() {
			return new double[] { 0.05, 0.05, 0.05, 0.1, 0.1, 0.15, 0.1 };
		}

		Shape shape(double[] x) {
			double[] a = start.apex();
			double[] apex = { a[0] + scale * x[0], a[1] + scale * x[1], a[2] + scale * x[2] };
			double[] u = start.axis();
			double[] axis = { u[0] + x[3] * e1[0] + x[4] * e2[0], u[1] + x[3] * e1[1] + x[4] * e2[1],
				u[2] + x[3] * e1[2] + x[4] * e2[2] };
			normalize(axis);
			double r = Math.exp(clamp(x[5], logMinR, logMaxR));
			double arc = Math.exp(clamp(x[6], logMinArc, Math.log(Math.PI * r)));
			return new Shape(apex, axis, r, arc);
		}

		double value(double[] x) {
			double logR = clamp(x[5], logMinR, logMaxR);
			double arcMax = Math.log(Math.PI) + logR;
			// Tilts beyond 2 (63 degrees) belong to another start's chart; the axis chart degenerates at infinity.
			double penalty = sq(x[5] - logR) + sq(x[6] - clamp(x[6], logMinArc, arcMax))
				+ Math.max(0, sq(x[3]) + sq(x[4]) - 4);
			double v = likelihood.nll(shape(x)) + likelihood.n * penalty;
			return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v; // keeps the simplex's comparisons meaningful
		}
	}

	/**
	 * Where the optimizer begins: a flat disk across the minor axis at the largest radius, the algebraic
	 * least-squares sphere, and the paraboloid over the principal plane (better than the sphere for shallow
	 * cups); each start's angle comes from the mean cosine of the points' directions, which for an evenly
	 * covered cap is (1 + cos theta) / 2.
	 */
	static List<Shape> starts(double[] all, Settings settings) {
		double[] p = inliers(all, settings);
		int n = p.length / 3;
		double[] m = centroid(p);
		double rg = radiusOfGyration(p, m);
		List<Shape> out = new ArrayList<>();
		if (!(rg > 0)) {
			out.add(new Shape(m, new double[] { 0, 0, 1 }, settings.maxRadius(), settings.sigma()));
			return out;
		}
		double[][] cov = new double[3][3];
		for (int i = 0; i < n; i++) {
			double[] w = { p[3 * i] - m[0], p[3 * i + 1] - m[1], p[3 * i + 2] - m[2] };
			for (int a = 0; a < 3; a++)
				for (int b = 0; b < 3; b++) cov[a][b] += w[a] * w[b] / n;
		}
		SymmetricEigen3 eig = new SymmetricEigen3(cov);
		double[] major = eig.vectors[0], mid = eig.vectors[1], minor = eig.vectors[2];

		// A uniform disk of radius R has mean squared distance R^2 / 2 from its centre.
		double rho2 = 0;
		for (int i = 0; i < n; i++) {
			double wx = p[3 * i] - m[0], wy = p[3 * i + 1] - m[1], wz = p[3 * i + 2] - m[2];
			double h = wx * minor[0] + wy * minor[1] + wz * minor[2];
			rho2 += wx * wx + wy * wy + wz * wz - h * h;
		}
		out.add(new Shape(m, minor, settings.maxRadius(), Math.max(settings.sigma(), Math.sqrt(2 * rho2 / n))));

		double[] sphere = algebraicSphere(p, m, rg);
		if (sphere != null && sphere[3] <= settings.maxRadius()) {
			double r = Math.max(settings.minRadius(), sphere[3]);
			double[] c = { sphere[0], sphere[1], sphere[2] };
			double[] u = { m[0] - c[0], m[1] - c[1], m[2] - c[2] };
			// A closed sphere's centroid is its centre: any axis will do, the minor one is as good as any.
			if (Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]) < 0.05 * r) u = minor.clone();
			normalize(u);
			out.add(capAround(p, c, u, r, settings));
			// A nearly closed coat's centroid hardly moves off its centre, so the opening is found directly:
			// the emptiest of a fixed set of directions from the centre is taken as the hole.
			double[] hole = emptiestDirection(p, c);
			out.add(capAround(p, c, new double[] { -hole[0], -hole[1], -hole[2] }, r, settings));
		}

		double[] k = paraboloid(p, m, rg, major, mid, minor);
		if (k != null && Math.abs(k[3]) > 1e-9) {
			double x = -k[1] / (2 * k[3]), y = -k[2] / (2 * k[3]);
			double r = rg / (2 * Math.abs(k[3]));
			if (x * x + y * y <= 4 && r <= settings.maxRadius()) {
				r = Math.max(settings.minRadius(), r);
				double h = k[0] + k[1] * x + k[2] * y + k[3] * (x * x + y * y);
				double[] apex = new double[3];
				for (int d = 0; d < 3; d++) apex[d] = m[d] + rg * (x * major[d] + y * mid[d] + h * minor[d]);
				// h = k rho^2 with k > 0 curves towards +minor, where the centre then lies; the axis points away.
				double sign = Math.signum(k[3]);
				double[] u = { -sign * minor[0], -sign * minor[1], -sign * minor[2] };
				double[] c = { apex[0] - r * u[0], apex[1] - r * u[1], apex[2] - r * u[2] };
				out.add(capAround(p, c, u, r, settings));
			}
		}
		return out;
	}

	/**
	 * The points within three robust residual spreads (at least three sigma) of the algebraic sphere, so
	 * that gross outliers do not pull the starts; all points when the sphere fails or would keep under half.
	 */
	private static double[] inliers(double[] p, Settings settings) {
		int n = p.length / 3;
		double[] m = centroid(p);
		double rg = radiusOfGyration(p, m);
		double[] sphere = rg > 0 ? algebraicSphere(p, m, rg) : null;
		if (sphere == null) return p;
		double[] residual = new double[n];
		for (int i = 0; i < n; i++)
			residual[i] = Math.abs(Math.sqrt(sq(p[3 * i] - sphere[0]) + sq(p[3 * i + 1] - sphere[1])
				+ sq(p[3 * i + 2] - sphere[2])) - sphere[3]);
		double[] sorted = residual.clone();
		Arrays.sort(sorted);
		double limit = 3 * Math.max(settings.sigma(), 1.4826 * sorted[n / 2]);
		int kept = 0;
		for (double r : residual)
			if (r <= limit) kept++;
		if (kept == n || kept < Math.max(MIN_POINTS, n / 2)) return p;
		double[] out = new double[3 * kept];
		int j = 0;
		for (int i = 0; i < n; i++)
			if (residual[i] <= limit) {
				System.arraycopy(p, 3 * i, out, 3 * j, 3);
				j++;
			}
		return out;
	}

	/** Of 64 near-even (Fibonacci) directions, the one whose 45-degree cone around c holds the fewest points. */
	private static double[] emptiestDirection(double[] p, double[] c) {
		int n = p.length / 3, k = 64;
		double[] best = { 0, 0, 1 };
		int fewest = Integer.MAX_VALUE;
		double cone = Math.cos(Math.PI / 4), golden = Math.PI * (3 - Math.sqrt(5));
		for (int j = 0; j < k; j++) {
			double z = 1 - (2 * j + 1.0) / k, rho = Math.sqrt(1 - z * z);
			double[] d = { rho * Math.cos(golden * j), rho * Math.sin(golden * j), z };
			int inside = 0;
			for (int i = 0; i < n; i++) {
				double wx = p[3 * i] - c[0], wy = p[3 * i + 1] - c[1], wz = p[3 * i + 2] - c[2];
				double dot = wx * d[0] + wy * d[1] + wz * d[2];
				if (dot > 0 && dot * dot > cone * cone * (wx * wx + wy * wy + wz * wz)) inside++;
			}
			if (inside < fewest) {
				fewest = inside;
				best = d;
			}
		}
		return best;
	}

	private static Shape capAround(double[] p, double[] c, double[] u, double r, Settings settings) {
		int n = p.length / 3;
		double meanCos = 0;
		for (int i = 0; i < n; i++) {
			double wx = p[3 * i] - c[0], wy = p[3 * i + 1] - c[1], wz = p[3 * i + 2] - c[2];
			double len = Math.sqrt(wx * wx + wy * wy + wz * wz);
			if (len > 0) meanCos += (wx * u[0] + wy * u[1] + wz * u[2]) / len / n;
		}
		double theta = Math.acos(clamp(2 * meanCos - 1, -1, 1));
		double arc = clamp(r * theta, settings.sigma(), Math.PI * r);
		return new Shape(new double[] { c[0] + r * u[0], c[1] + r * u[1], c[2] + r * u[2] }, u, r, arc);
	}

	/** |x - c|^2 = R^2 by linear least squares in centred, rg-scaled coordinates: {cx, cy, cz, R}, or null. */
	private static double[] algebraicSphere(double[] p, double[] m, double rg) {
		int n = p.length / 3;
		double[][] a = new double[4][5];
		for (int i = 0; i < n; i++) {
			double x = (p[3 * i] - m[0]) / rg, y = (p[3 * i + 1] - m[1]) / rg, z = (p[3 * i + 2] - m[2]) / rg;
			double[] v = { 2 * x, 2 * y, 2 * z, 1 };
			double rhs = x * x + y * y + z * z;
			for (int r = 0; r < 4; r++) {
				for (int c = 0; c < 4; c++) a[r][c] += v[r] * v[c];
				a[r][4] += v[r] * rhs;
			}
		}
		double[] s = LabFeaturesEncoder.solve(a);
		if (s == null) return null;
		double r2 = s[0] * s[0] + s[1] * s[1] + s[2] * s[2] + s[3];
		if (!(r2 > 0)) return null;
		return new double[] { m[0] + rg * s[0], m[1] + rg * s[1], m[2] + rg * s[2], rg * Math.sqrt(r2) };
	}

	/** h = k0 + k1 x + k2 y + k3 (x^2 + y^2) over the principal plane, in rg units; null if singular. */
	private static double[] paraboloid(double[] p, double[] m, double rg, double[] major, double[] mid, double[] minor) {
		int n = p.length / 3;
		double[][] a = new double[4][5];
		for (int i = 0; i < n; i++) {
			double wx = (p[3 * i] - m[0]) / rg, wy = (p[3 * i + 1] - m[1]) / rg, wz = (p[3 * i + 2] - m[2]) / rg;
			double x = wx * major[0] + wy * major[1] + wz * major[2];
			double y = wx * mid[0] + wy * mid[1] + wz * mid[2];
			double h = wx * minor[0] + wy * minor[1] + wz * minor[2];
			double[] v = { 1, x, y, x * x + y * y };
			for (int r = 0; r < 4; r++) {
				for (int c = 0; c < 4; c++) a[r][c] += v[r] * v[c];
				a[r][4] += v[r] * h;
			}
		}
		return LabFeaturesEncoder.solve(a);
	}

	private static double[] centroid(double[] p) {
		int n = p.length / 3;
		double[] c = new double[3];
		for (int i = 0; i < p.length; i++) c[i % 3] += p[i] / n;
		return c;
	}

	private static double radiusOfGyration(double[] p, double[] c) {
		double sum = 0;
		for (int i = 0; i < p.length; i++) sum += sq(p[i] - c[i % 3]);
		return Math.sqrt(sum / (p.length / 3));
	}

	private static double sq(double v) {
		return v * v;
	}

	private static double clamp(double v, double lo, double hi) {
		return Math.max(lo, Math.min(hi, v));
	}

	private static void normalize(double[] v) {
		double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
		for (int i = 0; i < 3; i++) v[i] /= len;
	}

	/** Two unit vectors perpendicular to the unit vector u and to each other. */
	static double[][] perpendiculars(double[] u) {
		double[] t = Math.abs(u[0]) < 0.9 ? new double[] { 1, 0, 0 } : new double[] { 0, 1, 0 };
		double[] e1 = cross(u, t);
		normalize(e1);
		return new double[][] { e1, cross(u, e1) };
	}

	private static double[] cross(double[] a, double[] b) {
		return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
	}

	private static double[] strided(double[] p, int keep) {
		int n = p.length / 3;
		double[] out = new double[3 * keep];
		for (int k = 0; k < keep; k++) System.arraycopy(p, 3 * (int) ((long) k * n / keep), out, 3 * k, 3);
		return out;
	}
}
