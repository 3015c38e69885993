package io.github.clathrin.segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.Localizations;
import io.github.clathrin.datasets.SimulatedStructure;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ThunderStormCsvWriter;
import io.github.clathrin.task.Progress;

/**
 * A simulated whole-cell table for tests: simulated coats at jittered grid positions far enough apart
 * not to touch, plus sparse uniform background, with a {@code truth} column (structure number from 1,
 * 0 for background) that the segmenter never reads.
 */
public final class WholeCell {

	public static final String TRUTH = "truth";
	static final double SPACING = 2000, DEPTH = 1500;

	private WholeCell() {}

	public static LocalizationTable table(int structures, int background, long seed) {
		List<SimulatedStructure> sim = new ClathrinSimulator(SimulationConfig.defaults().withCounts(structures, 0)
			.withBackground(0).withSeed(seed)).simulate(Progress.NONE).structures();
		int side = (int) Math.ceil(Math.sqrt(structures));
		int n = background;
		for (SimulatedStructure s : sim) n += s.localizations().size();
		double[] x = new double[n], y = new double[n], z = new double[n], truth = new double[n];
		Random rnd = new Random(seed);
		int row = 0;
		for (int i = 0; i < sim.size(); i++) {
			Localizations l = sim.get(i).localizations();
			double mx = mean(l.x()), my = mean(l.y()), mz = mean(l.z());
			double cx = (i % side + 0.5) * SPACING + rnd.nextDouble() * 400 - 200;
			double cy = (i / side + 0.5) * SPACING + rnd.nextDouble() * 400 - 200;
			double cz = rnd.nextDouble() * 400 - 200;
			for (int j = 0; j < l.size(); j++, row++) {
				x[row] = l.x()[j] - mx + cx;
				y[row] = l.y()[j] - my + cy;
				z[row] = l.z()[j] - mz + cz;
				truth[row] = i + 1;
			}
		}
		// Background rows interleaved would be more realistic but change nothing for DBSCAN: it is order-free.
		for (; row < n; row++) {
			x[row] = rnd.nextDouble() * side * SPACING;
			y[row] = rnd.nextDouble() * side * SPACING;
			z[row] = rnd.nextDouble() * 2 * DEPTH - DEPTH;
		}
		return LocalizationTable.builder(Path.of("cell.csv"), "csv").column("x", "nm", x).column("y", "nm", y)
			.column("z", "nm", z).column(TRUTH, "", truth).build();
	}

	public static Path write(Path file, int structures, int background, long seed) throws IOException {
		ThunderStormCsvWriter.write(file, table(structures, background, seed));
		return file;
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double d : v) s += d;
		return s / v.length;
	}
}
