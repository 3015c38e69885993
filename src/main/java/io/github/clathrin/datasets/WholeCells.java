package io.github.clathrin.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ThunderStormCsvWriter;
import io.github.clathrin.task.Progress;

/**
 * Simulated whole cells: the simulator's coats (flat to closed, "no" and "yes") at jittered grid positions far
 * enough apart not to touch, over a cell-sized field with uniform background, as a table without any ROI
 * column, the way a whole cell comes off the microscope. A screen is many such cells, each from its own seed.
 */
public final class WholeCells {

	/** Column of the structure number of each row (0: background), in {@link #table}; never in a screen's files. */
	public static final String TRUTH = "truth";

	/** Distance between the coats' grid positions and half the depth of the background, nm. */
	static final double SPACING = 2000, DEPTH = 1500;

	/** The share of a screen cell's rows that is background, as in the whole-cell benchmark. */
	public static final double BACKGROUND = 0.2;

	private WholeCells() {}

	/**
	 * One cell: {@code structures} simulated coats and {@code background} uniform localizations, with the
	 * {@link #TRUTH} column (structure number from 1, 0 for background), named {@code cell.csv}.
	 */
	public static LocalizationTable table(int structures, int background, long seed) {
		return table(coats(structures, seed), background, seed);
	}

	private static List<SimulatedStructure> coats(int structures, long seed) {
		return new ClathrinSimulator(SimulationConfig.defaults().withCounts(structures, 0).withBackground(0)
			.withSeed(seed)).simulate(Progress.NONE).structures();
	}

	private static LocalizationTable table(List<SimulatedStructure> sim, int background, long seed) {
		int structures = sim.size();
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

	/**
	 * Writes a screen: {@code cells} whole cells {@code cell-001.csv}... into {@code folder}, each with
	 * {@code structures} coats and {@link #BACKGROUND} of its rows background, from seeds drawn from {@code seed},
	 * as ThunderSTORM CSVs with x, y, z only (no ROI column, no truth).
	 *
	 * @return the files written, in order
	 */
	public static List<Path> screen(Path folder, int cells, int structures, long seed, Progress progress)
		throws IOException
	{
		if (cells < 1 || structures < 1) throw new IllegalArgumentException("a screen needs at least one cell and one "
			+ "structure per cell, got " + cells + " and " + structures);
		Files.createDirectories(folder);
		Random seeds = new Random(seed);
		String format = "cell-%0" + Math.max(3, Integer.toString(cells).length()) + "d.csv";
		List<Path> out = new ArrayList<>();
		for (int c = 0; c < cells; c++) {
			progress.checkCancelled();
			progress.report("Simulating whole cells", c, cells);
			long cellSeed = seeds.nextLong();
			List<SimulatedStructure> sim = coats(structures, cellSeed);
			long rows = sim.stream().mapToLong(st -> st.localizations().size()).sum();
			LocalizationTable t = table(sim, (int) Math.round(rows * BACKGROUND / (1 - BACKGROUND)), cellSeed);
			Path file = folder.resolve(String.format(format, c + 1));
			ThunderStormCsvWriter.write(file, LocalizationTable.builder(file, "csv").column("x", "nm", t.x())
				.column("y", "nm", t.y()).column("z", "nm", t.z()).build());
			out.add(file);
		}
		progress.report("Simulating whole cells", cells, cells);
		return out;
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double d : v) s += d;
		return s / v.length;
	}
}
