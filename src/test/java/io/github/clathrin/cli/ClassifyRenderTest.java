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

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.task.Progress;
import io.github.clathrin.ui.Gallery;
import io.github.clathrin.ui.Legend;

/** {@code classify --render} draws the classified structures into a gallery PNG, headless. */
class ClassifyRenderTest {

	@TempDir
	Path tmp;

	@Test
	void classifyWritesTheGallery() throws IOException {
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(30, 20).withSeed(4)).simulate(Progress.NONE)
			.write(tmp);
		String structures = tmp.resolve(SimulatedDataset.STRUCTURES_DIR).toString(),
			labels = tmp.resolve(SimulatedDataset.LABELS).toString();
		Path model = tmp.resolve("model.zip"), results = tmp.resolve("results.csv"), png = tmp.resolve("g.png");
		MainTest.Result t = MainTest.cli("train", "--input", structures, "--labels", labels, "--encoder", "lab",
			"--out", model.toString());
		assertEquals(0, t.exit(), t.toString());

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

	@Test
	void tiffGalleryByExtension() throws IOException {
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(12, 8).withSeed(5)).simulate(Progress.NONE)
			.write(tmp);
		String structures = tmp.resolve(SimulatedDataset.STRUCTURES_DIR).toString(),
			labels = tmp.resolve(SimulatedDataset.LABELS).toString();
		Path model = tmp.resolve("model.zip"), tif = tmp.resolve("g.tif");
		assertEquals(0, MainTest.cli("train", "--input", structures, "--labels", labels, "--encoder", "lab", "--out",
			model.toString()).exit());
		MainTest.Result c = MainTest.cli("classify", "--model", model.toString(), "--input", structures, "--out",
			tmp.resolve("r.csv").toString(), "--render", tif.toString());
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
