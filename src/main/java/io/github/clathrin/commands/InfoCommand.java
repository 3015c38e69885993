package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.Mat5ParticlesReader;
import io.github.clathrin.localizations.TableSummary;

/** Describes a localization file: format, rows, columns with units, ranges in nm, 2D or 3D. */
@Plugin(type = Command.class, label = "Localization file info")
public class InfoCommand extends ReadingCommand {

	@Parameter(label = "Localization file", description = "The localization file.")
	protected File input;

	private LocalizationTable table;

	@Override
	protected void execute() {
		existingFile(given(input, "localization file", "input"), "localization file");
		String matVariables = null;
		try {
			String name = input.getName().toLowerCase(java.util.Locale.ROOT);
			if (name.endsWith(".npz") || name.endsWith(".npy")) {
				report = describeNumpy(input.toPath());
				return;
			}
			if (Mat5ParticlesReader.isMat5(input.toPath())) {
				// a MAT-file may hold volumes rather than localizations: say what is in it either way
				matVariables = Mat5ParticlesReader.describe(input.toPath());
				if (!Mat5ParticlesReader.holdsParticles(input.toPath())) {
					report = matVariables + "\nno localizations (no cell array of particles); a 3D array is a ready volume: "
						+ "give the file or its folder as the structure input (--input)";
					return;
				}
			}
			table = LocalizationReaders.read(input.toPath(), readOptions(), progress());
		}
		catch (IOException e) {
			throw StructureInput.unreadable(input, e);
		}
		report = (matVariables == null ? "" : matVariables + "\n") + TableSummary.of(table);
	}

	/** What a NumPy file holds: its arrays and shapes; volumes are structure inputs, not localizations. */
	private static String describeNumpy(java.nio.file.Path file) throws IOException {
		StringBuilder sb = new StringBuilder(file + ": NumPy ");
		if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
			try (io.github.clathrin.voxels.NpyReader r = io.github.clathrin.voxels.NpyReader.open(file)) {
				sb.append(".npy, ").append(r.dtype().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
					.append(shape(r.shape()));
			}
		}
		else {
			sb.append(".npz with the arrays");
			try (io.github.clathrin.voxels.NpzReader z = new io.github.clathrin.voxels.NpzReader(file)) {
				for (String n : z.names())
					try (io.github.clathrin.voxels.NpyReader r = z.open(n)) {
						sb.append("\n  ").append(n).append(' ').append(r.dtype().name().toLowerCase(java.util.Locale.ROOT))
							.append(' ').append(shape(r.shape()));
					}
			}
		}
		return sb.append("\nno localizations: 3D arrays (N, z, y, x) are ready volumes; give the file as the structure "
			+ "input (--input)").toString();
	}

	private static String shape(int[] shape) {
		StringBuilder sb = new StringBuilder("(");
		for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
		return sb.append(')').toString();
	}

	public LocalizationTable getTable() {
		return table;
	}
}
