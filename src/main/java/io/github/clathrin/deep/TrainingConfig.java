package io.github.clathrin.deep;

import java.util.Map;
import java.util.Set;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * How a deep encoder is trained, shared by all four networks: Adam with this learning rate, mini-batches
 * of this size, at most this many epochs, and early stopping on a validation share of the structures.
 * The later parameters (weight decay, learning-rate decay, input jitter) default to off, so the study's
 * settings are unchanged unless asked for.
 *
 * @param epochs most passes over the training (structure, copy) pairs
 * @param batch samples per mini-batch; small enough that one batch takes well under a second, so
 *     cancelling (checked between batches) stops quickly
 * @param learningRate Adam's step size (in the first epoch, with a decay)
 * @param patience stop after this many epochs without a better validation loss
 * @param validation share of the structures held out (with all their copies) to decide when to stop;
 *     0 trains all epochs on everything
 * @param weightDecay decoupled L2 weight decay on the weights (not biases); 0 for none
 * @param learningRateDecay the learning rate is multiplied by this after every epoch; 1 keeps it constant
 * @param jitter random mirroring, shifting and corruption of the training inputs
 */
public record TrainingConfig(int epochs, int batch, double learningRate, int patience, double validation, double weightDecay,
	double learningRateDecay, InputJitter jitter)
{

	/** The option names this record reads. */
	static final Set<String> OPTIONS = DeepOptions.union(Set.of("epochs", "batch", "learningRate", "patience", "validation",
		"weightDecay", "learningRateDecay"), InputJitter.OPTIONS);

	public static final TrainingConfig DEFAULT = new TrainingConfig(30, 16, 1e-3, 3, 0.1);

	public TrainingConfig {
		if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
		if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
		if (!(learningRate > 0) || Double.isInfinite(learningRate))
			throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
		if (patience < 1) throw new IllegalArgumentException("patience must be at least 1, got " + patience);
		if (!(validation >= 0 && validation < 1))
			throw new IllegalArgumentException("validation must be a share in [0, 1), got " + validation);
		if (!(weightDecay >= 0 && weightDecay < 1)) throw new IllegalArgumentException("weightDecay must be in [0, 1), got " + weightDecay);
		if (!(learningRateDecay > 0 && learningRateDecay <= 1))
			throw new IllegalArgumentException("learningRateDecay must be in (0, 1], got " + learningRateDecay);
		if (jitter == null) throw new IllegalArgumentException("jitter is required (InputJitter.NONE for none)");
	}

	/** The study's training: no weight decay, a constant learning rate, no input jitter. */
	public TrainingConfig(int epochs, int batch, double learningRate, int patience, double validation) {
		this(epochs, batch, learningRate, patience, validation, 0, 1, InputJitter.NONE);
	}

	static TrainingConfig fromOptions(DeepOptions o) {
		TrainingConfig d = DEFAULT;
		return new TrainingConfig(o.intValue("epochs", d.epochs, 1), o.intValue("batch", d.batch, 1),
			o.doubleValue("learningRate", d.learningRate, 0, false, 1, true), o.intValue("patience", d.patience, 1),
			o.doubleValue("validation", d.validation, 0, true, 1, false), o.doubleValue("weightDecay", 0, 0, true, 1, false),
			o.doubleValue("learningRateDecay", 1, 0, false, 1, true), InputJitter.fromOptions(o));
	}

	/** The same training for a different number of epochs (pretraining runs its own count). */
	TrainingConfig withEpochs(int value) {
		return new TrainingConfig(value, batch, learningRate, patience, validation, weightDecay, learningRateDecay, jitter);
	}

	/** Adam, with the learning rate decaying once per epoch when asked. */
	IUpdater updater() {
		if (learningRateDecay == 1) return new Adam(learningRate);
		return new Adam(new ExponentialSchedule(ScheduleType.EPOCH, learningRate, learningRateDecay));
	}

	/** The study's options always; the later ones only when set, so older manifests read the same. */
	void putOptions(Map<String, Object> m) {
		m.put("epochs", epochs);
		m.put("batch", batch);
		m.put("learningRate", learningRate);
		m.put("patience", patience);
		m.put("validation", validation);
		if (weightDecay != 0) m.put("weightDecay", weightDecay);
		if (learningRateDecay != 1) m.put("learningRateDecay", learningRateDecay);
		jitter.putOptions(m);
	}
}
