package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.Simulation;
import io.github.clathrin.ui.Gallery;
import io.github.clathrin.ui.Legend;

/** {@code classify --render} draws the classified structures into a gallery PNG, headless. */
class ClassifyRenderTest {

	@TempDir
	Path tmp;

	/** A lab model trained on {@code data} by the command line, as {@code model.zip} in the temporary folder. */
	private Path trainedLab(Simulation.Folder data) {
		Path model = tmp.resolve("model.zip");
		MainTest.Result t = MainTest.cli("train", "--input", data.structures().toString(), "--labels",
			data.labels().toString(), "--encoder", "lab", "--out", model.toString());
		assertEquals(0, t.exit(), t.toString());
		return model;
	}

	@Test
	void classifyWritesTheGallery() throws IOException {
		Simulation.Folder data = Simulation.write(tmp, 30, 20, 4);
		String structures = data.structures().toString(), labels = data.labels().toString();
		Path model = trainedLab(data), results = tmp.resolve("results.csv"), png = tmp.resolve("g.png");

		MainTest.Result c = MainTest.cli("classify", "--model", model.toString(), "--input", structures, "--labels",
			labels, "--out", results.toString(), "--render", png.toString(), "--render-sort", "uncertainty");
		assertEquals(0, c.exit(), c.toString());
		assertTrue(c.out().contains("Gallery written to"), c.toString());
		assertTrue(Files.exists(results));
		BufferedImage img = ImageIO.read(png.toFile());
		int columns = Gallery.defaultColumns(30);
		assertEquals(columns * Gallery.DEFAULT_TILE, img.getWidth());
		assertEquals(Gallery.rows(30, columns) * Gallery.DEFAULT_TILE + Legend.STRIP_HEIGHT, img.getHeight());
	}

	/** More structures than a page: numbered sheets of 100 tiles instead of one huge image. */
	@Test
	void largeGalleriesAreWrittenInPages() throws IOException {
		Simulation.Folder data = Simulation.write(tmp, 130, 20, 6);
		Path model = trainedLab(data), png = tmp.resolve("g.png");
		MainTest.Result c = MainTest.cli("classify", "--model", model.toString(), "--input", data.structures().toString(),
			"--out", tmp.resolve("r.csv").toString(), "--render", png.toString());
		assertEquals(0, c.exit(), c.toString());
		assertFalse(Files.exists(png), "no single sheet");
		BufferedImage first = ImageIO.read(tmp.resolve("g-001.png").toFile()),
			second = ImageIO.read(tmp.resolve("g-002.png").toFile());
		int columns = Gallery.defaultColumns(Gallery.DEFAULT_PAGE);
		assertEquals(Gallery.rows(100, columns) * Gallery.DEFAULT_TILE + Legend.STRIP_HEIGHT, first.getHeight());
		assertEquals(Gallery.rows(30, columns) * Gallery.DEFAULT_TILE + Legend.STRIP_HEIGHT, second.getHeight());
		assertFalse(Files.exists(tmp.resolve("g-003.png")));
		assertTrue(c.out().contains("Gallery written to 2 pages of 100 structures: " + tmp.resolve("g-001.png")
			+ " ... g-002.png"), c.toString());
	}

	@Test
	void tiffGalleryByExtension() throws IOException {
		Simulation.Folder data = Simulation.write(tmp, 12, 8, 5);
		Path model = trainedLab(data), tif = tmp.resolve("g.tif");
		MainTest.Result c = MainTest.cli("classify", "--model", model.toString(), "--input", data.structures().toString(),
			"--out", tmp.resolve("r.csv").toString(), "--render", tif.toString());
		assertEquals(0, c.exit(), c.toString());
		ij.ImagePlus imp = ij.IJ.openImage(tif.toString());
		assertTrue(imp != null, "ImageJ cannot open " + tif);
		int columns = Gallery.defaultColumns(12);
		assertEquals(columns * Gallery.DEFAULT_TILE, imp.getWidth());
		assertEquals(Gallery.rows(12, columns) * Gallery.DEFAULT_TILE + Legend.STRIP_HEIGHT, imp.getHeight());
	}

	@Test
	void unknownImageTypeIsAnErrorBeforeAnyWork() {
		MainTest.Result c = MainTest.cli("classify", "--model", tmp.resolve("none.zip").toString(), "--input",
			tmp.toString(), "--out", tmp.resolve("r.csv").toString(), "--render", tmp.resolve("g.jpg").toString());
		assertEquals(2, c.exit(), c.toString());
		assertTrue(c.errorLines().get(0).contains(".png, .tif or .tiff"), c.toString());
		assertFalse(Files.exists(tmp.resolve("r.csv")));
	}

	@Test
	void unknownOrderIsAOneLineErrorBeforeAnyWork() {
		Path png = tmp.resolve("g.png");
		MainTest.Result c = MainTest.cli("classify", "--model", tmp.resolve("none.zip").toString(), "--input",
			tmp.toString(), "--out", tmp.resolve("r.csv").toString(), "--render", png.toString(), "--render-sort",
			"colour");
		assertEquals(2, c.exit(), c.toString());
		assertTrue(c.errorLines().get(0).contains("--render-sort"), c.toString());
		assertFalse(Files.exists(png));
	}
}
