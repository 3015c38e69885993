package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.GeometriesConfig;
import io.github.clathrin.datasets.GeometriesSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.datasets.WholeCells;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.ShellWords;

/**
 * Simulates labelled data and writes it: 3D STORM clathrin structures (see docs/simulator.md), or the
 * 2017 study's Geometries volumes (cubes, diamonds, spheres) as a NumPy .npz with a train/test split.
 */
@Plugin(type = Command.class, label = "Simulate clathrin demo data")
public class SimulateCommand extends ClathrinCommand {

	/** What to simulate. */
	public static final String CLATHRIN = "clathrin", GEOMETRIES = "geometries", CELLS = "cells";

	@Parameter(label = "Kind", persist = false, choices = { CLATHRIN, GEOMETRIES, CELLS },
		description = "clathrin: STORM structures as CSV files and labels.csv; geometries: 300 training + 300 test "
			+ "20^3 volumes of cubes, diamonds and spheres with 1% salt noise, written as geometries.npz (structures and "
			+ "labelled do not apply); cells: a screen of whole cells cell-001.csv... without ROI column, each with "
			+ "'structures' coats and 20% background (for batch).")
	private String kind = CLATHRIN;

	@Parameter(label = "Output folder", persist = false, description = "Output folder.")
	private File output;

	@Parameter(label = "Structures", persist = false, min = "2", description = "Structures to simulate.")
	private int structures = 899;

	@Parameter(label = "Labelled", persist = false, min = "0", description = "How many of them are labelled.")
	private int labelled = 280;

	@Parameter(label = "Seed", persist = false, description = "Seed of the simulation.")
	private long seed = 1;

	@Parameter(label = "Cells (kind cells)", required = false, persist = false, min = "1",
		description = "With kind cells: how many whole cells to write.")
	private int cells = 20;

	@Override
	protected void execute() {
		given(output, "output folder", "output");
		if (output.exists() && !output.isDirectory()) throw new InputException(output + ": exists and is not a folder");
		String k = kind == null || kind.isBlank() ? CLATHRIN : kind.trim().toLowerCase(Locale.ROOT);
		if (k.equals(GEOMETRIES)) {
			geometries();
			return;
		}
		if (k.equals(CELLS)) {
			cells();
			return;
		}
		if (!k.equals(CLATHRIN)) throw new InputException("kind must be " + CLATHRIN + ", " + GEOMETRIES + " or "
			+ CELLS + ", got '" + kind + "'");
		inRange(structures, 2, 1_000_000, "structures");
		inRange(labelled, 0, structures, "labelled (at most the number of structures)");
		SimulationConfig config = SimulationConfig.defaults().withCounts(structures, labelled).withSeed(seed);
		SimulatedDataset data = new ClathrinSimulator(config).simulate(progress());
		try {
			data.write(output.toPath(), progress());
		}
		catch (IOException e) {
			throw new InputException(output + ": cannot write the simulated data (" + e.getMessage() + ")", e);
		}
		long points = data.structures().stream().mapToLong(s -> s.toStructure().size()).sum();
		report = String.format(Locale.ROOT, "Simulated %d structures (%d labelled, %,d localizations, seed %d) in %s%n"
			+ "  %s/       one ThunderSTORM CSV per structure%n  %s  labels (structure key, label; empty = unlabelled)%n"
			+ "  %s  all structures in one table with an roi column (labels: %s)%n  %s  true class, radius and "
			+ "closing angle of every structure", structures, labelled, points, seed, output,
			SimulatedDataset.STRUCTURES_DIR, SimulatedDataset.LABELS, SimulatedDataset.ALL,
			SimulatedDataset.LABELS_ROI, SimulatedDataset.TRUTH);
	}

	private void cells() {
		inRange(cells, 1, 100_000, "cells");
		inRange(structures, 1, 1_000_000, "structures (per cell)");
		java.util.List<java.nio.file.Path> files;
		try {
			files = WholeCells.screen(output.toPath(), cells, structures, seed, progress());
		}
		catch (IOException e) {
			throw new InputException(output + ": cannot write the simulated cells (" + e.getMessage() + ")", e);
		}
		report = String.format(Locale.ROOT, "Simulated %d whole cells of %d coats each (%.0f%% background, seed %d) in "
			+ "%s: %s ... %s%nClassify them with: batch --model MODEL --input %s --out OUT", cells, structures,
			100 * WholeCells.BACKGROUND, seed, output, files.get(0).getFileName(), files.get(files.size() - 1)
				.getFileName(), ShellWords.quote(output.getPath()));
	}

	private void geometries() {
		GeometriesConfig config = GeometriesConfig.defaults().withSeed(seed);
		GeometriesSimulator.Dataset data = new GeometriesSimulator(config).simulate(progress());
		File file = new File(output, GeometriesSimulator.FILE);
		try {
			data.write(file.toPath());
		}
		catch (IOException e) {
			throw new InputException(file + ": cannot write the simulated data (" + e.getMessage() + ")", e);
		}
		int g = config.grid();
		report = String.format(Locale.ROOT, "Simulated Geometries (seed %d): %d training + %d test volumes of %dx%dx%d "
			+ "voxels, classes 0 = %s, 1 = %s, 2 = %s, %.0f%% salt noise%n  %s  arrays X_train, y_train, X_test, y_test%n"
			+ "Evaluate with: evaluate --dataset %s --grid %d --class-names %s", seed, config.train(), config.test(), g, g,
			g, GeometriesSimulator.CLASSES.get(0), GeometriesSimulator.CLASSES.get(1), GeometriesSimulator.CLASSES.get(2),
			100 * config.noise(), file, file, g, String.join(",", GeometriesSimulator.CLASSES));
	}
}
