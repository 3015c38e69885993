package io.github.clathrin.commands;

import java.util.Locale;

import org.scijava.plugin.Parameter;

import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.VoxelConfig;

/** A command that voxelizes structures to learn from them (train, evaluate): the voxel settings. */
public abstract class LearningCommand extends StructureCommand {

	@Parameter(label = "Grid (voxels per axis)", persist = false, min = "4", max = "128")
	protected int grid = VoxelConfig.DEFAULT.nx();

	@Parameter(label = "Box half-size x,y,z (nm)", persist = false)
	protected String box = "200,200,700";

	@Parameter(label = "Box centre", persist = false, choices = { "bounding-box", "centroid" })
	protected String centring = "bounding-box";

	@Parameter(label = "Voxels hold counts (not binary)", persist = false)
	protected boolean counts;

	@Parameter(label = "Count threshold percentile", required = false, persist = false)
	protected Double percentile;

	@Parameter(label = "Seed", persist = false)
	protected long seed = 1;

	protected VoxelConfig voxelConfig() {
		inRange(grid, 4, 128, "grid");
		String[] parts = (box == null ? "" : box).split(",");
		if (parts.length != 3) throw new InputException("box must be three half-sizes in nm, x,y,z (e.g. 200,200,700), got '"
			+ box + "'");
		double[] half = new double[3];
		for (int i = 0; i < 3; i++) {
			try {
				half[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException e) {
				throw new InputException("box: '" + parts[i].trim() + "' is not a number of nm");
			}
			if (!(half[i] > 0 && half[i] < 1e6)) throw new InputException("box half-sizes must be positive nm, got " + box);
		}
		VoxelConfig.Centring c;
		switch ((centring == null ? "" : centring).trim().toLowerCase(Locale.ROOT)) {
			case "bounding-box": case "bbox": case "bounding_box": c = VoxelConfig.Centring.BOUNDING_BOX; break;
			case "centroid": c = VoxelConfig.Centring.CENTROID; break;
			default: throw new InputException("centring must be bounding-box or centroid, got '" + centring + "'");
		}
		if (percentile != null && !(percentile >= 0 && percentile < 100))
			throw new InputException("percentile must be in [0, 100), got " + percentile);
		return new VoxelConfig(grid, grid, grid, half[0], half[1], half[2], c, !counts,
			percentile == null ? Double.NaN : percentile);
	}
}
