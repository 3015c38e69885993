package io.github.clathrin.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.Progress;
import io.github.clathrin.ui.Legend;

class StructureOutlinesTest {

	static final Path CELL = Path.of("../shared/data/formats/thunderstorm/ThunderSTORM_TS3D.csv");

	@Test
	void everyStructureOfARealCellLiesInsideItsPixelBox() throws Exception {
		LocalizationTable table = LocalizationReaders.read(CELL, ReadOptions.DEFAULT, Progress.NONE);
		Rendering r = Renderer.histogram(table, 20);
		List<Structure> structures = new Segmenter(SegmentConfig.DEFAULT).segment(table, Progress.NONE).structures()
			.structures();
		assertTrue(structures.size() >= 3, "the cell has structures: " + structures.size());
		List<Classification.Prediction> predictions = new ArrayList<>();
		for (int i = 0; i < structures.size(); i++)
			predictions.add(i == 0 ? new Classification.Prediction(structures.get(i).key(), null, Double.NaN, null, null,
				0, "too few localizations", "") : new Classification.Prediction(structures.get(i).key(), i % 2 == 0 ? "yes"
				: "no", 0.75, new double[] { 0.25, 0.75 }, null, 0, "ok", i == 1 ? "extent" : ""));
		List<StructureOutlines.Outline> outlines = StructureOutlines.of(structures, predictions);
		assertEquals(structures.size(), outlines.size());
		for (int i = 0; i < outlines.size(); i++) {
			StructureOutlines.Outline o = outlines.get(i);
			StructureOutlines.PixelBox box = o.on(r.grid());
			assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= r.grid().width()
				&& box.y() + box.height() <= r.grid().height(), o + " " + box);
			double[] p = structures.get(i).points();
			for (int j = 0; j < p.length; j += 3) {
				assertTrue(p[j] >= o.x0() && p[j] <= o.x1() && p[j + 1] >= o.y0() && p[j + 1] <= o.y1());
				int c = (int) Math.floor(r.grid().column(p[j])), row = (int) Math.floor(r.grid().row(p[j + 1]));
				assertTrue(box.contains(c, row), o.key() + ": localization at pixel " + c + "," + row + " outside " + box);
			}
		}
		assertNull(outlines.get(0).predicted());
		assertFalse(outlines.get(0).trusted(), "no class: not trusted");
		assertFalse(outlines.get(1).trusted(), "outside the training range: not trusted");
		assertTrue(outlines.get(2).trusted());
		assertEquals(structures.get(2).key() + " yes 0.75", outlines.get(2).label());
	}

	@Test
	void everyClusterGetsAnOutlineNamedAndColouredByItsVerdict() throws Exception {
		LocalizationTable table = LocalizationReaders.read(CELL, ReadOptions.DEFAULT, Progress.NONE);
		Segmenter.Segmentation s = new Segmenter(new SegmentConfig(30, 10, 30, 300, 500)).segment(table, Progress.NONE);
		List<StructureOutlines.Outline> outlines = StructureOutlines.ofClusters(s.clusters());
		assertEquals(s.summary().found(), outlines.size());
		java.util.Set<String> verdicts = new java.util.HashSet<>();
		for (int i = 0; i < outlines.size(); i++) {
			Segmenter.Cluster c = s.clusters().get(i);
			StructureOutlines.Outline o = outlines.get(i);
			assertEquals(c.key() != null ? c.key() : "cluster-" + c.id(), o.key());
			assertEquals(c.verdict().words(), o.predicted());
			assertEquals(c.verdict() == Segmenter.Verdict.KEPT, o.trusted());
			assertEquals(c.min()[0], o.x0());
			assertEquals(c.max()[1], o.y1());
			verdicts.add(o.predicted());
		}
		assertTrue(verdicts.containsAll(List.of("kept", "too few", "too many")), verdicts.toString());
		java.util.Set<Integer> colours = new java.util.HashSet<>();
		for (Segmenter.Verdict v : Segmenter.Verdict.values()) colours.add(StructureOutlines.colour(v));
		assertEquals(Segmenter.Verdict.values().length, colours.size(), "one colour per verdict");
	}

	@Test
	void classColoursAreTheLegendsColours() {
		List<String> names = List.of("flat", "no", "dome", "yes", "pit", "vesicle");
		Legend legend = new Legend(names);
		for (String n : names) assertEquals(legend.colour(n).getRGB() & 0xFFFFFF, StructureOutlines.colour(n, names), n);
		assertEquals(Legend.UNKNOWN.getRGB() & 0xFFFFFF, StructureOutlines.colour(null, names));
		assertEquals(Legend.UNKNOWN.getRGB() & 0xFFFFFF, StructureOutlines.colour("other", names));
	}
}
