package io.github.clathrin;

import java.io.IOException;
import java.nio.file.Path;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.structures.StructureSet;

/** Seeded simulated clathrin structures for the tests, in memory or written as the command line reads them. */
public final class Simulation {

	private Simulation() {}

	/** Where {@link #write} put the structures folder and the labels file. */
	public record Folder(Path structures, Path labels) {}

	/** {@code n} simulated structures of the default simulation, {@code labelled} of them with a label. */
	public static StructureSet simulated(int n, int labelled, long seed) {
		return simulator(n, labelled, seed).simulate().toStructureSet();
	}

	/** The same structures written to {@code dir} as {@code clathrin simulate} writes them: structures folder, labels file. */
	public static Folder write(Path dir, int n, int labelled, long seed) throws IOException {
		simulator(n, labelled, seed).simulate().write(dir);
		return new Folder(dir.resolve(SimulatedDataset.STRUCTURES_DIR), dir.resolve(SimulatedDataset.LABELS));
	}

	private static ClathrinSimulator simulator(int n, int labelled, long seed) {
		return new ClathrinSimulator(SimulationConfig.defaults().withCounts(n, labelled).withSeed(seed));
	}
}
