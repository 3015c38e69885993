package io.github.clathrin.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import io.github.clathrin.structures.Structure;
import io.github.clathrin.voxels.VoxelConfig;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.Voxelizer;

/**
 * Shows voxelized structures as one ImageJ hyperstack (z slices, one frame per structure) calibrated
 * in nm. The pixels are copied from ImgLib2 by hand, as imglib2-ij is not a dependency.
 */
final class VolumeStacks {

	private VolumeStacks() {}

	/**
	 * One structure voxelized for a look at it (Show Structures' 3D Viewer, on a click); a command's volumes
	 * are shown with {@link #of(String, List, List, VoxelConfig)}.
	 */
	static ImagePlus of(String title, List<Structure> structures, VoxelConfig config) {
		Voxelizer voxelizer = new Voxelizer(config);
		List<Volume> volumes = new ArrayList<>();
		// In the pose a model with one turns structures into, so the volume shown is the one it classifies.
		for (Structure s : structures)
			volumes.add(s.hasVolume() ? s.volume() : voxelizer.voxelize(voxelizer.pose(s.points())).volume());
		return of(title, structures.stream().map(Structure::key).toList(), volumes, config);
	}

	/** Volumes on the grid of {@code config}, one frame each, the slices labelled with their structure's key. */
	static ImagePlus of(String title, List<String> keys, List<Volume> volumes, VoxelConfig config) {
		ImageStack stack = new ImageStack(config.nx(), config.ny());
		for (int i = 0; i < volumes.size(); i++) addSlices(stack, volumes.get(i).img(), keys.get(i));
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, config.nz(), volumes.size());
		imp.setOpenAsHyperStack(volumes.size() > 1);
		Calibration cal = imp.getCalibration();
		cal.setUnit("nm");
		cal.pixelWidth = 2 * config.halfX() / config.nx();
		cal.pixelHeight = 2 * config.halfY() / config.ny();
		cal.pixelDepth = 2 * config.halfZ() / config.nz();
		cal.xOrigin = config.nx() / 2.0;
		cal.yOrigin = config.ny() / 2.0;
		cal.zOrigin = config.nz() / 2.0;
		imp.resetDisplayRange();
		return imp;
	}

	/** Appends the z planes of a 3D float image; flat iteration order is x fastest, then y, then z. */
	static void addSlices(ImageStack stack, ArrayImg<FloatType, FloatArray> img, String label) {
		int nx = (int) img.dimension(0), ny = (int) img.dimension(1), nz = (int) img.dimension(2);
		Cursor<FloatType> c = Views.flatIterable(img).cursor();
		for (int z = 0; z < nz; z++) {
			float[] plane = new float[nx * ny];
			for (int i = 0; i < plane.length; i++) plane[i] = c.next().get();
			stack.addSlice(label + " z" + (z + 1), plane);
		}
	}
}
