package io.github.clathrin.encoders;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The binary layout shared by the encoders' learned state: a tag and version first, then big-endian
 * ints and length-prefixed double arrays, with every read checked so a bad file fails clearly. Public for
 * encoders outside this package that hold other encoders ({@code pipeline.AutomaticChoice}).
 */
public final class EncoderState {

	private EncoderState() {}

	public static void writeHeader(DataOutputStream out, String tag, int version) throws IOException {
		out.writeUTF(tag);
		out.writeInt(version);
	}

	/** Reads and checks the header; returns the version. */
	public static int readHeader(DataInputStream in, String tag, int maxVersion) throws IOException {
		String found;
		int version;
		try {
			found = in.readUTF();
			version = in.readInt();
		} catch (EOFException e) {
			throw new IOException(tag + " encoder state is empty or truncated", e);
		}
		if (!found.equals(tag)) throw new IOException("expected " + tag + " encoder state, found '" + found + "'");
		if (version < 1 || version > maxVersion)
			throw new IOException(tag + " encoder state version " + version + " is newer than this software (max " + maxVersion + ")");
		return version;
	}

	static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
		out.writeInt(values.length);
		// One bulk write: DataOutputStream.writeDouble per value is slow for millions of values.
		ByteBuffer b = ByteBuffer.allocate(8 * Math.min(values.length, 1 << 16));
		for (int i = 0; i < values.length; ) {
			b.clear();
			int chunk = Math.min(values.length - i, b.capacity() / 8);
			b.asDoubleBuffer().put(values, i, chunk);
			out.write(b.array(), 0, chunk * 8);
			i += chunk;
		}
	}

	static double[] readDoubles(DataInputStream in, int expected, String what) throws IOException {
		int n = readSize(in, what + " length", Integer.MAX_VALUE - 8);
		if (n != expected) throw new IOException(what + ": state holds " + n + " values, expected " + expected);
		double[] out = new double[n];
		byte[] buf = new byte[8 * Math.min(Math.max(n, 1), 1 << 16)];
		for (int i = 0; i < n; ) {
			int chunk = Math.min(n - i, buf.length / 8);
			try {
				in.readFully(buf, 0, chunk * 8);
			} catch (EOFException e) {
				throw new IOException(what + ": encoder state is truncated after " + i + " of " + n + " values", e);
			}
			ByteBuffer.wrap(buf, 0, chunk * 8).asDoubleBuffer().get(out, i, chunk);
			i += chunk;
		}
		return out;
	}

	public static int readSize(DataInputStream in, String what, int max) throws IOException {
		int n;
		try {
			n = in.readInt();
		} catch (EOFException e) {
			throw new IOException(what + ": encoder state is truncated", e);
		}
		if (n < 0 || n > max) throw new IOException(what + ": bad value " + n + " in encoder state");
		return n;
	}

	/** Writes one part's state (a nested encoder's or classifier's). */
	public interface PartWriter {
		void write(DataOutputStream out) throws IOException;
	}

	/**
	 * Writes a part's state length-prefixed, so the reader of one part can never run into the next part's
	 * bytes; read back with {@link #readNested}.
	 */
	public static void writeNested(DataOutputStream out, PartWriter writer) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream part = new DataOutputStream(bytes)) {
			writer.write(part);
		}
		out.writeInt(bytes.size());
		bytes.writeTo(out);
	}

	/** The bytes of a part written by {@link #writeNested}. */
	public static byte[] readNested(DataInputStream in, String what) throws IOException {
		byte[] bytes = new byte[readSize(in, what + " state length", Integer.MAX_VALUE - 8)];
		try {
			in.readFully(bytes);
		} catch (EOFException e) {
			throw new IOException(what + ": encoder state is truncated", e);
		}
		return bytes;
	}
}
