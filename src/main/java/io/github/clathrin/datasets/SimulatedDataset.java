package io.github.clathrin.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;

import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * A simulated data set in memory, and its files: one ThunderSTORM CSV per structure, one table of all
 * structures with an roi column, the labels a user would have, and the ground truth.
 */
public final class SimulatedDataset {

	public static final String STRUCTURES_DIR = "structures", LABELS = "labels.csv", LABELS_ROI = "labels-roi.csv",
		TRUTH = "truth.csv", ALL = "all-structures.csv", CONFIG = "simulation.json";

	private final SimulationConfig config;
	private final List<SimulatedStructure> structures;

	public SimulatedDataset(SimulationConfig config, List<SimulatedStructure> structures) {
		this.config = config;
		this.structures = List.copyOf(structures);
	}

	public SimulationConfig config() {
		return config;
	}

	public List<SimulatedStructure> structures() {
		return structures;
	}

	public int size() {
		return structures.size();
	}

	/** As loaded from the files: keyed by file name, labelled where labels.csv has a label. */
	public StructureSet toStructureSet() {
		List<Structure> list = new ArrayList<>(structures.size());
		for (SimulatedStructure s : structures) list.add(s.toStructure());
		return new StructureSet(list);
	}

	public SimulatedDataset write(Path outDir) throws IOException {
		return write(outDir, Progress.NONE);
	}

	/**
	 * Writes every file through a temporary file. Refuses a structures folder holding files of another
	 * simulation, since mixing them would silently change the data set a folder load sees.
	 */
	public SimulatedDataset write(Path outDir, Progress progress) throws IOException {
		Path dir = outDir.resolve(STRUCTURES_DIR);
		checkNoForeignFiles(dir);
		Files.createDirectories(dir);
		int n = structures.size();
		for (int i = 0; i < n; i++) {
			progress.checkCancelled();
			SimulatedStructure s = structures.get(i);
			AtomicFiles.write(dir.resolve(s.key()), out -> {
				StructureCsvWriter w = new StructureCsvWriter(out, false);
				w.rows(s.localizations(), 0);
				w.flush();
			});
			if ((i + 1) % 50 == 0 || i + 1 == n) progress.report("Writing structures", i + 1, n);
		}
		AtomicFiles.write(outDir.resolve(ALL), out -> {
			StructureCsvWriter w = new StructureCsvWriter(out, true);
			for (SimulatedStructure s : structures) w.rows(s.localizations(), s.roi());
			w.flush();
		});
		Map<String, String> byKey = new LinkedHashMap<>(), byRoi = new LinkedHashMap<>();
		for (SimulatedStructure s : structures) {
			String label = s.labelled() ? s.trueClass() : null;
			byKey.put(s.key(), label);
			byRoi.put(Integer.toString(s.roi()), label);
		}
		Labels.write(outDir.resolve(LABELS), byKey);
		Labels.write(outDir.resolve(LABELS_ROI), "roi", byRoi);
		AtomicFiles.writeString(outDir.resolve(TRUTH), truth());
		AtomicFiles.writeString(outDir.resolve(CONFIG), new GsonBuilder().setPrettyPrinting().create().toJson(config) + "\n");
		return this;
	}

	/** All true classes and shapes, for evaluation only: a classifier must never read this file. */
	private String truth() {
		StringBuilder sb = new StringBuilder(
			"structure,roi,label,labelled,radius_nm,closing_angle_deg,curvature_radius_nm,tilt_deg,localizations\n");
		for (SimulatedStructure s : structures) {
			CoatShape c = s.shape();
			sb.append(String.format(Locale.ROOT, "%s,%d,%s,%b,%.2f,%.2f,%s,%.2f,%d\n", s.key(), s.roi(), s.trueClass(),
				s.labelled(), c.radiusNm(), c.closingAngleDeg(),
				c.isFlat() ? "inf" : String.format(Locale.ROOT, "%.2f", c.curvatureRadiusNm()), c.tiltDeg(),
				s.localizations().size()));
		}
		return sb.toString();
	}

	private void checkNoForeignFiles(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) return;
		Set<String> ours = new HashSet<>();
		for (SimulatedStructure s : structures) ours.add(s.key());
		try (Stream<Path> list = Files.list(dir)) {
			List<String> foreign = list.map(p -> p.getFileName().toString())
				.filter(name -> !name.startsWith(".") && !ours.contains(name)).sorted().limit(3).toList();
			if (!foreign.isEmpty())
				throw InputException.inFile(dir, "holds files of another data set (" + String.join(", ", foreign)
					+ "); choose an empty output folder");
		}
	}
}
