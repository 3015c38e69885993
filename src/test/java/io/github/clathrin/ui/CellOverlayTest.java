package io.github.clathrin.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.clathrin.SharedData;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.render.Renderer;
import io.github.clathrin.render.Rendering;
import io.github.clathrin.render.StructureOutlines;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.Progress;

class CellOverlayTest {

	static final Path CELL = SharedData.file("formats/thunderstorm/ThunderSTORM_TS3D.csv");

	static final List<String> CLASSES = List.of("no", "yes");

	@Test
	void oneOutlineInItsClassColourOnEveryStructureOfARealCell() throws Exception {
		LocalizationTable table = LocalizationReaders.read(CELL, ReadOptions.DEFAULT, Progress.NONE);
		// Small clusters too, so that there are many structures to draw (35 at these settings).
		List<Structure> structures = new Segmenter(new SegmentConfig(30, 10, 30, 5000, 500)).segment(table,
			Progress.NONE).structures().structures();
		assertTrue(structures.size() >= 20, structures.size() + " structures");
		List<Classification.Prediction> predictions = new ArrayList<>();
		for (int i = 0; i < structures.size(); i++) {
			String key = structures.get(i).key();
			predictions.add(i % 7 == 6 ? new Classification.Prediction(key, null, Double.NaN, null, null, 0,
				"too few localizations", "") : new Classification.Prediction(key, CLASSES.get(i % 2), 0.8, i % 2 == 0
				? new double[] { 0.8, 0.2 } : new double[] { 0.2, 0.8 }, null, 0, "ok", i % 5 == 4 ? "extent" : ""));
		}
		Rendering r = Renderer.histogram(table, 20);
		List<StructureOutlines.Outline> outlines = StructureOutlines.of(structures, predictions);
		BufferedImage image = CellOverlay.draw(r, outlines, CLASSES);
		assertEquals(r.grid().width(), image.getWidth());
		assertEquals(r.grid().height(), image.getHeight());
		Rectangle legend = CellOverlay.legendBounds(CLASSES, image.getWidth(), image.getHeight());

		List<StructureOutlines.PixelBox> boxes = outlines.stream().map(o -> o.on(r.grid())).toList();
		assertEquals(structures.size(), outlines.size(), "one outline per structure");
		int checkedTrusted = 0, checkedDashed = 0;
		for (int k = 0; k < outlines.size(); k++) {
			StructureOutlines.Outline o = outlines.get(k);
			StructureOutlines.PixelBox b = boxes.get(k);
			int colour = StructureOutlines.colour(o.predicted(), CLASSES);
			// Border pixels that no later outline and no legend covers are this outline's colour, for a trusted
			// structure everywhere, for a dashed one on about half.
			int free = 0, coloured = 0;
			for (int[] p : border(b)) {
				if (legend.contains(p[0], p[1]) || coveredLater(boxes, k, p)) continue;
				free++;
				if ((image.getRGB(p[0], p[1]) & 0xFFFFFF) == colour) coloured++;
			}
			if (free < 8) continue;
			if (o.trusted()) {
				assertEquals(free, coloured, o.key() + " solid outline in " + Integer.toHexString(colour));
				checkedTrusted++;
			}
			else {
				assertTrue(coloured > free / 4 && coloured < free, o.key() + ": dashed, " + coloured + " of " + free);
				checkedDashed++;
			}
		}
		assertTrue(checkedTrusted >= 5 && checkedDashed >= 3, checkedTrusted + " solid, " + checkedDashed + " dashed");
		// Nothing in a class colour outside the outlines' borders and the legend.
		for (int y = 0; y < image.getHeight(); y++)
			for (int x = 0; x < image.getWidth(); x++) {
				int c = image.getRGB(x, y) & 0xFFFFFF;
				if (!isClassColour(c) || legend.contains(x, y)) continue;
				boolean onABorder = false;
				for (StructureOutlines.PixelBox b : boxes) onABorder |= onBorder(b, x, y);
				assertTrue(onABorder, "class colour at " + x + "," + y + " outside every outline");
			}
	}

	private static boolean isClassColour(int c) {
		return c == StructureOutlines.colour("yes", CLASSES) || c == StructureOutlines.colour("no", CLASSES)
			|| c == StructureOutlines.UNKNOWN;
	}

	private static boolean onBorder(StructureOutlines.PixelBox b, int x, int y) {
		return b.contains(x, y) && (x == b.x() || y == b.y() || x == b.x() + b.width() - 1 || y == b.y() + b.height() - 1);
	}

	private static boolean coveredLater(List<StructureOutlines.PixelBox> boxes, int k, int[] p) {
		for (int j = k + 1; j < boxes.size(); j++) if (onBorder(boxes.get(j), p[0], p[1])) return true;
		return false;
	}

	private static List<int[]> border(StructureOutlines.PixelBox b) {
		List<int[]> out = new ArrayList<>();
		for (int y = b.y(); y < b.y() + b.height(); y++)
			for (int x = b.x(); x < b.x() + b.width(); x++)
				if (onBorder(b, x, y)) out.add(new int[] { x, y });
		return out;
	}
}
