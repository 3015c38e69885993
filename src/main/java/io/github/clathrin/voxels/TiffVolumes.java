package io.github.clathrin.voxels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.TiffEncoder;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;

/**
 * Reads a 3D TIFF stack (one structure per file, any ImageJ pixel type) into a float {@link Volume},
 * headlessly through ImageJ's TIFF decoder: image x, y become volume x, y and the slice becomes z.
 */
public final class TiffVolumes {

	private TiffVolumes() {}

	public static Volume read(Path tiff) throws IOException {
		if (!Files.isRegularFile(tiff)) throw new IOException(tiff + ": no such file");
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

	/**
	 * Writes volumes of one size as the channels of one ImageJ hyperstack TIFF (32-bit, channels x
	 * z-slices), atomically; Fiji opens it with the channels side by side in one window.
	 */
	public static void writeChannels(Path tiff, String title, List<Volume> channels) throws IOException {
		Volume first = channels.get(0);
		int nx = first.nx(), ny = first.ny(), nz = first.nz();
		for (Volume v : channels)
			if (v.nx() != nx || v.ny() != ny || v.nz() != nz) throw new IllegalArgumentException("channels differ in size");
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
