package io.github.clathrin.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.pipeline.Classification.Prediction;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;

/** Gallery order, sheet size, PNG output and determinism. */
class GalleryTest {

	@TempDir
	Path tmp;

	private static final List<String> CLASSES = List.of("no", "yes");

	/** Small structures with chosen probabilities of "yes". */
	private static Gallery gallery(double... pYes) {
		List<Structure> list = new ArrayList<>();
		List<Prediction> predictions = new ArrayList<>();
		for (int i = 0; i < pYes.length; i++) {
			String key = "s" + (pYes.length - i); // keys in reverse order, so NAME differs from input order
			double[] pts = new double[30];
			for (int k = 0; k < pts.length; k++) pts[k] = Math.sin(k * 1.7 + i) * 80;
			list.add(new Structure(key, "test", pts, null));
			double p = pYes[i];
			predictions.add(new Prediction(key, p >= 0.5 ? "yes" : "no", Math.max(p, 1 - p), new double[] { 1 - p, p },
				null, 0));
		}
		return Gallery.of(new StructureSet(list), predictions, CLASSES);
	}

	private static List<String> keys(Gallery g) {
		return g.entries().stream().map(e -> e.structure().key()).toList();
	}

	@Test
	void sortOrders() {
		// ties (s3 and s1 are both 0.55 sure) fall back to the key
		// keys: s5 (0.9 yes), s4 (0.2 -> no 0.8), s3 (0.55 yes), s2 (0.99 yes), s1 (0.45 -> no 0.55)
		Gallery g = gallery(0.9, 0.2, 0.55, 0.99, 0.45);
		assertEquals(List.of("s2", "s5", "s4", "s1", "s3"), keys(g.sortedBy(Gallery.Sort.PROBABILITY)));
		assertEquals(List.of("s1", "s3", "s4", "s5", "s2"), keys(g.sortedBy(Gallery.Sort.UNCERTAINTY)));
		assertEquals(List.of("s4", "s1", "s2", "s5", "s3"), keys(g.sortedBy(Gallery.Sort.CLASS)));
		assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), keys(g.sortedBy(Gallery.Sort.NAME)));
	}

	@Test
	void namesCompareNumbersAsNumbers() {
		List<String> keys = new ArrayList<>(List.of("s10", "s2", "s1", "t0", "s02"));
		keys.sort(Gallery::compareNatural);
		assertEquals(List.of("s1", "s02", "s2", "s10", "t0"), keys);
		assertEquals(Gallery.Sort.UNCERTAINTY, Gallery.Sort.parse(" uncertainty "));
	}

	@Test
	void structuresWithoutPredictionGoLast() {
		Gallery g = gallery(0.9, 0.1);
		List<Gallery.Entry> entries = new ArrayList<>(g.entries());
		entries.add(0, new Gallery.Entry(new Structure("s0", "test", new double[] { 0, 0, 0 }, null), null));
		for (Gallery.Sort sort : Gallery.Sort.values())
			if (sort != Gallery.Sort.NAME)
				assertEquals("s0", Gallery.sorted(entries, sort, CLASSES).get(2).structure().key(), sort.toString());
	}

	@Test
	void pngHasOneTilePerCellAndTheLegend() throws IOException {
		Gallery g = gallery(0.9, 0.2, 0.55, 0.99, 0.45, 0.7, 0.3);
		Path png = tmp.resolve("sub/g.png");
		g.write(png, 3, 64, Progress.NONE);
		BufferedImage img = ImageIO.read(png.toFile());
		assertEquals(3 * 64, img.getWidth());
		assertEquals(3 * 64 + Legend.STRIP_HEIGHT, img.getHeight()); // 7 tiles in 3 columns: 3 rows
		try (var files = Files.list(png.getParent())) {
			assertEquals(1, files.count(), "no temporary file left behind");
		}
		assertEquals(4, Gallery.defaultColumns(10));
		assertEquals(3, Gallery.rows(7, 3));
	}

	@Test
	void tiffIsChosenByExtensionAndImageJReadsIt() throws IOException {
		Gallery g = gallery(0.9, 0.2, 0.55, 0.99, 0.45);
		Path tif = tmp.resolve("g.TIF"), png = tmp.resolve("g.png");
		g.write(tif, 2, 48, Progress.NONE);
		g.write(png, 2, 48, Progress.NONE);
		ij.ImagePlus imp = ij.IJ.openImage(tif.toString());
		assertTrue(imp != null, "ImageJ cannot open the TIFF");
		assertEquals(2 * 48, imp.getWidth());
		assertEquals(3 * 48 + Legend.STRIP_HEIGHT, imp.getHeight());
		assertEquals(ij.ImagePlus.COLOR_RGB, imp.getType());
		// Same pixels as the PNG: the format changes, the picture does not.
		BufferedImage fromPng = ImageIO.read(png.toFile());
		int[] expected = fromPng.getRGB(0, 0, fromPng.getWidth(), fromPng.getHeight(), null, 0, fromPng.getWidth());
		int[] actual = (int[]) imp.getProcessor().getPixels();
		for (int i = 0; i < expected.length; i++) expected[i] &= 0xffffff;
		for (int i = 0; i < actual.length; i++) actual[i] &= 0xffffff;
		assertArrayEquals(expected, actual);
		assertEquals(Gallery.ImageFormat.TIFF, Gallery.ImageFormat.of(Path.of("a.tiff")));
		IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> g.write(tmp.resolve("g.jpg"), 2, 48, Progress.NONE));
		assertTrue(e.getMessage().contains(".png, .tif or .tiff"), e.getMessage());
		assertTrue(!Files.exists(tmp.resolve("g.jpg")));
	}

	@Test
	void largeGalleriesAreDeterministic() {
		double[] p = new double[1100];
		for (int i = 0; i < p.length; i++) p[i] = (i * 37 % 101) / 100.0;
		Gallery g = gallery(p).sortedBy(Gallery.Sort.UNCERTAINTY);
		BufferedImage a = g.render(40, 24, Progress.NONE), b = g.render(40, 24, Progress.NONE);
		assertEquals(40 * 24, a.getWidth());
		assertEquals(28 * 24 + Legend.STRIP_HEIGHT, a.getHeight());
		assertArrayEquals(StructureRendererTest.pixels(a), StructureRendererTest.pixels(b));
		// The last cell holds a tile: the overlay frame is drawn.
		int last = p.length - 1;
		int x = (last % 40) * 24 + 12, y = Legend.STRIP_HEIGHT + (last / 40) * 24 + 23;
		assertTrue((a.getRGB(x, y) & 0xFFFFFF) != (Legend.BACKGROUND.getRGB() & 0xFFFFFF));
	}
}
