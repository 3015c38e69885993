package io.github.clathrin.testplugin;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.EncoderProvider;
import io.github.clathrin.encoders.Options;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

/**
 * An encoder that only the test class path offers (PluginFromClassPathTest): the spread of a structure's
 * points along x, y and z, less the mean spread it learned, times an option "scale".
 */
public final class SpreadEncoder implements Encoder {

	public static final String NAME = "test-spread";
	private static final int MAGIC = 0x5350_5244;

	private final double scale;
	private double[] mean;

	SpreadEncoder(double scale) {
		this.scale = scale;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void fit(List<Sample> samples, long seed, Progress progress) {
		mean = new double[3];
		for (Sample s : samples) {
			double[] d = spread(s.points());
			for (int a = 0; a < 3; a++) mean[a] += d[a] / samples.size();
		}
	}

	@Override
	public double[] encode(Sample sample) {
		double[] d = spread(sample.points());
		for (int a = 0; a < 3; a++) d[a] = (d[a] - mean[a]) * scale;
		return d;
	}

	private static double[] spread(double[] points) {
		int n = points.length / 3;
		double[] sum = new double[3], sq = new double[3], out = new double[3];
		for (int i = 0; i < n; i++)
			for (int a = 0; a < 3; a++) {
				sum[a] += points[3 * i + a];
				sq[a] += points[3 * i + a] * points[3 * i + a];
			}
		for (int a = 0; a < 3; a++) out[a] = n == 0 ? 0 : Math.sqrt(Math.max(0, sq[a] / n - sum[a] * sum[a] / n / n));
		return out;
	}

	@Override
	public int dimension() {
		return 3;
	}

	@Override
	public Map<String, Object> parameters() {
		return Map.of("scale", scale);
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		out.writeInt(MAGIC);
		for (double m : mean) out.writeDouble(m);
	}

	/** Offers {@value #NAME} to the registry through src/test/resources/plugin-on-class-path/META-INF/services. */
	public static final class Provider implements EncoderProvider {

		@Override
		public List<String> names() {
			return List.of(NAME);
		}

		@Override
		public String description(String name) {
			return "spread of the points along x, y, z (a test plug-in)";
		}

		@Override
		public Map<String, Object> options(String name) {
			return Map.of("scale", 1);
		}

		@Override
		public Encoder create(String name, Map<String, Object> options) {
			Options o = new Options(NAME, options, java.util.Set.of("scale"));
			return new SpreadEncoder(o.intValue("scale", 1, 1));
		}

		@Override
		public Encoder load(String name, Map<String, Object> parameters, DataInputStream in) throws IOException {
			Object scale = parameters.getOrDefault("scale", 1.0);
			SpreadEncoder e = new SpreadEncoder(((Number) scale).doubleValue());
			if (in.readInt() != MAGIC) throw new IOException("not a " + NAME + " state");
			e.mean = new double[] { in.readDouble(), in.readDouble(), in.readDouble() };
			return e;
		}
	}
}
