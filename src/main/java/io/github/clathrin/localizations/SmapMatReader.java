package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Reads SMAP {@code _sml.mat} localization files, which MATLAB saves as v7.3 MAT-files (HDF5 behind
 * a 512-byte user block): the struct {@code saveloc.loc} holds one vector per field.
 * <p>
 * {@code xnm, ynm, znm} (already in nm) become x, y, z; every other numeric field of the same length
 * ({@code frame}, {@code phot}, {@code locprecnm}, {@code xpix}, ...) is kept under its name. A
 * {@code znm} that is 0 everywhere gives a 2D table. MAT v5 files are not HDF5 and are left to the
 * MAT v5 reader.
 */
public final class SmapMatReader implements LocalizationReader {

	private static final String LOC = "/saveloc/loc";

	@Override
	public String formatName() {
		return "SMAP MAT v7.3";
	}

	@Override
	public int detect(Path file, byte[] head) {
		if (Hdf5Layout.isMat73(head)) return 100; // the HDF5 signature follows at 512, or the file is damaged
		long offset = Hdf5Layout.signatureOffset(head);
		if (offset < 0) return 0;
		if (Hdf5Layout.of(file) == Hdf5Layout.SMAP) return 100;
		return offset > 0 && TextSniffing.hasExtension(file, "mat") ? 50 : 0;
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		return Hdf5Layout.readTable(file, progress, hdf -> table(file, hdf));
	}

	private LocalizationTable table(Path file, HdfFile hdf) {
		if (Hdf5Layout.find(hdf, "/saveloc") == null)
			throw InputException.inFile(file, "a MATLAB v7.3 MAT-file without the variable saveloc: not an SMAP "
				+ "localization file (expected " + LOC + " with xnm, ynm, znm, frame); the file holds " + Hdf5Layout.describe(hdf));
		Group loc = Hdf5Layout.group(file, hdf, LOC, "SMAP's struct of localization fields");
		double[] x = field(file, hdf, "xnm"), y = field(file, hdf, "ynm");
		int n = x.length;
		if (y.length != n)
			throw InputException.inFile(file, LOC + "/ynm has " + y.length + " values but xnm has " + n);
		Node zNode = loc.getChildren().get("znm");
		double[] z = zNode == null ? null : field(file, hdf, "znm");
		if (z != null && z.length != n)
			throw InputException.inFile(file, LOC + "/znm has " + z.length + " values but xnm has " + n);

		LocalizationTable.Builder table = LocalizationTable.builder(file, formatName());
		table.column(LocalizationTable.X, "nm", x).column(LocalizationTable.Y, "nm", y);
		if (z != null && !TableChecks.allZero(z)) table.column(LocalizationTable.Z, "nm", z);
		else if (n > 0) table.warn(z == null ? "no znm field: read as 2D" : "znm is 0 for every localization: read as 2D");
		for (Node node : loc.getChildren().values()) {
			String name = node.getName();
			if (name.equals("xnm") || name.equals("ynm") || name.equals("znm")) continue;
			if (!(node instanceof Dataset d) || d.getSize() != n || !Hdf5Layout.isNumeric(d.getJavaType())) continue;
			table.column(name, unitOf(name), Hdf5Layout.doubles(d.getData()));
		}
		return table.build();
	}

	/** One field of saveloc.loc as a vector; MATLAB stores it as 1 x N or N x 1. */
	private static double[] field(Path file, HdfFile hdf, String name) {
		Dataset d = Hdf5Layout.dataset(file, hdf, LOC + "/" + name, "SMAP stores x, y, z in nm as xnm, ynm, znm");
		int[] dims = d.getDimensions();
		if (dims.length > 2 || (dims.length == 2 && dims[0] != 1 && dims[1] != 1) || !Hdf5Layout.isNumeric(d.getJavaType()))
			throw InputException.inFile(file, LOC + "/" + name + " is not a numeric vector (shape "
				+ java.util.Arrays.toString(dims) + ")");
		return Hdf5Layout.doubles(d.getData());
	}

	private static String unitOf(String name) {
		if (name.endsWith("nm") || name.endsWith("nmerr")) return "nm";
		if (name.endsWith("pix") || name.endsWith("pixerr")) return "px";
		return "";
	}
}
