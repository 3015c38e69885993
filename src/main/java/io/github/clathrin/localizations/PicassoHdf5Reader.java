package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.CompoundDataType;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Reads Picasso {@code _locs.hdf5} files: the compound dataset {@code /locs}, x and y in camera
 * pixels, z (3D only) in nm, with the pixel size from the YAML file of the same base name.
 * <p>
 * Every other member of {@code /locs} (frame, photons, group, ...) is kept as a column, so
 * {@code group} of picked files can serve as the structure (ROI) column. A pixel size given by the
 * user ({@code --pixel-size}) wins over the YAML's {@code Pixelsize}; if the two differ the table
 * carries a warning, so the choice is never silent. Without either the read is refused.
 */
public final class PicassoHdf5Reader implements LocalizationReader {

	/** Members of /locs that Picasso writes in camera pixels (besides x and y). */
	private static final List<String> PIXEL_MEMBERS = List.of("sx", "sy", "lpx", "lpy", "std_x", "std_y");

	@Override
	public String formatName() {
		return "Picasso HDF5";
	}

	@Override
	public int detect(Path file, byte[] head) {
		if (Hdf5Layout.signatureOffset(head) < 0) return 0;
		if (Hdf5Layout.of(file) == Hdf5Layout.PICASSO) return 100;
		// a truncated .hdf5 cannot be opened to look inside: still ours, so the read says what is wrong
		if (TextSniffing.hasExtension(file, "hdf5")) return 50;
		return 20; // any other HDF5: read() names the layouts we know
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		progress.report("Reading " + file.getFileName(), 0, 1);
		Map<String, Object> locs = Hdf5Layout.read(file, hdf -> {
			if (Hdf5Layout.find(hdf, "/locs") == null) throw InputException.inFile(file, Hdf5Layout.unknownLayout(hdf));
			Dataset d = Hdf5Layout.dataset(file, hdf, "/locs", "Picasso's table of localizations");
			if (!(d.getDataType() instanceof CompoundDataType))
				throw InputException.inFile(file, "/locs is not a table with named columns (a compound dataset) as Picasso writes it");
			@SuppressWarnings("unchecked")
			Map<String, Object> m = (Map<String, Object>) d.getData();
			return m;
		});
		progress.checkCancelled();
		for (String needed : new String[] { "x", "y" })
			if (!locs.containsKey(needed))
				throw InputException.inFile(file, "/locs has no column '" + needed + "' (expected x and y in camera pixels; columns: "
					+ String.join(", ", locs.keySet()) + ")");

		List<String> warnings = new ArrayList<>();
		double px = pixelSize(file, options, warnings);
		LocalizationTable.Builder table = LocalizationTable.builder(file, formatName());
		table.column(LocalizationTable.X, "nm", scaled(Hdf5Layout.doubles(locs.get("x")), px));
		table.column(LocalizationTable.Y, "nm", scaled(Hdf5Layout.doubles(locs.get("y")), px));
		if (locs.containsKey("z")) table.column(LocalizationTable.Z, "nm", Hdf5Layout.doubles(locs.get("z")));
		for (Map.Entry<String, Object> e : locs.entrySet()) {
			String name = e.getKey();
			if (name.equals("x") || name.equals("y") || name.equals("z")) continue;
			if (!isNumbers(e.getValue())) {
				warnings.add("column '" + name + "' is not numeric and was left out");
				continue;
			}
			table.column(name, PIXEL_MEMBERS.contains(name) ? "px" : "", Hdf5Layout.doubles(e.getValue()));
		}
		warnings.forEach(table::warn);
		progress.report("Reading " + file.getFileName(), 1, 1);
		return TableChecks.withAbsurdWarning(table.build());
	}

	/** The YAML beside a Picasso file: same base name, extension .yaml. */
	static Path yamlOf(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".yaml");
	}

	/** The user's pixel size, else the YAML's {@code Pixelsize}; refused if there is neither. */
	private static double pixelSize(Path file, ReadOptions options, List<String> warnings) throws IOException {
		Path yaml = yamlOf(file);
		TreeSet<Double> inYaml = Files.isRegularFile(yaml) ? yamlPixelSizes(yaml) : new TreeSet<>();
		Double user = options.pixelSizeNm();
		if (user != null) {
			for (double v : inYaml)
				if (Math.abs(v - user) > 1e-9 * Math.max(1, v)) {
					warnings.add(String.format(Locale.ROOT, "pixel size %s nm given by the user was used, not %s nm from %s",
						fmt(user), fmt(v), yaml.getFileName()));
					break;
				}
			return user;
		}
		if (inYaml.isEmpty())
			throw InputException.inFile(file, "Picasso x and y are in camera pixels and "
				+ (Files.isRegularFile(yaml) ? yaml.getFileName() + " gives no Pixelsize" : "there is no " + yaml.getFileName() + " beside it")
				+ ": give the pixel size in nm (--pixel-size)");
		if (inYaml.size() > 1)
			throw InputException.inFile(file, yaml.getFileName() + " gives several pixel sizes " + inYaml
				+ ": choose one with --pixel-size");
		return inYaml.first();
	}

	/**
	 * Every top-level {@code Pixelsize: N} of the YAML's documents (Picasso appends one document per
	 * processing step; Localize writes Pixelsize). Nested keys and {@code Camera.Pixelsize} of the
	 * simulator are not the localization pixel size and are ignored.
	 */
	static TreeSet<Double> yamlPixelSizes(Path yaml) throws IOException {
		TreeSet<Double> sizes = new TreeSet<>();
		List<String> lines = Files.readAllLines(yaml, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (!line.startsWith("Pixelsize:")) continue;
			String value = line.substring("Pixelsize:".length()).trim().replaceAll("^['\"]|['\"]$", "");
			try {
				double v = Double.parseDouble(value);
				if (!(v > 0) || Double.isInfinite(v)) throw new NumberFormatException();
				sizes.add(v);
			} catch (NumberFormatException e) {
				throw InputException.atLine(yaml, i + 1, "Pixelsize '" + value + "' is not a positive number of nm");
			}
		}
		return sizes;
	}

	private static boolean isNumbers(Object column) {
		return column != null && column.getClass().isArray() && column.getClass().getComponentType().isPrimitive();
	}

	private static double[] scaled(double[] v, double factor) {
		for (int i = 0; i < v.length; i++) v[i] *= factor;
		return v;
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}
}
