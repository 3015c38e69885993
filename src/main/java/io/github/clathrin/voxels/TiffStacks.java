package io.github.clathrin.voxels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes TIFF stacks for {@link TiffVolumes}. The implementation lives outside the core
 * ({@code fiji.ImageJTiffStacks}, through ImageJ's TIFF decoder and encoder) and is found through
 * {@link java.util.ServiceLoader}, so the core imports no ImageJ class.
 */
public interface TiffStacks {

	/** One 3D stack (one channel, one time point) as a float volume: image x, y are x, y; the slice is z. */
	Volume read(Path tiff) throws IOException;

	/** Volumes of one size as the channels of one 32-bit hyperstack (channels x z-slices), written atomically. */
	void writeChannels(Path tiff, String title, List<Volume> channels) throws IOException;
}
