package io.github.clathrin.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Writes a {@link CellRendering} as a calibrated TIFF (ImageJ reads its nm calibration) or as a PNG with a
 * scale bar and, coloured by z, a z colour bar. The implementation draws with AWT and ImageJ's TIFF encoder
 * ({@code ui.RenderingImages}) and is found through {@link ServiceLoader}, so the core imports neither.
 */
public interface RenderingWriter {

	/** What a file name's extension asks for. */
	enum Format {
		TIFF, PNG;

		/** TIFF for ".tif"/".tiff", PNG for ".png" (any case), else null. */
		public static Format of(Path file) {
			String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
			if (name.endsWith(".tif") || name.endsWith(".tiff")) return TIFF;
			if (name.endsWith(".png")) return PNG;
			return null;
		}
	}

	/** Writes the rendering, titled {@code title} (the TIFF's image title), atomically, in the file's format. */
	void write(Path file, String title, CellRendering rendering) throws IOException;

	/** The writer this build provides. */
	static RenderingWriter find() {
		return ServiceLoader.load(RenderingWriter.class, RenderingWriter.class.getClassLoader()).findFirst()
			.orElseThrow(() -> new IllegalStateException("no image writer in this build: " + RenderingWriter.class
				.getName() + " has no implementation (is META-INF/services missing from the jar?)"));
	}
}
