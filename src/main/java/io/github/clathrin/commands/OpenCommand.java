package io.github.clathrin.commands;

import java.io.IOException;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.pipeline.Featurizer;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * What Fiji's Open Localizations... shows of a file: {@link InfoCommand}'s description and, when asked,
 * its structures voxelized on the default grid, for the caller to show as a hyperstack. The command line's
 * {@code info} runs {@link InfoCommand}, as a terminal shows no volumes.
 */
@Plugin(type = Command.class, label = "Open localizations")
public class OpenCommand extends InfoCommand {

	/** More volumes than this would cost hundreds of MB for a quick look. */
	public static final int MAX_SHOWN = 1000;

	@Parameter(label = "Show volumes", required = false, persist = false,
		description = "Also voxelize the file's structures (30\u00b3 in a 400 x 400 x 1400 nm box) to be shown.")
	private boolean show_volumes;

	@Parameter(label = "ROI column", required = false, persist = false,
		description = "Column naming the structure of each localization (one volume per value); empty: one structure.")
	private String roi_column;

	private List<String> volumeKeys = List.of();
	private List<Volume> volumes = List.of();

	@Override
	protected void execute() {
		super.execute();
		if (!show_volumes) return;
		StructureSet set;
		try {
			// The table the description read, not a second reading of the file.
			set = StructureLoader.fromPath(input.toPath(), orNull(roi_column), path -> getTable(), progress());
		}
		catch (IOException e) {
			throw StructureInput.unreadable(input, e);
		}
		List<Structure> shown = set.structures();
		if (shown.size() > MAX_SHOWN) {
			report += "\nshowing the first " + MAX_SHOWN + " of " + shown.size() + " structures";
			shown = shown.subList(0, MAX_SHOWN);
		}
		volumes = Featurizer.samples(shown, VoxelConfig.DEFAULT, progress()).samples().stream().map(Sample::volume)
			.toList();
		volumeKeys = shown.stream().map(Structure::key).toList();
	}

	/** The volumes to show, one per structure in file order (at most {@link #MAX_SHOWN}); empty unless asked for. */
	public List<Volume> getVolumes() {
		return volumes;
	}

	/** The key of each volume's structure. */
	public List<String> getVolumeKeys() {
		return volumeKeys;
	}

	/** The grid the volumes are on. */
	public VoxelConfig getVoxels() {
		return VoxelConfig.DEFAULT;
	}
}
