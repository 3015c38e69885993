package io.github.clathrin.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.clathrin.augment.Augmentation;
import io.github.clathrin.classifier.LabelSpreading;

/**
 * How training goes beyond the labelled structures as they are, as in the study: augmented copies
 * (rotations, flips, shifts) of the labelled structures join the classifier's training set and feed the
 * deep encoders' training, and label spreading labels the unlabelled structures in encoder space and
 * adds them to the classifier's training set.
 *
 * @param augmentation augmented copies, {@link Augmentation#NONE} for none
 * @param spreading label spreading settings, or null for no spreading
 * @param testTime test-time augmentation: a held-out structure's class probabilities are averaged over the
 *     structure and its augmented copies (made as for training), which smooths out the pose it happens to have
 */
public record Enlargement(Augmentation augmentation, LabelSpreading.Options spreading, boolean testTime) {

	public static final Enlargement NONE = new Enlargement(Augmentation.NONE, null);

	public Enlargement {
		if (augmentation == null) augmentation = Augmentation.NONE;
		if (testTime && !augmentation.enabled())
			throw new IllegalArgumentException("test-time augmentation averages over augmented copies: ask for some "
				+ "(--augment N)");
	}

	public Enlargement(Augmentation augmentation, LabelSpreading.Options spreading) {
		this(augmentation, spreading, false);
	}

	public boolean spreads() {
		return spreading != null;
	}

	public Enlargement withoutSpreading() {
		return new Enlargement(augmentation, null, testTime);
	}

	/** For manifests and reports. */
	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("augmentation", augmentation.toMap());
		if (testTime) m.put("testTime", true);
		if (spreading != null) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("kernel", spreading.kernel().name().toLowerCase(java.util.Locale.ROOT));
			s.put("neighbours", spreading.neighbours());
			s.put("gamma", spreading.gamma());
			s.put("alpha", spreading.alpha());
			m.put("spreading", s);
		}
		return m;
	}
}
