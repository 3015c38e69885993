package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ij.measure.ResultsTable;
import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.classifier.NineteenOfTwenty;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.structures.Structure;

/** The "Clathrin Results" table shows why a structure got no class and whether it is unlike the training data. */
class ResultsTablesTest {

	@Test
	void statusAndOutsideTrainingColumnsAndEmptyCellsWithoutAClass() {
		Classification.Prediction ok = new Classification.Prediction("a", "yes", 0.8, new double[] { 0.2, 0.8 }, null,
			0);
		Classification.Prediction far = new Classification.Prediction("b", "no", 0.7, new double[] { 0.7, 0.3 }, null,
			0, "ok", "extent x 60000 nm > training max 600 nm");
		Classification.Prediction none = new Classification.Prediction("c", null, Double.NaN, null, "no", 0,
			"too few localizations", "");
		ResultsTable rt = ResultsTables.predictions(List.of(ok, far, none));
		assertEquals("ok", rt.getStringValue("status", 0));
		assertEquals("", rt.getStringValue("outside_training", 0));
		assertEquals("extent x 60000 nm > training max 600 nm", rt.getStringValue("outside_training", 1));
		assertEquals("too few localizations", rt.getStringValue("status", 2));
		assertEquals("", rt.getStringValue("prediction", 2));
		assertEquals("", rt.getStringValue("probability", 2));
		assertEquals("no", rt.getStringValue("label", 2));
		assertEquals(0.8, rt.getValue("probability", 0), 1e-12);
	}

	/** A whole cell's rows say where each structure lies; the long outside_training reasons come last. */
	@Test
	void geometryColumnsPlaceEachStructureInItsCell() {
		Classification.Prediction a = new Classification.Prediction("cell-1", "yes", 0.8, new double[] { 0.2, 0.8 },
			null, 0, "ok", "extent x 60 nm < training min 300 nm");
		Structure s = new Structure("cell-1", "cell.csv", new double[] { 100, 200, -50, 140, 260, 50 }, null);
		ResultsTable rt = ResultsTables.predictions(List.of(a), List.of(s), null);
		assertEquals(120, rt.getValue("centroid_x_nm", 0), 1e-9);
		assertEquals(230, rt.getValue("centroid_y_nm", 0), 1e-9);
		assertEquals(0, rt.getValue("centroid_z_nm", 0), 1e-9);
		assertEquals(60, rt.getValue("extent_y_nm", 0), 1e-9);
		assertEquals(2, rt.getValue("localizations", 0), 0);
		String[] headings = rt.getHeadings();
		assertEquals("outside_training", headings[headings.length - 1]);
	}

	@Test
	void aCellSummaryRowGivesCountsDensitiesAndMedianAnglesPerClass() {
		CellSummary c = new CellSummary("cell.csv", 1000, 250, 2.0, 3, 0, 1, List.of("no", "yes"), new int[] { 1, 2 },
			List.of(new double[0], new double[] { 100, 140 }));
		ResultsTable rt = ResultsTables.summary(List.of(c));
		assertEquals("cell.csv", rt.getStringValue("cell", 0));
		assertEquals(2, rt.getValue("count_yes", 0), 0);
		assertEquals(1.0, rt.getValue("per_um2_yes", 0), 1e-9);
		assertEquals(1.5, rt.getValue("structures_per_um2", 0), 1e-9);
		assertEquals(120, rt.getValue("median_closing_angle_deg_yes", 0), 1e-9);
		assertEquals("", rt.getStringValue("median_closing_angle_deg_no", 0));
	}

	@Test
	void theEvaluationTableGivesTheIntervalAndTheNumberBesideTheAccuracy() {
		// 20 scored structures, 19 right.
		Evaluation e = NineteenOfTwenty.evaluation("no", "yes");
		ResultsTable rt = ResultsTables.evaluation(new EvaluationReport(List.of(new EvaluationReport.Row(
			"lab", e, 0.5)), List.of("no", "yes"), 50, 20, 5));
		assertEquals(0.95, rt.getValue("accuracy", 0), 1e-12);
		assertEquals(0.7639, rt.getValue("95% CI low", 0), 1e-4);
		assertEquals(0.9911, rt.getValue("95% CI high", 0), 1e-4);
		assertEquals(20, rt.getValue("n", 0), 0);
	}
}
