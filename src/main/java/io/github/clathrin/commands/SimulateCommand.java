package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.task.InputException;

/** Simulates 3D STORM clathrin structures with labels (see docs/simulator.md) and writes them. */
@Plugin(type = Command.class, label = "Simulate clathrin demo data")
public class SimulateCommand extends ClathrinCommand {

	@Parameter(label = "Output folder", persist = false)
	private File output;

	@Parameter(label = "Structures", persist = false, min = "2")
	private int structures = 899;

	@Parameter(label = "Labelled", persist = false, min = "0")
	private int labelled = 280;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Override
	protected void execute() {
		required(output, "output folder");
		if (output.exists() && !output.isDirectory()) throw new InputException(output + ": exists and is not a folder");
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
}
