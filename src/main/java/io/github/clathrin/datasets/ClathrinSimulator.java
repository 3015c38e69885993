package io.github.clathrin.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.clathrin.structures.Labels;
import io.github.clathrin.task.Progress;

/**
 * Simulates 3D STORM images of clathrin coats at every stage of endocytosis, from flat lattices (class
 * "no") to curved pits and closed vesicles (class "yes"); the model is described in docs/simulator.md.
 */
public final class ClathrinSimulator {

	/** Spread of photon counts (log-normal sigma); gives precisions from about half to twice the median. */
	static final double PHOTONS_LOG_SD = 0.5;
	/** Photon floor: dimmer events would not be fitted. */
	static final double PHOTONS_MIN = 200;
	/** PSF width ThunderSTORM would report (mean and spread, nm): realism for the sigma column only. */
	static final double PSF_SIGMA_NM = 130, PSF_SIGMA_SD_NM = 15;

	private final SimulationConfig config;

	public ClathrinSimulator(SimulationConfig config) {
		this.config = config;
	}

	public SimulationConfig config() {
		return config;
	}

	public SimulatedDataset simulate() {
		return simulate(Progress.NONE);
	}

	/**
	 * Simulates all structures. Classes, the labelled subset and one seed per structure come first from
	 * the master seed, so the structures can be made in parallel and still come out identical.
	 */
	public SimulatedDataset simulate(Progress progress) {
		int n = config.structures();
		RandomDraws master = new RandomDraws(config.seed());
		int yesCount = (int) Math.round(n * config.yesFraction());
		int[] order = permutation(n, master);
		boolean[] yes = new boolean[n];
		for (int i = 0; i < yesCount; i++) yes[order[i]] = true;
		boolean[] labelled = chooseLabelled(yes, yesCount, master);
		long[] seeds = new long[n];
		for (int i = 0; i < n; i++) seeds[i] = master.nextLong();

		String keyFormat = "s%0" + Math.max(4, Integer.toString(n).length()) + "d.csv";
		AtomicInteger done = new AtomicInteger();
		List<SimulatedStructure> structures = IntStream.range(0, n).parallel().mapToObj(i -> {
			progress.checkCancelled();
			SimulatedStructure s = structure(String.format(keyFormat, i + 1), i + 1, yes[i], labelled[i], seeds[i]);
			int d = done.incrementAndGet();
			if (d % 50 == 0 || d == n) synchronized (progress) {
				progress.report("Simulating structures", d, n);
			}
			return s;
		}).toList();
		return new SimulatedDataset(config, structures);
	}

	/** Localizations of one coat centred at the origin; for tests and figures of single shapes. */
	public Localizations simulateCoat(CoatShape shape, long seed) {
		return localize(shape, new double[3], new RandomDraws(seed));
	}

	private SimulatedStructure structure(String key, int roi, boolean yes, boolean labelled, long seed) {
		RandomDraws d = new RandomDraws(seed);
		double radius = d.uniform(config.radiusMinNm(), config.radiusMaxNm());
		double angle = yes ? d.uniform(config.yesMinAngleDeg(), 180) : d.uniform(0, config.noMaxAngleDeg());
		// Axis directions uniform over a cone around z: uniform in cos(tilt), not in tilt.
		double cosMax = StrictMath.cos(Math.toRadians(config.maxTiltDeg()));
		double tilt = Math.toDegrees(StrictMath.acos(d.uniform(cosMax, 1)));
		double spin = d.uniform(0, 360);
		double[] centre = { d.uniform(0, config.fieldSizeNm()), d.uniform(0, config.fieldSizeNm()),
			d.uniform(-config.fieldDepthNm() / 2, config.fieldDepthNm() / 2) };
		CoatShape shape = new CoatShape(radius, angle, tilt, spin);
		return new SimulatedStructure(key, roi, yes ? Labels.YES : Labels.NO, labelled, shape,
			localize(shape, centre, d));
	}

	/** Fluorophores uniform on the coat surface, each blinking a few times, plus background in the crop box. */
	private Localizations localize(CoatShape shape, double[] centre, RandomDraws d) {
		int fluorophores = Math.max(1, d.poisson(config.labelDensityPerNm2() * shape.areaNm2()));
		Columns c = new Columns((int) (fluorophores * config.blinksMean() * 1.3) + 16);
		double theta = Math.toRadians(shape.closingAngleDeg());
		double cosTheta = StrictMath.cos(theta);
		double r = shape.curvatureRadiusNm();
		double ct = StrictMath.cos(Math.toRadians(shape.tiltDeg())), st = StrictMath.sin(Math.toRadians(shape.tiltDeg()));
		double cs = StrictMath.cos(Math.toRadians(shape.spinDeg())), ss = StrictMath.sin(Math.toRadians(shape.spinDeg()));
		for (int f = 0; f < fluorophores; f++) {
			double px, py, pz;
			double psi = 2 * Math.PI * d.uniform();
			if (shape.isFlat()) {
				double rho = shape.flatRadiusNm() * Math.sqrt(d.uniform());
				px = rho * StrictMath.cos(psi);
				py = rho * StrictMath.sin(psi);
				pz = 0;
			}
			else {
				// Area-uniform on a sphere zone: cos(polar angle) is uniform (Archimedes).
				double cosPhi = 1 - d.uniform() * (1 - cosTheta);
				double sinPhi = Math.sqrt(Math.max(0, 1 - cosPhi * cosPhi));
				px = r * sinPhi * StrictMath.cos(psi);
				py = r * sinPhi * StrictMath.sin(psi);
				// Apex towards -z (into the cell), rim up at the membrane; area centroid at the origin.
				pz = -r * cosPhi + r * (1 + cosTheta) / 2;
			}
			// Tilt about x, then turn the tilt direction about z.
			double y1 = py * ct - pz * st, z1 = py * st + pz * ct;
			double x2 = px * cs - y1 * ss, y2 = px * ss + y1 * cs;
			int blinks = d.geometric(config.blinksMean());
			for (int b = 0; b < blinks; b++) localization(c, d, centre[0] + x2, centre[1] + y2, centre[2] + z1, true);
		}
		int background = d.poisson(config.backgroundFraction() * c.size);
		for (int b = 0; b < background; b++) {
			double x = centre[0] + d.uniform(-1, 1) * config.cropHalfWidthNm();
			double y = centre[1] + d.uniform(-1, 1) * config.cropHalfWidthNm();
			double z = centre[2] + d.uniform(-1, 1) * config.cropHalfDepthNm();
			localization(c, d, x, y, z, false);
		}
		return c.sortedByFrame();
	}

	private void localization(Columns c, RandomDraws d, double x, double y, double z, boolean jitter) {
		double photons = Math.max(PHOTONS_MIN, d.logNormal(config.photonsMedian(), PHOTONS_LOG_SD));
		double sxy = config.lateralPrecisionNm() * Math.sqrt(config.photonsMedian() / photons);
		double sz = config.axialPrecisionFactor() * sxy;
		if (jitter) {
			x += sxy * d.gaussian();
			y += sxy * d.gaussian();
			z += sz * d.gaussian();
		}
		double psf = Math.max(60, PSF_SIGMA_NM + PSF_SIGMA_SD_NM * d.gaussian());
		c.add(1 + d.integer(config.frames()), x, y, z, psf, photons, sxy, sz);
	}

	/** Exactly round(K * yes share) labelled "yes" structures: the labelled subset keeps the class balance. */
	private boolean[] chooseLabelled(boolean[] yes, int yesCount, RandomDraws master) {
		int n = yes.length, k = config.labelled();
		int kYes = (int) Math.round(k * (double) yesCount / n);
		kYes = Math.max(k - (n - yesCount), Math.min(kYes, yesCount));
		List<Integer> yesIdx = new ArrayList<>(), noIdx = new ArrayList<>();
		for (int i = 0; i < n; i++) (yes[i] ? yesIdx : noIdx).add(i);
		boolean[] labelled = new boolean[n];
		int[] py = permutation(yesIdx.size(), master), pn = permutation(noIdx.size(), master);
		for (int i = 0; i < kYes; i++) labelled[yesIdx.get(py[i])] = true;
		for (int i = 0; i < k - kYes; i++) labelled[noIdx.get(pn[i])] = true;
		return labelled;
	}

	private static int[] permutation(int n, RandomDraws d) {
		int[] p = IntStream.range(0, n).toArray();
		for (int i = n - 1; i > 0; i--) {
			int j = d.integer(i + 1);
			int t = p[i];
			p[i] = p[j];
			p[j] = t;
		}
		return p;
	}

	/** Growable columns of one structure. */
	private static final class Columns {
		int size;
		int[] frame;
		double[] x, y, z, psf, photons, sxy, sz;

		Columns(int capacity) {
			frame = new int[capacity];
			x = new double[capacity];
			y = new double[capacity];
			z = new double[capacity];
			psf = new double[capacity];
			photons = new double[capacity];
			sxy = new double[capacity];
			sz = new double[capacity];
		}

		void add(int f, double xv, double yv, double zv, double psfv, double ph, double uxy, double uz) {
			if (size == x.length) {
				int cap = size * 2;
				frame = Arrays.copyOf(frame, cap);
				x = Arrays.copyOf(x, cap);
				y = Arrays.copyOf(y, cap);
				z = Arrays.copyOf(z, cap);
				psf = Arrays.copyOf(psf, cap);
				photons = Arrays.copyOf(photons, cap);
				sxy = Arrays.copyOf(sxy, cap);
				sz = Arrays.copyOf(sz, cap);
			}
			frame[size] = f;
			x[size] = xv;
			y[size] = yv;
			z[size] = zv;
			psf[size] = psfv;
			photons[size] = ph;
			sxy[size] = uxy;
			sz[size] = uz;
			size++;
		}

		/** Real localization tables come in frame order; the index breaks ties so the order is total. */
		Localizations sortedByFrame() {
			long[] keys = new long[size];
			for (int i = 0; i < size; i++) keys[i] = ((long) frame[i] << 32) | i;
			Arrays.sort(keys);
			int[] f = new int[size];
			double[][] out = new double[7][size];
			for (int j = 0; j < size; j++) {
				int i = (int) keys[j];
				f[j] = frame[i];
				out[0][j] = x[i];
				out[1][j] = y[i];
				out[2][j] = z[i];
				out[3][j] = psf[i];
				out[4][j] = photons[i];
				out[5][j] = sxy[i];
				out[6][j] = sz[i];
			}
			return new Localizations(f, out[0], out[1], out[2], out[3], out[4], out[5], out[6]);
		}
	}
}
