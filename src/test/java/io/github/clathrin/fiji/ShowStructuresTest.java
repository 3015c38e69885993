package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.cli.Main;
import io.github.clathrin.ui.Gallery;
import io.github.clathrin.ui.Legend;

/**
 * Show Structures in 3D... and Classify's render option in real ImageJ 1.x batch mode: the gallery image is
 * written without a window and is the very picture the CLI draws for the same model and input; without
 * Fiji's 3D Viewer the log says that the built-in viewer is used.
 */
class ShowStructuresTest {

	static final Path STRUCTURES = MacrosTest.SIMULATED.resolve("structures");
	static final int N = 16; // structures in test-data/simulated/structures

	@TempDir
	static Path shared;

	static Path home, model;

	@BeforeAll
	static void trainOnce() throws Exception {
		home = RealImageJ.pluginsHome(shared.resolve("ij"));
		model = MacrosTest.trainedModel(shared);
	}

	@Test
	void batchWritesGalleriesFromAModelOrAResultsFileAndClassifyRenders(@TempDir Path work) throws Exception {
		Path fromModel = work.resolve("model-gallery.png"), fromResults = work.resolve("results-gallery.png"),
			rendered = work.resolve("classify-gallery.tif"), results = work.resolve("results.csv");
		Path macro = work.resolve("show.ijm");
		Path labels = MacrosTest.SIMULATED.resolve("labels.csv");
		Files.writeString(macro, "run(\"Show Structures in 3D...\", \"input=[" + STRUCTURES + "] labels=[" + labels
			+ "] model=[" + model + "] sort=uncertainty gallery=[" + fromModel + "] viewer=[3D Viewer]\");\n"
			+ "run(\"Classify\", \"model=[" + model + "] input=[" + STRUCTURES + "] output=[" + results + "] render=["
			+ rendered + "]\");\n"
			+ "run(\"Show Structures in 3D...\", \"input=[" + STRUCTURES + "] results=[" + results
			+ "] sort=class gallery=[" + fromResults + "]\");\n"
			+ "print(\"show: done\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("show: done"), r.output());
		assertTrue(r.output().contains("predictions from the model model.zip"), r.output());
		assertTrue(r.output().contains("3D Viewer (ij3d.Image3DUniverse) is not installed: the built-in viewer is used"),
			r.output());

		int columns = Gallery.defaultColumns(N);
		int width = columns * Gallery.DEFAULT_TILE, height = Gallery.rows(N, columns) * Gallery.DEFAULT_TILE
			+ Legend.STRIP_HEIGHT;
		BufferedImage shown = ImageIO.read(fromModel.toFile());
		assertEquals(width, shown.getWidth());
		assertEquals(height, shown.getHeight());
		// The same picture as the CLI's gallery of the model's predictions and the known labels.
		Path cli = work.resolve("cli.png");
		assertEquals(0, Main.run("classify", "--model", model.toString(), "--input", STRUCTURES.toString(), "--labels",
			labels.toString(), "--out",
			work.resolve("cli.csv").toString(), "--render", cli.toString(), "--render-sort", "uncertainty"));
		assertArrayEquals(rgb(ImageIO.read(cli.toFile())), rgb(shown));

		ij.ImagePlus tif = ij.IJ.openImage(rendered.toString());
		assertTrue(tif != null, "ImageJ cannot open " + rendered + "\n" + r.output());
		assertEquals(width, tif.getWidth());
		assertEquals(height, tif.getHeight());

		BufferedImage fromCsv = ImageIO.read(fromResults.toFile());
		assertEquals(width, fromCsv.getWidth());
		assertTrue(r.output().contains("predictions for " + N + " of them from results.csv"), r.output());
	}

	@Test
	void batchModeWithoutAGalleryPathSaysWhatToDo(@TempDir Path work) throws Exception {
		Path macro = work.resolve("show.ijm");
		Files.writeString(macro, "run(\"Show Structures in 3D...\", \"input=[" + STRUCTURES + "]\");\n"
			+ "print(\"still running\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("Clathrin Classifier: error: no window can open here"), r.output());
		assertFalse(r.output().contains("still running"), r.output());
	}

	@Test
	void galleryWindowOpenedByThePlugin() throws Exception {
		Path png = ScreenshotsTest.SHOTS.resolve("show-structures-gallery.png").toAbsolutePath();
		RealImageJ.Result r = RealImageJ.run(home, GalleryScreenshot.class.getName(), png.toString(),
			"input=[" + STRUCTURES + "] model=[" + model + "] sort=class viewer=[3D Viewer]");
		assertEquals(0, r.exitCode(), r.output());
		assertTrue(r.output().contains("the built-in viewer is used"), r.output());
		BufferedImage img = ImageIO.read(png.toFile());
		assertTrue(img.getWidth() > 400 && img.getHeight() > 300, img.getWidth() + "x" + img.getHeight());
	}

	/**
	 * More structures than a page: the window says "page 1 of 3", Page Down and Page Up turn pages, a click on
	 * a tile opens the structure view, F shows its xz plane; screenshots of the paged gallery and of the view
	 * land in target/screenshots.
	 */
	@Test
	void pagedGalleryWindowAndStructureView(@TempDir Path work) throws Exception {
		io.github.clathrin.Simulation.Folder data = io.github.clathrin.Simulation.write(work, 250, 250, 21);
		RealImageJ.Result r = RealImageJ.run(home, PagedGalleryProbe.class.getName(),
			ScreenshotsTest.SHOTS.toAbsolutePath().toString(), "input=[" + data.structures() + "] labels=["
				+ data.labels() + "] model=[" + model + "] sort=class");
		assertEquals(0, r.exitCode(), r.output());
		r.output().lines().filter(l -> l.startsWith("OK ") || l.startsWith("KEY ")).forEach(System.out::println);
		assertTrue(r.output().contains("OK the window shows page 1 of 3"), r.output());
		assertTrue(r.output().contains("OK after Page Down: page 2 of 3"), r.output());
		assertTrue(r.output().contains("OK the xz view differs from the 3D view"), r.output());
		assertTrue(r.output().contains("OK tooltip of a tile: s0"), r.output());
		for (String name : new String[] { "gallery-window-paged.png", "structure-view.png", "structure-view-xz.png" })
			assertTrue(Files.size(ScreenshotsTest.SHOTS.resolve(name)) > 5000, name);
	}

	private static int[] rgb(BufferedImage img) {
		return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
	}
}
