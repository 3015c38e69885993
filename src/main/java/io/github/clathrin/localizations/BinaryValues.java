package io.github.clathrin.localizations;

import java.nio.ByteBuffer;

/**
 * Numbers of the NumPy-style types that binary localization formats (.smlm, ASDF) declare by name:
 * int8 .. uint64, float32, float64, read at a byte offset in the buffer's byte order.
 */
final class BinaryValues {

	private BinaryValues() {}

	/** Bytes per value, or 0 for a type we do not read. */
	static int size(String dtype) {
		switch (dtype) {
			case "int8": case "uint8": return 1;
			case "int16": case "uint16": return 2;
			case "int32": case "uint32": case "float32": return 4;
			case "int64": case "uint64": case "float64": return 8;
			default: return 0;
		}
	}

	/** The value at byte offset o, as a double (uint64 above 2^63 included). */
	static double read(ByteBuffer b, int o, String dtype) {
		switch (dtype) {
			case "int8": return b.get(o);
			case "uint8": return b.get(o) & 0xff;
			case "int16": return b.getShort(o);
			case "uint16": return b.getShort(o) & 0xffff;
			case "int32": return b.getInt(o);
			case "uint32": return b.getInt(o) & 0xffffffffL;
			case "int64": return b.getLong(o);
			case "uint64": {
				long v = b.getLong(o);
				return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
			}
			case "float32": return b.getFloat(o);
			case "float64": return b.getDouble(o);
			default: throw new IllegalStateException(dtype);
		}
	}
}
