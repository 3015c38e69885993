package io.github.clathrin.ui;

import java.util.Locale;

import io.github.clathrin.pipeline.Classification;

/**
 * What is written over a rendering: the predicted class and its probability, and the label a person
 * gave when there is one.
 *
 * @param predicted predicted class name
 * @param probability its probability
 * @param knownLabel the known label, or null
 */
public record Overlay(String predicted, double probability, String knownLabel) {

	public Overlay {
		if (predicted == null) throw new IllegalArgumentException("predicted class is required");
	}

	public static Overlay of(Classification.Prediction p) {
		return new Overlay(p.predicted(), p.probability(), p.knownLabel());
	}

	/** For example "yes 0.93 | label: no". */
	public String text() {
		String s = predicted + " " + String.format(Locale.ROOT, "%.2f", probability);
		return knownLabel == null ? s : s + " | label: " + knownLabel;
	}

	/** True when a known label exists and differs from the prediction. */
	public boolean disagrees() {
		return knownLabel != null && !knownLabel.equals(predicted);
	}
}
