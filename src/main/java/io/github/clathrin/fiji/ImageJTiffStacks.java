package io.github.clathrin.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.io.TiffEncoder;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.TiffStacks;
import io.github.clathrin.voxels.Volume;

/**
 * TIFF stacks through ImageJ 1.x's TIFF decoder and encoder, headless; offered to the core's
 * {@link io.github.clathrin.voxels.TiffVolumes} through {@code META-INF/services}, so the core imports
 * no ImageJ class.
 */
public final class ImageJTiffStacks implements TiffStacks {

	@Override
	public Volume read(Path tiff) throws IOException {
		Path abs = tiff.toAbsolutePath();
		String dir = abs.getParent().toString() + java.io.File.separator;
		ImagePlus imp = new Opener().openTiff(dir, abs.getFileName().toString());
		if (imp == null) throw InputException.inFile(tiff, "not a TIFF that ImageJ can read");
		if (imp.getNChannels() > 1 || imp.getNFrames() > 1)
			throw InputException.inFile(tiff, "expected one channel and one time point, found " + imp.getNChannels()
				+ " channels and " + imp.getNFrames() + " frames");
		ImageStack stack = imp.getStack();
		int nx = stack.getWidth(), ny = stack.getHeight(), nz = stack.getSize();
		float[] data = new float[nx * ny * nz];
		for (int z = 0; z < nz; z++) {
			ImageProcessor ip = stack.getProcessor(z + 1);
			int off = z * nx * ny;
			for (int i = 0; i < nx * ny; i++) data[off + i] = ip.getf(i);
		}
		return new Volume(nx, ny, nz, data);
	}

	@Override
	public void writeChannels(Path tiff, String title, List<Volume> channels) throws IOException {
		Volume first = channels.get(0);
		int nx = first.nx(), ny = first.ny(), nz = first.nz();
		ImageStack stack = new ImageStack(nx, ny);
		for (int z = 0; z < nz; z++)
			for (Volume v : channels) {
				float[] slice = new float[nx * ny];
				System.arraycopy(v.data(), z * nx * ny, slice, 0, slice.length);
				stack.addSlice(new FloatProcessor(nx, ny, slice));
			}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(channels.size(), nz, 1);
		imp.setOpenAsHyperStack(true);
		FileInfo fi = imp.getFileInfo();
		fi.description = new FileSaver(imp).getDescriptionString();
		AtomicFiles.write(tiff, out -> new TiffEncoder(fi).write(out));
	}
}
