package io.github.clathrin.fiji;

import ij.measure.ResultsTable;

import java.util.List;

import io.github.clathrin.classifier.Evaluation;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.EvaluationReport;

/** Builds the ResultsTables that Classify and Evaluate show. */
final class ResultsTables {

	static final String RESULTS = "Clathrin Results";

	static final String EVALUATION = "Clathrin Evaluation";

	private ResultsTables() {}

	/**
	 * One row per structure: structure, prediction, probability, known label (empty if none), status and
	 * outside_training as in the results CSV; prediction and probability are empty for a structure without a
	 * class.
	 */
	static ResultsTable predictions(List<Classification.Prediction> predictions) {
		ResultsTable rt = new ResultsTable();
		rt.setPrecision(4);
		for (Classification.Prediction p : predictions) {
			rt.incrementCounter();
			rt.addValue("structure", p.key());
			rt.addValue("prediction", p.hasClass() ? p.predicted() : "");
			if (p.hasClass()) rt.addValue("probability", p.probability());
			else rt.addValue("probability", "");
			rt.addValue("label", p.knownLabel() == null ? "" : p.knownLabel());
			rt.addValue("status", p.status());
			rt.addValue("outside_training", p.outsideTraining());
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
