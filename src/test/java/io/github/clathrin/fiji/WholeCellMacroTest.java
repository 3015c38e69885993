package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.Calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.cli.Main;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.segment.WholeCell;
import io.github.clathrin.structures.CsvRecords;
import io.github.clathrin.task.Progress;

/**
 * The whole-cell workflow from a macro in real ImageJ: Render Localizations, Find Structures and Classify
 * (segment) on the real 3D STORM cell, then the classified cell image saved as a TIFF, checked against the data
 * and the results CSV.
 */
class WholeCellMacroTest {

	static final Path CELL = Path.of("../shared/data/formats/thunderstorm/ThunderSTORM_TS3D.csv").toAbsolutePath();

	/** The class colours the user guide promises: "yes" orange, "no" sky blue, no class grey. */
	static final Map<String, Integer> COLOURS = Map.of("yes", 0xE69F00, "no", 0x56B4E9, "", 0x999999);

	@Test
	void findClassifyAndSaveTheOverlayImage(@TempDir Path work) throws Exception {
		// The demo model never saw structures this small: every answer is marked untrusted.
		findClassifyAndCheck(work, CELL);
	}

	/**
	 * A simulated cell of the coats the model learned: both classes' colours. (Its coats lack the background
	 * of the simulated training files, so the training range marks them too; CellImageTest draws trusted ones.)
	 */
	@Test
	void classColoursOnACellLikeTheTrainingData(@TempDir Path work) throws Exception {
		Map<String, Integer> classes = findClassifyAndCheck(work, WholeCell.write(work.resolve("sim-cell.csv"), 9, 1000,
			5));
		assertTrue(classes.containsKey("yes") && classes.containsKey("no"), classes.toString());
	}

	/**
	 * Classify on a folder of cells (tables with an roi column): the macro gets the two summary plots as images,
	 * and the output folder the plot as one PNG, as on the command line.
	 */
	@Test
	void aFolderOfCellsGetsItsSummaryPlots(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij")), model = MacrosTest.trainedModel(work);
		Path tables = Files.createDirectories(work.resolve("tables")), out = work.resolve("out");
		Files.copy(MacrosTest.SIMULATED.resolve("all-structures.csv"), tables.resolve("a.csv"));
		Files.copy(MacrosTest.SIMULATED.resolve("all-structures.csv"), tables.resolve("b.csv"));
		Path macro = work.resolve("cells.ijm");
		Files.writeString(macro, "run(\"Classify\", \"model=[" + model + "] input=[" + tables + "] output=[" + out
			+ "] roi_column=roi\");\nlist = \"\";\nfor (i = 1; i <= nImages; i++) { selectImage(i); list = list + getTitle() + \";\"; }\n"
			+ "print(\"IMAGES \" + list);\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("IMAGES Structures per class in each cell;Closing angle of the fitted caps, per "
			+ "class;"), r.output());
		java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("summary.png").toFile());
		assertTrue(png.getWidth() > 200 && png.getHeight() > 200, png.getWidth() + "x" + png.getHeight());
	}

	/**
	 * Runs the macro on one cell and checks the saved image; the number of structures of each predicted class
	 * ("" for none) and of trusted answers ("trusted").
	 */
	static Map<String, Integer> findClassifyAndCheck(Path work, Path cell) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij")), model = demoModel(work);
		Path found = work.resolve("found"), results = work.resolve("results.csv"), tif = work.resolve("cell.tif");
		Path macro = work.resolve("cell.ijm"), rendered = work.resolve("rendered.tif");
		Files.writeString(macro, "run(\"Render Localizations...\", \"input=[" + cell + "] image_pixel=10 output=["
			+ rendered + "]\");\n"
			+ "run(\"Find Structures...\", \"input=[" + cell + "] output=[" + found + "] roi_zip=["
			+ work.resolve("found.zip") + "]\");\n"
			+ "run(\"Classify\", \"model=[" + model + "] input=[" + cell + "] output=[" + results + "] segment\");\n"
			+ "saveAs(\"Tiff\", \"" + tif + "\");\nprint(\"cell: done\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("cell: done"), r.output());

		// The image covers the data at 10 nm pixels, and its calibration gives the table's nm.
		LocalizationTable table = LocalizationReaders.read(cell, ReadOptions.DEFAULT, Progress.NONE);
		double minX = min(table.x()), minY = min(table.y());
		ImagePlus imp = CellFiles.tiff(tif);
		Calibration cal = imp.getCalibration();
		assertEquals("nm", cal.getUnit());
		assertEquals(10, cal.pixelWidth, 1e-9);
		assertEquals(10, cal.pixelHeight, 1e-9);
		assertEquals((int) Math.floor((max(table.x()) - minX) / 10) + 1, imp.getWidth());
		assertEquals((int) Math.floor((max(table.y()) - minY) / 10) + 1, imp.getHeight());
		assertEquals(minX, cal.getX(0), 1e-6);
		assertEquals(minY, cal.getY(0), 1e-6);
		// The rendering the macro made first lies on the same pixels, so the outlines fit it too.
		ImagePlus first = CellFiles.tiff(rendered);
		assertEquals(imp.getWidth(), first.getWidth());
		assertEquals(imp.getHeight(), first.getHeight());
		assertEquals("nm", first.getCalibration().getUnit());
		assertEquals(minX, first.getCalibration().getX(0), 1e-6);
		assertEquals(minY, first.getCalibration().getY(0), 1e-6);

		// Every kept structure has exactly one ROI round its box, named by its key.
		List<Roi> rois = List.of(imp.getOverlay().toArray());
		List<CellFiles.Kept> kept = CellFiles.kept(work.resolve("results-segments.csv"));
		assertFalse(kept.isEmpty());
		assertEquals(kept.size(), rois.size());
		for (CellFiles.Kept k : kept) {
			List<Roi> around = CellFiles.outlining(imp, rois, k);
			assertEquals(1, around.size(), k + ": " + around);
			assertEquals(k.key(), around.get(0).getProperty("structure"));
			assertTrue(around.get(0).getName().startsWith(k.key() + " "), around.get(0).getName());
		}

		// Each ROI has its prediction's colour, opaque when the answer can be trusted.
		List<String> lines = Files.readAllLines(results);
		List<String> h = CsvRecords.splitLine(lines.get(0));
		Map<String, Roi> byKey = new HashMap<>();
		for (Roi roi : rois) byKey.put(roi.getProperty("structure"), roi);
		Map<String, Integer> classes = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			List<String> f = CsvRecords.splitLine(line);
			String key = f.get(h.indexOf("structure")), predicted = f.get(h.indexOf("prediction"));
			boolean trusted = f.get(h.indexOf("status")).equals("ok") && f.get(h.indexOf("outside_training")).isEmpty();
			Roi roi = byKey.get(key);
			assertEquals((int) COLOURS.get(predicted), roi.getStrokeColor().getRGB() & 0xFFFFFF, key);
			assertEquals(trusted, roi.getStrokeColor().getAlpha() == 255, key);
			assertEquals(trusted, !roi.getName().endsWith("(untrusted)"), roi.getName());
			if (!predicted.isEmpty()) assertTrue(roi.getName().startsWith(key + " " + predicted + " 0.")
				|| roi.getName().startsWith(key + " " + predicted + " 1."), roi.getName());
			classes.merge(predicted, 1, Integer::sum);
			if (trusted) classes.merge("trusted", 1, Integer::sum);
		}
		assertEquals(kept.size(), lines.size() - 1);
		return classes;
	}

	/** A demo model: lab features + SVM on 40 simulated coats, all labelled (the simulator's defaults, as WholeCell's). */
	static Path demoModel(Path work) {
		Path sim = work.resolve("simulated"), model = work.resolve("model.zip");
		assertEquals(0, Main.run("simulate", "--out", sim.toString(), "--structures", "40", "--labelled", "40", "--seed",
			"1"));
		assertEquals(0, Main.run("train", "--input", sim.resolve("structures").toString(), "--labels", sim.resolve(
			"labels.csv").toString(), "--encoder", "lab", "--out", model.toString()));
		return model;
	}

	private static double min(double[] v) {
		double m = Double.POSITIVE_INFINITY;
		for (double d : v) m = Math.min(m, d);
		return m;
	}

	private static double max(double[] v) {
		double m = Double.NEGATIVE_INFINITY;
		for (double d : v) m = Math.max(m, d);
		return m;
	}
}
