package io.github.clathrin.voxels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.process.ImageProcessor;

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
}
