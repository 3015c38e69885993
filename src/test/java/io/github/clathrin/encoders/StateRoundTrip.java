package io.github.clathrin.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import io.github.clathrin.voxels.Sample;

/** An encoder's state written and read back through the {@link Encoders} registry, as the model file does. */
final class StateRoundTrip {

	private StateRoundTrip() {}

	/** What {@code Encoders.load} makes of {@code e}'s parameters and state under {@code name}. */
	static Encoder reloaded(String name, Encoder e) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		e.writeState(new DataOutputStream(bytes));
		return Encoders.load(name, e.parameters(), new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
	}

	/**
	 * {@code a} and {@code b}, fitted alike, give the same codes on {@code samples}, and {@code a} reloaded
	 * under {@code name} gives exactly {@code a}'s codes.
	 */
	static void assertRefitAndReloadAgree(String name, Encoder a, Encoder b, List<Sample> samples) throws IOException {
		Encoder loaded = reloaded(name, a);
		for (Sample s : samples) {
			assertArrayEquals(a.encode(s), b.encode(s), 1e-9);
			assertArrayEquals(a.encode(s), loaded.encode(s), 0.0);
		}
	}
}
