package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.task.Progress;

/**
 * Render Localizations... and Open Localizations... on the real whole-cell ThunderSTORM table, from macros in
 * real ImageJ under Xvfb: a calibrated image over the cell's extent instead of a 400 nm box of voxels, and a
 * warning when one structure's localizations fall outside its box.
 */
class RenderMacroTest {

	static final Path CELL = Path.of("../shared/data/formats/thunderstorm/ThunderSTORM_TS3D.csv").toAbsolutePath();

	@TempDir
	static Path shared;

	static Path home;
	static int width, height;
	static double minX, minY;

	@BeforeAll
	static void setUp() throws IOException {
		home = RealImageJ.pluginsHome(shared.resolve("ij"));
		LocalizationTable t = LocalizationReaders.read(CELL, ReadOptions.DEFAULT, Progress.NONE);
		double maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
		minX = Double.POSITIVE_INFINITY;
		minY = minX;
		for (int i = 0; i < t.rowCount(); i++) {
			minX = Math.min(minX, t.x()[i]);
			maxX = Math.max(maxX, t.x()[i]);
			minY = Math.min(minY, t.y()[i]);
			maxY = Math.max(maxY, t.y()[i]);
		}
		// 10 nm pixels (the default for a 5 um cell) from the lowest x, y
		width = (int) Math.floor((maxX - minX) / 10) + 1;
		height = (int) Math.floor((maxY - minY) / 10) + 1;
	}

	/** Prints the current image's dimensions, bit depth, calibration, origin in nm and overlay size. */
	static final String PRINT_IMAGE = "getDimensions(w, h, c, s, f); getVoxelSize(vw, vh, vd, unit);\n"
		+ "ov = Overlay.size; x0 = 0; y0 = 0; toScaled(x0, y0);\n"
		+ "print(\"IMAGE \" + w + \" \" + h + \" \" + s + \" \" + bitDepth() + \" \" + unit + \" \" + d2s(vw, 3) + \" \" "
		+ "+ d2s(x0, 1) + \" \" + d2s(y0, 1) + \" \" + ov);\n";

	@Test
	void renderLocalizationsShowsAndWritesTheCellCalibratedInNm(@TempDir Path work) throws Exception {
		Path tif = work.resolve("cell.tif"), macro = work.resolve("render.ijm");
		Files.writeString(macro, "run(\"Render Localizations...\", \"input=[" + CELL + "] output=[" + tif + "]\");\n"
			+ PRINT_IMAGE);
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains(String.format(Locale.ROOT, "IMAGE %d %d 1 24 nm 10.000 %.1f %.1f 1", width, height,
			minX, minY)), r.output());
		assertTrue(r.output().contains("Coloured by z"), r.output()); // the report went to the log
		ImagePlus imp = IJ.openImage(tif.toString());
		assertNotNull(imp, r.output());
		assertEquals(width, imp.getWidth());
		assertEquals("nm", imp.getCalibration().getUnit());
		assertEquals(10, imp.getCalibration().pixelWidth, 1e-9);

		// a z-stack and density, by macro keys
		Files.writeString(macro, "run(\"Render Localizations...\", \"input=[" + CELL + "] image_pixel=20 method=histogram "
			+ "color_by=density z_min=-300 z_max=300 z_slices=3\");\n" + PRINT_IMAGE);
		r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains(String.format(Locale.ROOT, "IMAGE %d %d 3 32 nm 20.000 %.1f %.1f 0",
			(int) Math.floor((width - 1) * 10 / 20.0 + 1e-9) + 1, (int) Math.floor((height - 1) * 10 / 20.0 + 1e-9) + 1, minX,
			minY)), r.output());

		// a z range that is not a number stops the macro with one line
		Files.writeString(macro, "run(\"Render Localizations...\", \"input=[" + CELL + "] z_min=low\");\nprint(\"went on\");\n");
		r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("Clathrin Classifier: error: z_min and z_max must be numbers of nm or empty"),
			r.output());
		assertFalse(r.output().contains("went on"), r.output());
	}

	@Test
	void openLocalizationsRendersAWholeCellInsteadOfOneBoxOfVoxels(@TempDir Path work) throws Exception {
		Path macro = work.resolve("open.ijm");
		Files.writeString(macro, "run(\"Open Localizations...\", \"input=[" + CELL + "] show_volumes\");\n" + PRINT_IMAGE);
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains(String.format(Locale.ROOT, "IMAGE %d %d 1 24 nm 10.000", width, height)),
			r.output());
		assertTrue(r.output().contains("is a field, not a structure, so it is shown rendered"), r.output());
		assertFalse(r.output().contains("IMAGE 30 30"), r.output());
	}

	@Test
	void openLocalizationsWarnsWhenAStructureReachesOutsideItsBox(@TempDir Path work) throws Exception {
		// A 200 nm coat of 300 localizations (x evenly from 4900 nm) and 6 strays at x 5310 nm: the box centred on
		// the bounding box spans x 4905 to 5305 nm, so the 8 lowest and the strays fall outside, 14 of 306.
		Path csv = work.resolve("coat.csv");
		StringBuilder sb = new StringBuilder("x [nm],y [nm],z [nm]\n");
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 300; i++)
			sb.append(String.format(Locale.ROOT, "%.3f,%.1f,%.1f%n", 4900 + i * 2 / 3.0, 5000 + random.nextDouble(-100, 100),
				random.nextDouble(-100, 100)));
		for (int i = 0; i < 6; i++) sb.append("5310,5000,0\n");
		Files.writeString(csv, sb);
		Path macro = work.resolve("open.ijm");
		Files.writeString(macro, "run(\"Open Localizations...\", \"input=[" + csv + "] show_volumes\");\n" + PRINT_IMAGE);
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("IMAGE 30 30 30 32 nm"), r.output()); // still the voxel stack
		assertTrue(r.output().contains("warning: structure coat.csv: 14 of 306 localizations fall outside the 400 x 400 x 1400 "
			+ "nm box"), r.output());
	}

	/** The rendering's window in real ImageJ, kept in target/screenshots/ for docs/images/render-window.png. */
	@Test
	void renderingWindowScreenshot(@TempDir Path tmp) throws Exception {
		Path png = ScreenshotsTest.SHOTS.resolve("render-window.png").toAbsolutePath();
		RealImageJ.Result r = RealImageJ.run(RealImageJ.pluginsHome(tmp), RenderScreenshot.class.getName(),
			CELL.toString(), png.toString());
		assertEquals(0, r.exitCode(), r.output());
		assertTrue(r.output().contains("SCREENSHOT") && r.output().contains(" nm"), r.output());
		java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
		assertTrue(img.getWidth() >= width && img.getHeight() >= height, img.getWidth() + "x" + img.getHeight());
	}
}
