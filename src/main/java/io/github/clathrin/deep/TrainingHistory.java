package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened while a network trained, for the model manifest: the loss of every epoch, how many
 * samples it saw, and where early stopping ended it.
 *
 * @param epochs one entry per epoch run
 * @param samplesSeen training samples (structure copies) fed to the network over all epochs
 * @param bestEpoch the epoch whose weights were kept (the last one without validation)
 * @param stoppedEarlyAt the epoch after which early stopping ended training, or 0 if all epochs ran
 * @param samplesPerSecond training throughput (validation excluded)
 */
record TrainingHistory(List<Epoch> epochs, long samplesSeen, int bestEpoch, int stoppedEarlyAt, double samplesPerSecond) {

	/**
	 * @param epoch 1-based
	 * @param loss mean training loss over the epoch's batches (including any sparsity penalty)
	 * @param validationLoss mean loss on the validation structures after the epoch, NaN without validation
	 * @param seconds wall time of the epoch, validation included
	 */
	record Epoch(int epoch, double loss, double validationLoss, double seconds) {}

	TrainingHistory {
		epochs = List.copyOf(epochs);
	}

	/** JSON-friendly: NaN (which JSON cannot hold) is left out. */
	Map<String, Object> toMap() {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Epoch e : epochs) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("epoch", e.epoch());
			m.put("loss", e.loss());
			if (!Double.isNaN(e.validationLoss())) m.put("validationLoss", e.validationLoss());
			m.put("seconds", Math.round(e.seconds() * 1000) / 1000.0);
			list.add(m);
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("history", list);
		m.put("samplesSeen", samplesSeen);
		m.put("bestEpoch", bestEpoch);
		if (stoppedEarlyAt > 0) m.put("stoppedEarlyAt", stoppedEarlyAt);
		m.put("samplesPerSecond", Math.round(samplesPerSecond * 10) / 10.0);
		return m;
	}
}
