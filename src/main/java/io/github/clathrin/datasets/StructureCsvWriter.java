package io.github.clathrin.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes simulated localizations as ThunderSTORM CSV, straight to bytes: String.format would make
 * writing a million rows take many seconds.
 */
final class StructureCsvWriter {

	static final String HEADER = "\"id\",\"frame\",\"x [nm]\",\"y [nm]\",\"z [nm]\",\"sigma [nm]\","
		+ "\"intensity [photon]\",\"uncertainty_xy [nm]\",\"uncertainty_z [nm]\"";
	static final String ROI_HEADER = HEADER + ",\"roi\"";

	private final OutputStream out;
	private final byte[] buffer = new byte[1 << 16];
	private int used;
	private long nextId = 1;

	StructureCsvWriter(OutputStream out, boolean withRoi) throws IOException {
		this.out = out;
		text(withRoi ? ROI_HEADER : HEADER);
		text("\n");
	}

	/** Appends the structure's rows; {@code roi} <= 0 writes no roi column. */
	void rows(Localizations l, int roi) throws IOException {
		for (int i = 0; i < l.size(); i++) {
			if (used > buffer.length - 256) flush();
			integer(nextId++);
			comma();
			integer(l.frame()[i]);
			comma();
			fixed(l.x()[i], 2);
			comma();
			fixed(l.y()[i], 2);
			comma();
			fixed(l.z()[i], 2);
			comma();
			fixed(l.psfSigma()[i], 1);
			comma();
			fixed(l.photons()[i], 1);
			comma();
			fixed(l.uncertaintyXy()[i], 2);
			comma();
			fixed(l.uncertaintyZ()[i], 2);
			if (roi > 0) {
				comma();
				integer(roi);
			}
			buffer[used++] = '\n';
		}
	}

	void flush() throws IOException {
		out.write(buffer, 0, used);
		used = 0;
	}

	private void comma() {
		buffer[used++] = ',';
	}

	private void text(String s) throws IOException {
		flush();
		out.write(s.getBytes(StandardCharsets.US_ASCII));
	}

	private void integer(long v) {
		if (v < 0) {
			buffer[used++] = '-';
			v = -v;
		}
		int start = used;
		do {
			buffer[used++] = (byte) ('0' + v % 10);
			v /= 10;
		}
		while (v > 0);
		for (int i = start, j = used - 1; i < j; i++, j--) {
			byte t = buffer[i];
			buffer[i] = buffer[j];
			buffer[j] = t;
		}
	}

	/** Fixed-point with the given decimals, rounded half up; locale-free by construction. */
	private void fixed(double v, int decimals) {
		if (!Double.isFinite(v)) {
			for (byte b : Double.toString(v).getBytes(StandardCharsets.US_ASCII)) buffer[used++] = b;
			return;
		}
		long scale = decimals == 1 ? 10 : 100;
		long m = Math.round(Math.abs(v) * scale);
		if (v < 0 && m != 0) buffer[used++] = '-';
		integer(m / scale);
		buffer[used++] = '.';
		long frac = m % scale;
		if (decimals == 2) {
			buffer[used++] = (byte) ('0' + frac / 10);
			buffer[used++] = (byte) ('0' + frac % 10);
		}
		else buffer[used++] = (byte) ('0' + frac);
	}
}
