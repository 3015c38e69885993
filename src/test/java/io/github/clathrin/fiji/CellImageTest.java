package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Roi;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.render.ImageGrid;
import io.github.clathrin.render.Rendering;
import io.github.clathrin.render.StructureOutlines;

/** The cell image's calibration, and how classified structures are outlined, named and saved. */
class CellImageTest {

	static final ImageGrid GRID = new ImageGrid(1000, 2000, 10, 50, 40);

	@Test
	void theCalibrationGivesTheTablesNanometres() {
		ImagePlus imp = CellImage.image("cell", new Rendering(GRID, new float[50 * 40]));
		assertEquals("nm", imp.getCalibration().getUnit());
		assertEquals(1000, imp.getCalibration().getX(0), 1e-9);
		assertEquals(2000 + 10 * 7.5, imp.getCalibration().getY(7.5), 1e-9);
	}

	/** 10 nm pixels for a cell, larger ones that keep a wide field to about 2000 pixels (60 mm: px read as nm). */
	@Test
	void pixelsAre10NmUnlessTheFieldIsWide() {
		assertEquals(10, CellImage.pixelFor(table(0, 5000)), 0);
		double wide = CellImage.pixelFor(table(0, 6e7));
		assertEquals(30000, wide, 0);
		int width = CellImage.render(table(0, 6e7)).grid().width();
		assertTrue(width > 1990 && width <= 2001, "width " + width);
	}

	private static LocalizationTable table(double from, double to) {
		double[] x = { from, to, Double.NaN }, y = { from, to, 2 }, z = { 0, 0, 0 };
		return LocalizationTable.builder(Path.of("t.csv"), "csv").column("x", "nm", x).column("y", "nm", y).column("z",
			"nm", z).build();
	}

	@Test
	void trustedAnswersAreSolidInTheirClassColourOthersDashedAndNamedSo() {
		List<StructureOutlines.Outline> outlines = List.of(
			new StructureOutlines.Outline("c-1", 1005, 2005, 1095, 2055, "yes", 0.91, true),
			new StructureOutlines.Outline("c-2", 1200, 2100, 1250, 2150, "no", 0.6, false),
			new StructureOutlines.Outline("c-3", 1300, 2200, 1310, 2210, null, Double.NaN, false));
		List<Roi> rois = CellImage.classified(outlines, List.of("no", "yes"), GRID);
		assertEquals(new Rectangle(0, 0, 10, 6), rois.get(0).getBounds());
		assertEquals("c-1 yes 0.91", rois.get(0).getName());
		assertEquals(0xFFE69F00, rois.get(0).getStrokeColor().getRGB());
		assertNull(rois.get(0).getStroke() == null ? null : rois.get(0).getStroke().getDashArray());
		assertEquals("c-2 no 0.60 (untrusted)", rois.get(1).getName());
		assertEquals(0x56B4E9, rois.get(1).getStrokeColor().getRGB() & 0xFFFFFF);
		assertEquals(CellImage.DOUBTFUL_ALPHA, rois.get(1).getStrokeColor().getAlpha());
		assertArrayEquals(new float[] { 4, 3 }, rois.get(1).getStroke().getDashArray());
		assertEquals("c-3 (untrusted)", rois.get(2).getName());
		assertEquals(0x999999, rois.get(2).getStrokeColor().getRGB() & 0xFFFFFF);
		assertEquals("c-1", rois.get(0).getProperty("structure"));
		assertEquals("false", rois.get(1).getProperty("trusted"));
	}

	@Test
	void theRoiSetHoldsEveryOutlineByNameEvenWhenNamesRepeat(@TempDir Path dir) throws Exception {
		Roi a = new Roi(0, 0, 2, 2), b = new Roi(10, 10, 1, 1);
		a.setName("a/b");
		b.setName("a/b");
		Path zip = dir.resolve("rois.zip");
		CellImage.saveRoiZip(List.of(a, b), zip.toFile());
		List<Roi> back = CellFiles.roiZip(zip);
		assertEquals(2, back.size());
		assertEquals(new Rectangle(0, 0, 2, 2), back.get(0).getBounds());
		assertEquals(new Rectangle(10, 10, 1, 1), back.get(1).getBounds());
		assertEquals("a/b", back.get(1).getName());
	}
}
