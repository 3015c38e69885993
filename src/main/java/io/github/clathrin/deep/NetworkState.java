package io.github.clathrin.deep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The binary state of a deep encoder: a header (magic, encoder name, format version, grid), then the
 * network as DL4J's ModelSerializer writes it (configuration JSON and weights, without the optimizer's
 * state, which only continued training would need), length-prefixed and followed by its CRC-32 so a
 * cut-off or damaged model file fails with a clear message instead of a confusing one from inside DL4J.
 */
final class NetworkState {

	/** "CLDN": Clathrin deep network. */
	static final int MAGIC = 0x434C444E;
	static final int VERSION = 1;

	/** The network and the grid it was trained on. */
	record Loaded(MultiLayerNetwork net, int nx, int ny, int nz) {}

	private NetworkState() {}

	static void write(DataOutputStream out, String name, int nx, int ny, int nz, MultiLayerNetwork net) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ModelSerializer.writeModel(net, bytes, false);
		byte[] model = bytes.toByteArray();
		CRC32 crc = new CRC32();
		crc.update(model);
		out.writeInt(MAGIC);
		out.writeUTF(name);
		out.writeInt(VERSION);
		out.writeInt(nx);
		out.writeInt(ny);
		out.writeInt(nz);
		out.writeInt(model.length);
		out.write(model);
		out.writeLong(crc.getValue());
	}

	static Loaded read(DataInputStream in, String name) throws IOException {
		try {
			int magic = in.readInt();
			if (magic != MAGIC)
				throw new IOException("not a deep encoder state (it starts with 0x" + Integer.toHexString(magic) + "): the model file is "
					+ "damaged or was not written by this software");
			String found = in.readUTF();
			if (!found.equals(name)) throw new IOException("expected " + name + " encoder state, found '" + found + "'");
			int version = in.readInt();
			if (version < 1 || version > VERSION)
				throw new IOException(name + " encoder state version " + version + " is not one this software reads (1 to " + VERSION + ")");
			int nx = in.readInt(), ny = in.readInt(), nz = in.readInt();
			if (nx < 1 || ny < 1 || nz < 1 || nx > 256 || ny > 256 || nz > 256)
				throw new IOException(name + " encoder state has a bad grid " + nx + "x" + ny + "x" + nz);
			int length = in.readInt();
			if (length < 1) throw new IOException(name + " encoder state has a bad network length " + length);
			// readNBytes grows its buffer as data arrives, so a corrupt length cannot allocate gigabytes up front.
			byte[] model = in.readNBytes(length);
			if (model.length < length)
				throw new IOException(name + " encoder state is truncated: " + model.length + " of " + length + " network bytes");
			long expected = in.readLong();
			CRC32 crc = new CRC32();
			crc.update(model);
			if (crc.getValue() != expected) throw new IOException(name + " encoder state is corrupt: the network's checksum does not match");
			return new Loaded(restore(model, name), nx, ny, nz);
		} catch (EOFException e) {
			throw new IOException(name + " encoder state is empty or truncated", e);
		}
	}

	private static MultiLayerNetwork restore(byte[] model, String name) throws IOException {
		try {
			return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), false);
		} catch (IOException | RuntimeException e) {
			throw new IOException(name + " encoder state holds a network DL4J cannot read: " + e.getMessage(), e);
		}
	}
}
