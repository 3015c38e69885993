package io.github.clathrin.pipeline;

import java.util.Map;

import io.github.clathrin.augment.Augmentation;
import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.classifier.Classifier;

/**
 * Test-time augmentation: a structure's class probabilities averaged over the structure and its augmented
 * copies, so that the one pose it happens to have matters less. The copies are made exactly as for training
 * (same transforms, same seed), and evaluation and classify average the same way.
 */
final class TestTimeAveraging {

	private TestTimeAveraging() {}

	/** The classifier's probabilities for a code, averaged with those of its copies' codes (none: as is). */
	static double[] probabilities(Classifier classifier, double[] code, double[][] copies) {
		if (copies == null || copies.length == 0) return classifier.probabilities(code);
		double[][] each = new double[copies.length][];
		for (int c = 0; c < copies.length; c++) each[c] = classifier.probabilities(copies[c]);
		return mean(classifier.probabilities(code), each);
	}

	/** The mean of a probability vector and those of the copies. */
	static double[] mean(double[] first, double[][] copies) {
		double[] p = first.clone();
		for (double[] q : copies)
			for (int c = 0; c < p.length; c++) p[c] += q[c];
		for (int c = 0; c < p.length; c++) p[c] /= copies.length + 1;
		return p;
	}

	/** The augmenter a model was trained to average over, or null when it was trained without it. */
	static Augmenter of(Model model) {
		Map<String, Object> e = model.training().enlargement();
		if (e == null || !Boolean.TRUE.equals(e.get("testTime")) || !(e.get("augmentation") instanceof Map<?, ?> a))
			return null;
		Augmentation augmentation = new Augmentation(number(a, "copies").intValue(), Boolean.TRUE.equals(a.get("rotateZ")),
			Boolean.TRUE.equals(a.get("flips")), number(a, "shiftNm").doubleValue(), Boolean.TRUE.equals(a.get("rotate3d")));
		return new Augmenter(model.voxels(), augmentation, model.training().seed());
	}

	private static Number number(Map<?, ?> m, String key) {
		if (m.get(key) instanceof Number n) return n;
		throw new IllegalStateException("the model's augmentation settings lack '" + key + "'");
	}
}
