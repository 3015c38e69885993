package io.github.clathrin.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.pipeline.Featurizer;
import io.github.clathrin.render.CellRendering;
import io.github.clathrin.render.RenderOptions;
import io.github.clathrin.render.Renderer;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * What Fiji's Open Localizations... shows of a file: {@link InfoCommand}'s description and, when asked,
 * its structures voxelized on the default grid, for the caller to show as a hyperstack. A table without an
 * ROI column that is not one structure (more than {@link #FIELD_SHARE} of its localizations fall outside the
 * structure box, a whole cell) is rendered instead ({@link #getRendering()}), as its voxels would show a few
 * lit pixels; a structure with some localizations outside the box is voxelized with a warning. The command
 * line's {@code info} runs {@link InfoCommand}, as a terminal shows no volumes.
 */
@Plugin(type = Command.class, label = "Open localizations")
public class OpenCommand extends InfoCommand {

	/** More volumes than this would cost hundreds of MB for a quick look. */
	public static final int MAX_SHOWN = 1000;

	/** A table with more of its localizations outside the structure box than this is a field, not a structure. */
	public static final double FIELD_SHARE = 0.1;

	@Parameter(label = "Show volumes", required = false, persist = false,
		description = "Also voxelize the file's structures (30\u00b3 in a 400 x 400 x 1400 nm box) to be shown; a whole "
			+ "cell (one table wider than the box) is rendered instead.")
	private boolean show_volumes;

	@Parameter(label = "ROI column", required = false, persist = false,
		description = "Column naming the structure of each localization (one volume per value); empty: one structure.")
	private String roi_column;

	private List<String> volumeKeys = List.of();
	private List<Volume> volumes = List.of();
	private CellRendering rendering;
	private final List<String> warnings = new ArrayList<>();

	@Override
	protected void execute() {
		super.execute();
		if (!show_volumes || getTable() == null) return;
		if (orNull(roi_column) == null) {
			long outside = outsideBox(getTable(), VoxelConfig.DEFAULT);
			if (outside > FIELD_SHARE * getTable().rowCount()) {
				rendering = Renderer.render(getTable(), RenderOptions.DEFAULT, progress());
				report += String.format(Locale.ROOT, "%n%,d of %,d localizations fall outside one structure box (%s): this "
					+ "is a field, not a structure, so it is shown rendered (%d x %d pixels of %s nm) instead of as "
					+ "voxels. Render Localizations... has the rendering's options; Find Structures... cuts the field "
					+ "into structures.", outside, getTable().rowCount(), box(VoxelConfig.DEFAULT), rendering.grid()
					.width(), rendering.grid().height(), rendering.grid().pixelNm());
				return;
			}
		}
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
		Featurizer.Samples samples = Featurizer.samples(shown, VoxelConfig.DEFAULT, progress());
		volumes = samples.samples().stream().map(Sample::volume).toList();
		volumeKeys = shown.stream().map(Structure::key).toList();
		// Localizations outside the box are not in the volumes: say so, rather than show a cut structure as whole.
		long[] outside = samples.outside();
		int clipped = samples.structuresClipped(), listed = 0;
		for (int i = 0; i < outside.length && listed < 5; i++)
			if (outside[i] > 0) {
				listed++;
				warnings.add(String.format(Locale.ROOT, "structure %s: %,d of %,d localizations fall outside the %s box "
					+ "and are not in its volume", volumeKeys.get(i), outside[i], shown.get(i).size(), box(VoxelConfig
					.DEFAULT)));
			}
		if (clipped > listed) warnings.add(String.format(Locale.ROOT, "... %d structures in all have localizations "
			+ "outside the box (%,d localizations)", clipped, samples.pointsOutside()));
		for (String w : warnings) report += "\nwarning: " + w;
	}

	/** "400 x 400 x 1400 nm". */
	static String box(VoxelConfig c) {
		return String.format(Locale.ROOT, "%.0f x %.0f x %.0f nm", 2 * c.halfX(), 2 * c.halfY(), 2 * c.halfZ());
	}

	/**
	 * How many localizations of the table, taken as one structure, fall outside the box the voxelizer puts
	 * around it: centred on the bounding box (the default centring) or on the centroid, as {@code config} says.
	 * Counted on the columns, so a whole cell is not copied into a structure first.
	 */
	static long outsideBox(LocalizationTable table, VoxelConfig config) {
		double[][] axes = { table.x(), table.y(), table.z() };
		double[] half = { config.halfX(), config.halfY(), config.halfZ() };
		boolean centroid = config.centring() == VoxelConfig.Centring.CENTROID;
		double[] centre = new double[3];
		for (int d = 0; d < 3; d++) {
			if (axes[d] == null) continue; // a 2D table lies in the plane z = 0, inside the box
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0;
			for (double v : axes[d]) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
				sum += v;
			}
			centre[d] = centroid ? sum / axes[d].length : 0.5 * (lo + hi);
		}
		long outside = 0;
		for (int i = 0; i < table.rowCount(); i++)
			for (int d = 0; d < 3; d++)
				// inside as the voxelizer counts it: centre - half <= v < centre + half
				if (axes[d] != null && !(axes[d][i] - centre[d] >= -half[d] && axes[d][i] - centre[d] < half[d])) {
					outside++;
					break;
				}
		return outside;
	}

	/** The rendering shown instead of voxels for a field (a whole cell); null for structures. */
	public CellRendering getRendering() {
		return rendering;
	}

	/** Warnings about the volumes shown (localizations outside the box), also at the end of the report. */
	public List<String> getWarnings() {
		return List.copyOf(warnings);
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
