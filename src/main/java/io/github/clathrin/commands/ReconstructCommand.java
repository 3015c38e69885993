package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.encoders.Autoencoder;
import io.github.clathrin.pipeline.Featurizer;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Reconstructions;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.TiffVolumes;
import io.github.clathrin.voxels.Volume;

/**
 * Shows what an autoencoder model makes of structures: for each one a two-channel TIFF stack (the input
 * volume, then the network's reconstruction), and a CSV of the reconstruction error per structure.
 */
@Plugin(type = Command.class, label = "Reconstruct Clathrin structures")
public class ReconstructCommand extends StructureCommand {

	/** The CSV that lists every structure's reconstruction error. */
	public static final String ERRORS_CSV = "reconstruction-errors.csv";

	@Parameter(label = "Model file (autoencoder)", description = "A dense-ae, conv-ae or sparse-conv-ae model.")
	private File model;

	@Parameter(label = "Output folder", persist = false, style = "directory", description = "Output folder.")
	private File output;

	@Parameter(label = "At most this many structures (0 = all)", persist = false, min = "0")
	private int limit;

	@Parameter(type = ItemIO.OUTPUT)
	private double meanError;

	@Override
	protected void execute() {
		existingFile(given(model, "model file", "model"), "model file");
		given(output, "output folder", "output");
		checkCallerOutputs(reads().reads(model, "model file")).folder(output, "output folder", ReconstructCommand::writes);
		if (limit < 0) throw new InputException("limit must be >= 0, got " + limit);
		Model m = ModelFile.read(model.toPath());
		if (!(m.encoder() instanceof Autoencoder ae))
			throw new InputException(model + ": its encoder '" + m.encoder().name() + "' does not reconstruct; "
				+ "reconstruct needs a dense-ae, conv-ae or sparse-conv-ae model");
		if (output.exists() && !output.isDirectory()) throw new InputException(output + ": not a folder");
		StructureInput.Loaded in = loadStructures();
		List<Structure> structures = in.set().structures();
		if (limit > 0 && structures.size() > limit) structures = structures.subList(0, limit);
		List<Sample> samples = Featurizer.samples(structures, m.voxels(), progress()).samples();

		StringBuilder csv = new StringBuilder("key,file,mean_squared_error,input_voxels_on\n");
		Set<String> names = new HashSet<>();
		double total = 0;
		int batch = Math.max(1, ae.preferredBatchSize());
		try {
			for (int from = 0; from < samples.size(); from += batch) {
				progress().checkCancelled();
				List<Sample> part = samples.subList(from, Math.min(samples.size(), from + batch));
				List<Volume> out = ae.reconstruct(part);
				for (int i = 0; i < part.size(); i++) {
					Structure s = structures.get(from + i);
					Volume input = Reconstructions.clipped(part.get(i).volume());
					double mse = Reconstructions.meanSquaredError(input, out.get(i));
					total += mse;
					String file = fileName(s.key(), names);
					TiffVolumes.writeChannels(output.toPath().resolve(file), s.key() + " (input, reconstruction)",
						List.of(input, out.get(i)));
					csv.append(csvField(s.key())).append(',').append(file).append(',')
						.append(String.format(Locale.ROOT, "%.6f", mse)).append(',').append(count(input)).append('\n');
				}
				progress().report("Reconstructing", from + part.size(), samples.size());
			}
			AtomicFiles.writeString(output.toPath().resolve(ERRORS_CSV), csv);
		}
		catch (IOException e) {
			throw new InputException(output + ": cannot write (" + e.getMessage() + ")", e);
		}
		meanError = samples.isEmpty() ? 0 : total / samples.size();
		StringBuilder sb = new StringBuilder();
		in.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
		sb.append(String.format(Locale.ROOT, "Reconstructed %d structures with %s: mean squared error per voxel %.5f%n",
			samples.size(), ae.name(), meanError));
		sb.append("Two-channel TIFF stacks (input, reconstruction) and ").append(ERRORS_CSV).append(" written to ")
			.append(output);
		report = sb.toString();
	}

	/** Whether this command writes the path (relative to the output folder): TIFF stacks and the errors CSV. */
	private static boolean writes(Path p) {
		String name = p.toString().toLowerCase(Locale.ROOT);
		return p.getNameCount() == 1 && (name.endsWith(".tif") || name.equals(ERRORS_CSV));
	}

	public double getMeanError() {
		return meanError;
	}

	private static int count(Volume v) {
		int n = 0;
		for (float f : v.data())
			if (f > 0) n++;
		return n;
	}

	/** A file name from a structure key that is safe on every file system and unique in this folder. */
	static String fileName(String key, Set<String> taken) {
		String base = key.replaceAll("[^A-Za-z0-9._-]+", "_");
		if (base.isEmpty() || base.startsWith(".")) base = "structure" + base;
		String name = base + ".tif";
		for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) name = base + "-" + i + ".tif";
		return name;
	}

	private static String csvField(String s) {
		return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
	}
}
