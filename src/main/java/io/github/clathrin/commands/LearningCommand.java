package io.github.clathrin.commands;

import java.util.List;
import java.util.Map;

import io.github.clathrin.augment.Augmentation;
import io.github.clathrin.classifier.LabelSpreading;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.pipeline.EncoderOptions;
import io.github.clathrin.pipeline.Enlargement;

import java.util.Locale;

import org.scijava.plugin.Parameter;

import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;

/** A command that voxelizes structures to learn from them (train, evaluate): the voxel settings. */
public abstract class LearningCommand extends StructureCommand {

	/** Null or 0: ready volumes give their own size, localizations the default 30. */
	@Parameter(label = "Grid (voxels per axis)", required = false, persist = false,
		description = "Voxels per axis; leave empty (or 0) for ready volumes to use their own size (else 30)")
	protected Integer grid;

	@Parameter(label = "Box half-size x,y,z (nm)", persist = false,
		description = "Half-size of the voxel box in nm, x,y,z (the study's 200,200,700).")
	protected String box = "200,200,700";

	@Parameter(label = "Box centre", persist = false, choices = { "bounding-box", "centroid" },
		description = "Box centre: bounding-box (as the study) or centroid.")
	protected String centring = "bounding-box";

	@Parameter(label = "Pose before voxelizing", persist = false, choices = { "none", "principal-axes", "z-axes" },
		description = "none: as measured; principal-axes: the structure's principal axes on x, y, z; z-axes: turned "
			+ "about z only, so z stays the optical axis")
	protected String pose = "none";

	@Parameter(label = "Voxels hold counts (not binary)", persist = false,
		description = "Voxels hold localization counts instead of 0/1.")
	protected boolean counts;

	@Parameter(label = "Count threshold percentile", required = false, persist = false,
		description = "Zero voxel counts at or below this percentile (the study used 99.1).")
	protected Double percentile;

	@Parameter(label = "Seed", persist = false, description = "Seed for every random choice.")
	protected long seed = 1;

	@Parameter(label = "Encoder options", required = false, persist = false,
		description = "Encoder options, key=value separated by spaces, e.g. latent=32 (every deep encoder), "
			+ "conv-ae.filters=4,8, pca.components=20; on the command line -E key=value, repeatable.")
	protected String encoder_options;

	@Parameter(label = "Epochs (deep encoders)", required = false, persist = false, min = "1",
		description = "Training epochs of the deep encoders, also inside auto and vote (when not given: 30 with early "
			+ "stopping; 10 for auto's deep candidates).")
	protected Integer epochs;

	@Parameter(label = "Augmented copies per structure", persist = false, min = "0", max = "1000",
		description = "Augmented copies per structure (random rotations about z, flips, shifts), made on the fly for "
			+ "the deep encoders and the classifier's training set; never across cross-validation folds.")
	protected int augment;

	@Parameter(label = "Augment with 3D rotations", persist = false,
		description = "Augment with full 3D rotations instead of rotations about z.")
	protected boolean augment_3d;

	@Parameter(label = "Augmentation shift (nm)", persist = false, description = "Largest augmentation shift in nm.")
	protected double shift = 10;

	@Parameter(label = "Test-time augmentation (average over the copies)", persist = false,
		description = "Average a held-out structure's class probabilities over it and its augmented copies")
	protected boolean tta;

	@Parameter(label = "Spread labels to unlabelled structures", persist = false,
		description = "Spread labels to the unlabelled structures in encoder space (Zhou et al. 2004) and add them to "
			+ "the classifier's training set; evaluate reports rows with and without.")
	protected boolean spread;

	@Parameter(label = "Spreading graph", persist = false, choices = { "knn", "rbf" }, description = "Spreading graph.")
	protected String spread_kernel = "knn";

	@Parameter(label = "Spreading neighbours (knn)", persist = false, min = "1",
		description = "Neighbours of the knn graph.")
	protected int spread_neighbours = LabelSpreading.Options.DEFAULTS.neighbours();

	@Parameter(label = "Spreading gamma (rbf)", persist = false,
		description = "Width of the rbf graph on standardized encodings.")
	protected double spread_gamma = LabelSpreading.Options.DEFAULTS.gamma();

	@Parameter(label = "Spreading clamping alpha", persist = false, description = "Clamping factor in (0, 1).")
	protected double spread_alpha = LabelSpreading.Options.DEFAULTS.alpha();

	/** Augmented copies and label spreading as the user set them. */
	protected Enlargement enlargement() {
		inRange(augment, 0, 1000, "augmented copies");
		if (!(shift >= 0 && shift < 1e5)) throw new InputException("augmentation shift must be >= 0 nm, got " + shift);
		Augmentation a = augment == 0 ? Augmentation.NONE
			: Augmentation.copies(augment).withShiftNm(shift).withRotate3d(augment_3d);
		if (tta && augment == 0)
			throw new InputException("test-time augmentation averages over augmented copies: set the number of copies "
				+ "(augment, --augment N) too");
		if (!spread) return new Enlargement(a, null, tta);
		LabelSpreading.Kernel kernel = switch ((spread_kernel == null ? "" : spread_kernel).trim().toLowerCase(Locale.ROOT)) {
			case "knn" -> LabelSpreading.Kernel.KNN;
			case "rbf" -> LabelSpreading.Kernel.RBF;
			default -> throw new InputException("spreading graph must be knn or rbf, got '" + spread_kernel + "'");
		};
		if (spread_neighbours < 1) throw new InputException("spreading neighbours must be at least 1, got " + spread_neighbours);
		if (!(spread_alpha > 0 && spread_alpha < 1))
			throw new InputException("spreading alpha must be between 0 and 1 (exclusive), got " + spread_alpha);
		if (!(spread_gamma > 0 && Double.isFinite(spread_gamma)))
			throw new InputException("spreading gamma must be positive, got " + spread_gamma);
		LabelSpreading.Options d = LabelSpreading.Options.DEFAULTS;
		return new Enlargement(a, new LabelSpreading.Options(kernel, spread_neighbours, spread_gamma, spread_alpha,
			d.maxIterations(), d.tolerance()), tta);
	}

	/** Encoder options per encoder (see {@link EncoderOptions}). */
	protected Map<String, Map<String, Object>> encoderOptions(List<String> encoders) {
		Map<String, Map<String, Object>> options = EncoderOptions.parse(encoder_options, encoders, epochs);
		for (String e : encoders) {
			try {
				Encoders.create(e, options.getOrDefault(e, Map.of()));
			}
			catch (IllegalArgumentException ex) {
				throw new InputException(e + ": " + ex.getMessage());
			}
		}
		return options;
	}

	/** Whether the user chose the grid; otherwise ready volumes set it ({@link #gridFromData}). */
	protected boolean gridGiven() {
		return grid != null && grid != 0;
	}

	/**
	 * The voxel settings for these structures: with ready volumes among them and no grid chosen, the
	 * volumes' own size; a chosen grid that contradicts the volumes, or volumes of several sizes, are refused
	 * here, before anything learns.
	 */
	protected VoxelConfig gridFromData(VoxelConfig voxels, StructureSet set) {
		Structure first = null;
		for (Structure s : set) {
			if (!s.hasVolume()) continue;
			if (first == null) first = s;
			else if (!sameSize(s.volume(), first.volume()))
				throw new InputException(s.source() + ": structure '" + s.key() + "' is a " + size(s.volume())
					+ " volume but '" + first.key() + "' (" + first.source() + ") is " + size(first.volume())
					+ ": ready volumes must all have one size");
		}
		if (first == null) return voxels;
		Volume v = first.volume();
		if (gridGiven()) {
			if (v.nx() != voxels.nx() || v.ny() != voxels.ny() || v.nz() != voxels.nz())
				throw new InputException(first.source() + ": the volumes are " + size(v) + " (x, y, z) but the grid is "
					+ "set to " + grid + " (grid, --grid): " + (v.nx() == v.ny() && v.ny() == v.nz() ? "set it to "
						+ v.nx() + " or " : "") + "leave it empty to take the grid from the volumes");
			return voxels;
		}
		return new VoxelConfig(v.nx(), v.ny(), v.nz(), voxels.halfX(), voxels.halfY(), voxels.halfZ(), voxels.centring(),
			voxels.binary(), voxels.percentile(), voxels.pose());
	}

	private static boolean sameSize(Volume a, Volume b) {
		return a.nx() == b.nx() && a.ny() == b.ny() && a.nz() == b.nz();
	}

	private static String size(Volume v) {
		return v.nx() + "x" + v.ny() + "x" + v.nz();
	}

	/** The voxel settings as the user gave them; the grid is the default 30 until {@link #gridFromData}. */
	protected VoxelConfig voxelConfig() {
		int grid = gridGiven() ? this.grid : VoxelConfig.DEFAULT.nx();
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
		VoxelConfig.Pose p;
		try {
			p = pose == null ? VoxelConfig.Pose.NONE : VoxelConfig.Pose.parse(pose);
		}
		catch (IllegalArgumentException e) {
			throw new InputException(e.getMessage());
		}
		return new VoxelConfig(grid, grid, grid, half[0], half[1], half[2], c, !counts,
			percentile == null ? Double.NaN : percentile, p);
	}
}
