package io.github.clathrin.fiji;

import ij.measure.ResultsTable;

import java.util.List;

import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.EvaluationReport;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.structures.Structure;

/** Builds the ResultsTables that Classify and Evaluate show. */
final class ResultsTables {

	static final String RESULTS = "Clathrin Results";

	static final String EVALUATION = "Clathrin Evaluation";

	static final String SUMMARY = "Clathrin Cell Summary";

	private ResultsTables() {}

	/**
	 * One row per structure: structure, prediction, probability, known label (empty if none), status and
	 * outside_training as in the results CSV; prediction and probability are empty for a structure without a
	 * class.
	 */
	static ResultsTable predictions(List<Classification.Prediction> predictions) {
		return predictions(predictions, null, null);
	}

	/**
	 * As {@link #predictions(List)}, with the results CSV's columns that place each structure in its cell
	 * (localizations, centroid and extent per axis in nm) when {@code structures} is given, and the cap fit's
	 * when {@code caps} is; blank cells where a value is missing. outside_training comes last here, as its long
	 * reasons would push the numbers out of the window.
	 */
	static ResultsTable predictions(List<Classification.Prediction> predictions, List<Structure> structures,
		List<CapFit.Result> caps)
	{
		ResultsTable rt = new ResultsTable();
		rt.setPrecision(4);
		for (int row = 0; row < predictions.size(); row++) {
			Classification.Prediction p = predictions.get(row);
			rt.incrementCounter();
			rt.addValue("structure", p.key());
			rt.addValue("prediction", p.hasClass() ? p.predicted() : "");
			if (p.hasClass()) rt.addValue("probability", p.probability());
			else rt.addValue("probability", "");
			rt.addValue("label", p.knownLabel() == null ? "" : p.knownLabel());
			rt.addValue("status", p.status());
			if (structures != null) addNumbers(rt, Classification.GEOMETRY_COLUMNS, Classification.geometryValues(
				structures.get(row)));
			if (caps != null) addNumbers(rt, Classification.EXPLAIN_COLUMNS, Classification.explainValues(caps.get(row)));
			rt.addValue("outside_training", p.outsideTraining());
		}
		// nm to a tenth, as in the CSV: more digits only make the positions harder to read.
		if (structures != null) for (String c : Classification.GEOMETRY_COLUMNS)
			if (rt.getColumnIndex(c) != ResultsTable.COLUMN_NOT_FOUND)
				rt.setDecimalPlaces(rt.getColumnIndex(c), c.equals("localizations") ? 0 : 1);
		return rt;
	}

	/** Numbers into the current row, NaN as a blank cell (as in the CSV), not "NaN". */
	private static void addNumbers(ResultsTable rt, List<String> columns, double[] values) {
		for (int c = 0; c < values.length; c++) {
			if (Double.isNaN(values[c])) rt.addValue(columns.get(c), "");
			else rt.addValue(columns.get(c), values[c]);
		}
	}

	/**
	 * One row per cell: structures, the cell's area, structures per um^2, and per class the count, the density
	 * and the median closing angle of the fitted caps (blank without one), as the summary CSV.
	 */
	static ResultsTable summary(List<CellSummary> cells) {
		ResultsTable rt = new ResultsTable();
		rt.setPrecision(3);
		for (CellSummary c : cells) {
			rt.incrementCounter();
			rt.addValue("cell", c.cell());
			rt.addValue("structures", c.structures());
			rt.addValue("no_class", c.noClass());
			rt.addValue("outside_training", c.outsideTraining());
			rt.addValue("area_um2", c.areaUm2());
			int total = 0;
			for (int n : c.counts()) total += n;
			rt.addValue("structures_per_um2", total / c.areaUm2());
			for (int k = 0; k < c.classNames().size(); k++) {
				String name = c.classNames().get(k);
				rt.addValue("count_" + name, c.counts()[k]);
				rt.addValue("per_um2_" + name, c.density(k));
				double m = c.medianAngle(k);
				if (Double.isNaN(m)) rt.addValue("median_closing_angle_deg_" + name, "");
				else rt.addValue("median_closing_angle_deg_" + name, m);
			}
		}
		return rt;
	}

	/**
	 * One row per evaluated encoder: accuracy, its 95 % Wilson interval and the number of scored structures,
	 * accuracy on each class, seconds.
	 */
	static ResultsTable evaluation(EvaluationReport report) {
		ResultsTable rt = new ResultsTable();
		rt.setPrecision(3);
		for (EvaluationReport.Row r : report.rows()) {
			Evaluation e = r.evaluation();
			rt.incrementCounter();
			rt.addValue("encoder", r.name());
			rt.addValue("accuracy", e.accuracy());
			double[] ci = e.accuracyInterval();
			rt.addValue("95% CI low", ci[0]);
			rt.addValue("95% CI high", ci[1]);
			rt.addValue("n", e.n());
			double[] perClass = e.perClassAccuracy();
			for (int c = 0; c < perClass.length; c++) rt.addValue("accuracy " + report.classNames().get(c), perClass[c]);
			rt.addValue("seconds", r.seconds());
		}
		return rt;
	}
}
