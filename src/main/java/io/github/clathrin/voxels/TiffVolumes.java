package io.github.clathrin.voxels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Reads a 3D TIFF stack (one structure per file, any ImageJ pixel type) into a float {@link Volume},
 * and writes volumes as an ImageJ hyperstack, through the {@link TiffStacks} this build provides
 * (ImageJ's TIFF decoder, headless): image x, y become volume x, y and the slice becomes z.
 */
public final class TiffVolumes {

	private TiffVolumes() {}

	public static Volume read(Path tiff) throws IOException {
		if (!Files.isRegularFile(tiff)) throw new IOException(tiff + ": no such file");
		return stacks().read(tiff);
	}

	/**
	 * Writes volumes of one size as the channels of one ImageJ hyperstack TIFF (32-bit, channels x
	 * z-slices), atomically; Fiji opens it with the channels side by side in one window.
	 */
	public static void writeChannels(Path tiff, String title, List<Volume> channels) throws IOException {
		Volume first = channels.get(0);
		for (Volume v : channels)
			if (v.nx() != first.nx() || v.ny() != first.ny() || v.nz() != first.nz())
				throw new IllegalArgumentException("channels differ in size");
		stacks().writeChannels(tiff, title, channels);
	}

	private static TiffStacks stacks() {
		return ServiceLoader.load(TiffStacks.class, TiffVolumes.class.getClassLoader()).findFirst()
			.orElseThrow(() -> new IllegalStateException("no TIFF stack reader in this build: " + TiffStacks.class.getName()
				+ " has no implementation (is META-INF/services missing from the jar?)"));
	}
}
