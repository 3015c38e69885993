package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.gui.Roi;
import io.github.clathrin.render.StructureOutlines;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.segment.WholeCell;

/** Find Structures... from a macro in real ImageJ batch mode, with the recorded macro keys. */
class FindStructuresPluginTest {

	@Test
	void aMacroWritesOneFilePerStructure(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij"));
		Path cell = WholeCell.write(work.resolve("cell.csv"), 9, 1000, 5), out = work.resolve("out");
		Path macro = work.resolve("find.ijm");
		Files.writeString(macro, "run(\"Find Structures...\", \"input=[" + cell + "] output=[" + out
			+ "] eps=50 min_points=10 min_size=30 max_size=5000 max_extent=500 pixel_size=0 units=[from file]\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("9 kept"), r.output());
		try (Stream<Path> files = Files.list(out.resolve("structures"))) {
			assertEquals(9, files.count());
		}
	}

	/**
	 * The cell's rendering, calibrated in nm, becomes the macro's image, with every candidate outlined in the
	 * overlay and the ROI Manager, and the same outlines in the ROI set: kept ones named by key, in the kept
	 * colour, each round its structure's box.
	 */
	@Test
	void theCellIsShownWithEveryCandidateOutlined(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij"));
		Path cell = WholeCell.write(work.resolve("cell.csv"), 9, 1000, 5), out = work.resolve("out");
		Path zip = work.resolve("rois.zip"), tif = work.resolve("cell.tif"), macro = work.resolve("find.ijm");
		Files.writeString(macro, "run(\"Find Structures...\", \"input=[" + cell + "] output=[" + out + "] roi_zip=["
			+ zip + "]\");\ngetPixelSize(unit, pw, ph);\n"
			+ "print(\"CELL \" + getTitle() + \" \" + unit + \" \" + pw + \" \" + Overlay.size + \" \" + roiManager(\"count\"));\n"
			+ "saveAs(\"Tiff\", \"" + tif + "\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		List<String> segments = Files.readAllLines(out.resolve("segments.csv"));
		int clusters = segments.size() - 1;
		assertTrue(r.output().contains("CELL cell.csv nm 10 " + clusters + " " + clusters), r.output());
		List<Roi> rois = CellFiles.roiZip(zip);
		assertEquals(clusters, rois.size());
		ImagePlus imp = CellFiles.tiff(tif);
		assertEquals(clusters, imp.getOverlay().size());
		List<CellFiles.Kept> kept = CellFiles.kept(out.resolve("segments.csv"));
		assertEquals(9, kept.size());
		for (CellFiles.Kept k : kept) {
			List<Roi> around = CellFiles.outlining(imp, rois, k);
			assertEquals(1, around.size(), k + ": " + around);
			assertEquals(k.key(), around.get(0).getName());
			assertEquals(new Color(StructureOutlines.colour(Segmenter.Verdict.KEPT)), around.get(0).getStrokeColor());
			assertEquals("kept", around.get(0).getProperty("verdict"));
		}
		for (Roi roi : rois)
			if (!"kept".equals(roi.getProperty("verdict")))
				assertTrue(roi.getName().startsWith("cluster-") && !roi.getStrokeColor().equals(new Color(StructureOutlines
					.colour(Segmenter.Verdict.KEPT))), roi.getName());
	}
}
