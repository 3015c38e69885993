package io.github.clathrin.deep;

import java.util.Map;
import java.util.Set;

/**
 * How a deep encoder is trained, shared by all four networks: Adam with this learning rate, mini-batches
 * of this size, at most this many epochs, and early stopping on a validation share of the structures.
 *
 * @param epochs most passes over the training (structure, copy) pairs
 * @param batch samples per mini-batch; small enough that one batch takes well under a second, so
 *     cancelling (checked between batches) stops quickly
 * @param learningRate Adam's step size
 * @param patience stop after this many epochs without a better validation loss
 * @param validation share of the structures held out (with all their copies) to decide when to stop;
 *     0 trains all epochs on everything
 */
public record TrainingConfig(int epochs, int batch, double learningRate, int patience, double validation) {

	/** The option names this record reads. */
	static final Set<String> OPTIONS = Set.of("epochs", "batch", "learningRate", "patience", "validation");

	public static final TrainingConfig DEFAULT = new TrainingConfig(30, 16, 1e-3, 3, 0.1);

	public TrainingConfig {
		if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
		if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
		if (!(learningRate > 0) || Double.isInfinite(learningRate))
			throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
		if (patience < 1) throw new IllegalArgumentException("patience must be at least 1, got " + patience);
		if (!(validation >= 0 && validation < 1))
			throw new IllegalArgumentException("validation must be a share in [0, 1), got " + validation);
	}

	static TrainingConfig fromOptions(DeepOptions o) {
		TrainingConfig d = DEFAULT;
		return new TrainingConfig(o.intValue("epochs", d.epochs, 1), o.intValue("batch", d.batch, 1),
			o.doubleValue("learningRate", d.learningRate, 0, false, 1, true), o.intValue("patience", d.patience, 1),
			o.doubleValue("validation", d.validation, 0, true, 1, false));
	}

	void putOptions(Map<String, Object> m) {
		m.put("epochs", epochs);
		m.put("batch", batch);
		m.put("learningRate", learningRate);
		m.put("patience", patience);
		m.put("validation", validation);
	}
}
