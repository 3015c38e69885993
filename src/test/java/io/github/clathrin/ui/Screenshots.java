package io.github.clathrin.ui;

import java.util.List;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;

/** A small simulated data set with a quick lab + SVM model and its predictions, for the screenshots. */
final class Screenshots {

	final StructureSet set;
	final Model model;
	final List<Classification.Prediction> predictions;

	private static Screenshots instance;

	private Screenshots() {
		StructureSet train = new ClathrinSimulator(SimulationConfig.defaults().withCounts(80, 60).withSeed(5))
			.simulate(Progress.NONE).toStructureSet();
		model = Training.train(train, Training.Options.defaults("lab", 5), Progress.NONE);
		set = new ClathrinSimulator(SimulationConfig.defaults().withCounts(24, 12).withSeed(17)).simulate(Progress.NONE)
			.toStructureSet();
		predictions = Classification.classify(model, set, Progress.NONE);
	}

	static synchronized Screenshots get() {
		if (instance == null) instance = new Screenshots();
		return instance;
	}
}
