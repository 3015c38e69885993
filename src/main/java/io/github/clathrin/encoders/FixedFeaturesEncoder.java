package io.github.clathrin.encoders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

/**
 * An encoder that learns nothing: each structure's features are computed on their own and the classifier
 * standardizes them (lab, capfit, shells). Fitting only marks it ready, so that it is used the same way as
 * the encoders that learn.
 */
abstract class FixedFeaturesEncoder implements Encoder {

	private final String name;
	private final int dimension;
	private boolean fitted;

	FixedFeaturesEncoder(String name, int dimension) {
		this.name = name;
		this.dimension = dimension;
	}

	/** The options the encoder was made with, as {@code fromOptions} reads them back. */
	abstract Map<String, Object> options();

	@Override
	public final int dimension() {
		return dimension;
	}

	/** The options and the number of features ("dimension"). */
	@Override
	public final Map<String, Object> parameters() {
		Map<String, Object> m = new LinkedHashMap<>(options());
		m.put("dimension", dimension);
		return m;
	}

	@Override
	public final String name() {
		return name;
	}

	@Override
	public final void fit(List<Sample> samples, long seed, Progress progress) {
		fitted = true;
	}

	/** Marks an encoder read from a model file as fitted; returns it. */
	static <E extends FixedFeaturesEncoder> E loaded(E e) {
		FixedFeaturesEncoder f = e; // the private field is reached through the class, not the type variable
		f.fitted = true;
		return e;
	}

	/** Refuses to encode before {@link #fit}, as every encoder does. */
	final void checkFitted() {
		if (!fitted) throw new IllegalStateException(name + " encoder is not fitted");
	}
}
