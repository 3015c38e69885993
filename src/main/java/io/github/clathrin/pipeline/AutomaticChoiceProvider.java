package io.github.clathrin.pipeline;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.EncoderProvider;

/**
 * Offers {@link AutomaticChoice} to {@link io.github.clathrin.encoders.Encoders} as the "auto" encoder,
 * through {@code META-INF/services}.
 */
public final class AutomaticChoiceProvider implements EncoderProvider {

	@Override
	public List<String> names() {
		return List.of(AutomaticChoice.NAME);
	}

	@Override
	public String description(String name) {
		return "the encoder chosen by cross-validation inside the labelled training structures";
	}

	@Override
	public Map<String, Object> options(String name) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("folds", AutomaticChoice.DEFAULT_FOLDS);
		m.put("candidates", String.join(",", AutomaticChoice.defaultCandidates(false)));
		m.put("deep", false);
		m.put("epochs", AutomaticChoice.DEFAULT_DEEP_EPOCHS);
		return m;
	}

	@Override
	public boolean isSupervised(String name) {
		return true;
	}

	/** Its epochs option reaches its deep parts. */
	@Override
	public boolean takesEpochs(String name) {
		return true;
	}

	@Override
	public Encoder create(String name, Map<String, Object> options) {
		return AutomaticChoice.fromOptions(options);
	}

	@Override
	public Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
		return AutomaticChoice.load(parameters, in);
	}
}
