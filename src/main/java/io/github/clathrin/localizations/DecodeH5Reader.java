package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Reads DECODE {@code .h5} emitter sets: {@code /data/xyz} (N x 3) with x, y in the unit of the
 * {@code /meta} attribute {@code xy_unit} ("px" or "nm") and z in nm.
 * <p>
 * Pixels become nm with {@code /meta} {@code px_size} = (x, y) in nm, which may differ between x
 * and y; a pixel size given by the user wins for both, with a warning if it differs. Every other
 * per-emitter dataset of {@code /data} is kept: 1D ones under their name ({@code frame_ix},
 * {@code phot}, {@code prob}, ...), N x 3 ones as three columns ({@code xyz_sig} becomes
 * {@code x_sig, y_sig, z_sig}, scaled like xyz). Empty scalar placeholders are skipped.
 */
public final class DecodeH5Reader implements LocalizationReader {

	@Override
	public String formatName() {
		return "DECODE HDF5";
	}

	@Override
	public int detect(Path file, byte[] head) {
		if (Hdf5Layout.signatureOffset(head) < 0) return 0;
		if (Hdf5Layout.of(file) == Hdf5Layout.DECODE) return 100;
		return TextSniffing.hasExtension(file, "h5") ? 50 : 0; // a truncated .h5: the read says what is wrong
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		return Hdf5Layout.readTable(file, progress, hdf -> table(file, hdf, options));
	}

	private LocalizationTable table(Path file, HdfFile hdf, ReadOptions options) {
		if (Hdf5Layout.find(hdf, "/data") == null && Hdf5Layout.find(hdf, "/locs") == null
			&& Hdf5Layout.find(hdf, "/saveloc") == null)
			throw InputException.inFile(file, Hdf5Layout.unknownLayout(hdf));
		Group data = Hdf5Layout.group(file, hdf, "/data", "DECODE keeps its emitters there");
		Dataset xyz = Hdf5Layout.dataset(file, hdf, "/data/xyz", "DECODE's N x 3 positions x, y, z");
		int[] dims = xyz.getDimensions();
		if (dims.length != 2 || dims[1] != 3)
			throw InputException.inFile(file, "/data/xyz has shape " + java.util.Arrays.toString(dims)
				+ ", expected N x 3 (x, y, z)");
		int n = dims[0];

		LocalizationTable.Builder table = LocalizationTable.builder(file, formatName());
		double[] scale = xyScale(file, hdf, options, table);
		double[][] pos = columnsOf(Hdf5Layout.doubles(xyz.getData()), n, 3);
		boolean is3D = !TableChecks.allZero(pos[2]);
		table.column(LocalizationTable.X, "nm", scaled(pos[0], scale[0]));
		table.column(LocalizationTable.Y, "nm", scaled(pos[1], scale[1]));
		if (is3D) table.column(LocalizationTable.Z, "nm", pos[2]);
		else if (n > 0) table.warn("z is 0 for every emitter: read as 2D");

		for (Node node : data.getChildren().values()) {
			if (!(node instanceof Dataset d) || node.getName().equals("xyz")) continue;
			int[] s = d.getDimensions();
			if (s.length == 0 || s[0] != n || !Hdf5Layout.isNumeric(d.getJavaType())) continue; // per-set scalars
			double[] values = Hdf5Layout.doubles(d.getData());
			if (s.length == 1) {
				table.column(d.getName(), "", values);
			} else if (s.length == 2 && s[1] == 3 && d.getName().startsWith("xyz_")) {
				String suffix = d.getName().substring(3); // "_sig", "_cr"
				double[][] c = columnsOf(values, n, 3);
				table.column("x" + suffix, "nm", scaled(c[0], scale[0])).column("y" + suffix, "nm", scaled(c[1], scale[1]));
				if (is3D) table.column("z" + suffix, "nm", c[2]);
			} else if (s.length == 2) {
				double[][] c = columnsOf(values, n, s[1]);
				for (int k = 0; k < s[1]; k++) table.column(d.getName() + "_" + k, "", c[k]);
			}
		}
		return table.build();
	}

	/** Factors from the x and y unit of the file to nm. */
	private static double[] xyScale(Path file, HdfFile hdf, ReadOptions options, LocalizationTable.Builder table) {
		Node meta = Hdf5Layout.find(hdf, "/meta");
		Attribute unitAttr = meta == null ? null : meta.getAttribute("xy_unit");
		String unit = unitAttr == null ? null : String.valueOf(unitAttr.getData()).trim();
		if (unit == null)
			throw InputException.inFile(file, "no /meta attribute xy_unit: DECODE states there whether x and y are in px or nm");
		if (unit.equalsIgnoreCase("nm")) return new double[] { 1, 1 };
		if (!unit.equalsIgnoreCase("px"))
			throw InputException.inFile(file, "/meta xy_unit is '" + unit + "', expected 'px' or 'nm'");
		Attribute sizeAttr = meta.getAttribute("px_size");
		double[] fromFile = null;
		if (sizeAttr != null && Hdf5Layout.isNumeric(sizeAttr.getJavaType())) {
			double[] v = Hdf5Layout.doubles(sizeAttr.getData());
			if (v.length == 1) fromFile = new double[] { v[0], v[0] };
			else if (v.length == 2) fromFile = v;
		}
		Double user = options.pixelSizeNm();
		if (user != null) {
			if (fromFile != null && (fromFile[0] != user || fromFile[1] != user))
				table.warn(String.format(Locale.ROOT, "pixel size %s nm given by the user was used, not %s x %s nm from /meta px_size",
					user, fromFile[0], fromFile[1]));
			return new double[] { user, user };
		}
		if (fromFile == null)
			throw InputException.inFile(file, "x and y are in pixels but /meta has no px_size (x, y in nm): "
				+ "give the pixel size in nm (--pixel-size)");
		if (!(fromFile[0] > 0) || !(fromFile[1] > 0))
			throw InputException.inFile(file, "/meta px_size " + fromFile[0] + " x " + fromFile[1]
				+ " is not a pixel size in nm: give one (--pixel-size)");
		return fromFile;
	}

	/** Splits a row-major N x k array into k columns. */
	private static double[][] columnsOf(double[] flat, int n, int k) {
		double[][] c = new double[k][n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < k; j++) c[j][i] = flat[i * k + j];
		return c;
	}

	private static double[] scaled(double[] v, double factor) {
		for (int i = 0; i < v.length; i++) v[i] *= factor;
		return v;
	}
}
