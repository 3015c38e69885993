package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.task.Progress;
import io.github.clathrin.ui.RenderingImages;

/**
 * {@code clathrin render} on the real whole-cell ThunderSTORM table: a TIFF that ImageJ opens calibrated in nm,
 * its size and origin matching the data's extent, a z-stack, and a PNG with the band of scale bar and colour bar.
 */
class RenderCliTest {

	static final Path CELL = Path.of("../shared/data/formats/thunderstorm/ThunderSTORM_TS3D.csv");

	@TempDir
	Path tmp;

	static double minX, maxX, minY, maxY, minZ, maxZ;

	@BeforeAll
	static void extent() throws IOException {
		LocalizationTable t = LocalizationReaders.read(CELL, ReadOptions.DEFAULT, Progress.NONE);
		minX = min(t.x());
		maxX = -min(negated(t.x()));
		minY = min(t.y());
		maxY = -min(negated(t.y()));
		minZ = min(t.z());
		maxZ = -min(negated(t.z()));
	}

	private static double min(double[] v) {
		double m = Double.POSITIVE_INFINITY;
		for (double d : v) m = Math.min(m, d);
		return m;
	}

	private static double[] negated(double[] v) {
		double[] n = new double[v.length];
		for (int i = 0; i < v.length; i++) n[i] = -v[i];
		return n;
	}

	@Test
	void aTiffThatImageJOpensCalibratedInNmOverTheCell() {
		Path tif = tmp.resolve("cell.tif");
		MainTest.Result r = MainTest.cli("render", "--input", CELL.toString(), "--out", tif.toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("sigma from uncertainty_xy"), r.toString());
		ImagePlus imp = IJ.openImage(tif.toString());
		assertNotNull(imp, tif.toString());
		// default pixel: the 4.9 x 5.0 um cell needs no more than 10 nm pixels to fit in 2000
		assertEquals((int) Math.floor((maxX - minX) / 10) + 1, imp.getWidth());
		assertEquals((int) Math.floor((maxY - minY) / 10) + 1, imp.getHeight());
		assertEquals(24, imp.getBitDepth(), "coloured by z: RGB");
		Calibration cal = imp.getCalibration();
		assertEquals("nm", cal.getUnit());
		assertEquals(10, cal.pixelWidth, 1e-9);
		assertEquals(10, cal.pixelHeight, 1e-9);
		assertEquals(minX, cal.getX(0), 1e-6, "calibrated x of the first column is the cell's lowest x");
		assertEquals(minY, cal.getY(0), 1e-6);
		assertNotNull(imp.getOverlay(), "the z colour bar comes with the TIFF");
		assertTrue(String.valueOf(imp.getProperty("Info")).contains("blue"), String.valueOf(imp.getProperty("Info")));
	}

	@Test
	void pixelSizeDensityAndZStack() {
		Path tif = tmp.resolve("density.tif");
		MainTest.Result r = MainTest.cli("render", "--input", CELL.toString(), "--pixel", "20", "--color-by", "density",
			"--method", "histogram", "--out", tif.toString());
		assertEquals(0, r.exit(), r.toString());
		ImagePlus imp = IJ.openImage(tif.toString());
		assertEquals(32, imp.getBitDepth());
		assertEquals((int) Math.floor((maxX - minX) / 20) + 1, imp.getWidth());
		assertEquals(20, imp.getCalibration().pixelWidth, 1e-9);
		double sum = 0;
		float[] pixels = (float[]) imp.getProcessor().getPixels();
		for (float p : pixels) sum += p;
		assertEquals(11195, sum, 1e-3, "a histogram counts every localization once");

		Path stack = tmp.resolve("stack.tif");
		r = MainTest.cli("render", "--input", CELL.toString(), "--z-min", "-300", "--z-max", "300", "--z-slices", "4",
			"--out", stack.toString());
		assertEquals(0, r.exit(), r.toString());
		imp = IJ.openImage(stack.toString());
		assertEquals(4, imp.getNSlices());
		assertEquals(150, imp.getCalibration().pixelDepth, 1e-9);
		assertEquals("nm", imp.getCalibration().getUnit());
		assertEquals(-225, imp.getCalibration().getZ(0), 1e-6, "the first slice's centre");
	}

	@Test
	void aPngWithScaleBarAndColourBar() throws IOException {
		Path png = tmp.resolve("cell.png");
		MainTest.Result r = MainTest.cli("render", "--input", CELL.toString(), "--out", png.toString());
		assertEquals(0, r.exit(), r.toString());
		BufferedImage img = ImageIO.read(png.toFile());
		int w = (int) Math.floor((maxX - minX) / 10) + 1, h = (int) Math.floor((maxY - minY) / 10) + 1;
		assertEquals(w, img.getWidth());
		assertEquals(h + RenderingImages.BAND_HEIGHT, img.getHeight());
		// the colour bar runs from blue to red at the right of the band
		int y = h + 12, right = w - 10;
		int blue = img.getRGB(right - RenderingImages.BAR_WIDTH + 1, y), red = img.getRGB(right - 2, y);
		assertTrue((blue & 0xff) > 200 && (blue >> 16 & 0xff) < 50, Integer.toHexString(blue));
		assertTrue((red >> 16 & 0xff) > 200 && (red & 0xff) < 50, Integer.toHexString(red));
	}

	@Test
	void refusesWhatItCannotWriteBeforeReading() throws IOException {
		Path copy = Files.copy(CELL, tmp.resolve("cell.csv"));
		MainTest.Result r = MainTest.cli("render", "--input", copy.toString(), "--out", copy.toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("refusing"), r.toString());
		r = MainTest.cli("render", "--input", copy.toString(), "--out", tmp.resolve("cell.jpg").toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains(".tif, .tiff or .png"), r.toString());
		r = MainTest.cli("render", "--input", copy.toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("--out"), r.toString());
		r = MainTest.cli("render", "--input", copy.toString(), "--z-slices", "3", "--out", tmp.resolve("s.png").toString());
		assertEquals(2, r.exit(), r.toString());
		assertFalse(Files.exists(tmp.resolve("s.png")));
		r = MainTest.cli("render", "--input", copy.toString(), "--pixel", "0.01", "--out", tmp.resolve("c.tif").toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("choose larger pixels (image_pixel, --pixel)"), r.toString());
		r = MainTest.cli("render", "--input", copy.toString(), "--z-min", "100", "--z-max", "-100", "--out",
			tmp.resolve("c.tif").toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("z_min must be below z_max"), r.toString());
		assertFalse(Files.exists(tmp.resolve("c.tif")));
		assertEquals(Files.size(CELL), Files.size(copy));
	}
}
