package io.github.clathrin.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Reads and writes the checked pieces (headers, counts, arrays) of a classifier's binary state. */
final class StateFormat {

	/** Sizes beyond this are treated as corruption rather than allocated. */
	static final int MAX_COUNT = 50_000_000;

	private StateFormat() {}

	/** Writes a tag naming the classifier and its layout version, so a wrong or garbled file fails early. */
	static void writeHeader(DataOutputStream out, String name, int version) throws IOException {
		out.writeUTF(name);
		out.writeInt(version);
	}

	/** Reads and checks the tag written by {@link #writeHeader}. */
	static void readHeader(DataInputStream in, String name, int version) throws IOException {
		String found = in.readUTF();
		if (!found.equals(name))
			throw new IOException("Classifier state is for '" + found + "', expected '" + name + "'");
		int v = in.readInt();
		if (v != version)
			throw new IOException("Unsupported " + name + " state version " + v + " (this build reads " + version + ")");
	}

	/** Reads a count and rejects negative or absurd values. */
	static int readCount(DataInputStream in, String what, int max) throws IOException {
		int n = in.readInt();
		if (n < 0 || n > max)
			throw new IOException("Corrupt classifier state: " + what + " = " + n + " (expected 0.." + max + ")");
		return n;
	}

	static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
		out.writeInt(values.length);
		for (double v : values)
			out.writeDouble(v);
	}

	static double[] readDoubles(DataInputStream in, String what) throws IOException {
		double[] values = new double[readCount(in, what + " length", MAX_COUNT)];
		for (int i = 0; i < values.length; i++)
			values[i] = in.readDouble();
		return values;
	}

	/** Reads an array that must have exactly {@code length} entries. */
	static double[] readDoubles(DataInputStream in, String what, int length) throws IOException {
		double[] values = readDoubles(in, what);
		if (values.length != length)
			throw new IOException("Corrupt classifier state: " + what + " has " + values.length + " values, expected " + length);
		return values;
	}
}
