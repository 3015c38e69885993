package io.github.clathrin.deep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

/**
 * Run by {@link FijiLikeLauncher} ("split" mode) through a class loader that sees our classes while the
 * thread's context class loader sees only the libraries: trains a small conv AE, writes its state and
 * reads it back, as a model file would.
 */
public final class SplitLoaderRoundTrip {

	private SplitLoaderRoundTrip() {}

	public static String run() throws IOException {
		List<Sample> samples = DeepSamples.structures(8, 1, 12);
		Map<String, Object> options = Map.of("filters", List.of(2, 4), "latent", 4, "epochs", 1, "batch", 4);
		Encoder trained = Encoders.create("conv-ae", options);
		trained.fit(samples, 1, Progress.NONE);
		ByteArrayOutputStream state = new ByteArrayOutputStream();
		trained.writeState(new DataOutputStream(state));
		Encoder loaded = Encoders.load("conv-ae", trained.parameters(),
			new DataInputStream(new ByteArrayInputStream(state.toByteArray())));
		double[] a = trained.encode(samples.get(0)), b = loaded.encode(samples.get(0));
		return "round trip: " + java.util.Arrays.equals(a, b);
	}
}
