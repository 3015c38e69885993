package io.github.clathrin.localizations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.task.ZipEntrySize;

/**
 * Reads the {@code .smlm} ZIP format (ShareLoc, locan): a {@code manifest.json} whose {@code formats}
 * section gives each table's column headers, dtypes, shapes and units, and binary tables packed row by
 * row, little-endian.
 * <p>
 * {@code position_x}, {@code position_y}, {@code position_z} (or {@code x}, {@code y}, {@code z})
 * become x, y, z in nm. A coordinate's unit comes from the format's {@code units}, else from locan's
 * {@code locdata_meta.unit} list, else from {@link ReadOptions#units()}; without any the file is
 * refused. Several tables of one format are concatenated with a {@code table} column.
 */
public final class SmlmZipReader implements LocalizationReader {

	private static final String MANIFEST = "manifest.json";
	/** Largest manifest we parse; real ones are a few kB. */
	private static final int MAX_MANIFEST = 16 << 20;

	/** One column of a binary table format. */
	private record Col(String header, String name, String dtype, int size, int count, String unit) {}

	@Override
	public String formatName() {
		return "SMLM ZIP";
	}

	@Override
	public int detect(Path file, byte[] head) {
		boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
		return zip && TextSniffing.hasExtension(file, "smlm") ? 100 : 0;
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			JsonObject manifest = manifest(file, zip);
			JsonObject formats = object(manifest, "formats");
			JsonArray files = manifest.has("files") && manifest.get("files").isJsonArray() ? manifest.getAsJsonArray("files") : null;
			if (formats == null || files == null)
				throw InputException.inFile(file, "manifest.json has no 'formats' object or no 'files' list");
			List<String> metaUnits = metaUnits(manifest);

			List<Col> columns = null;
			String formatKey = null;
			List<double[][]> parts = new ArrayList<>();
			List<Integer> partRows = new ArrayList<>();
			int total = 0;
			for (JsonElement fe : files) {
				if (!fe.isJsonObject()) continue;
				JsonObject fi = fe.getAsJsonObject();
				if (!"table".equals(string(fi, "type"))) continue;
				String key = string(fi, "format");
				JsonObject format = key == null ? null : object(formats, key);
				if (format == null) throw InputException.inFile(file, "manifest.json: table " + string(fi, "name")
					+ " names format '" + key + "', which the 'formats' section does not describe");
				if (!"binary".equals(string(format, "mode")))
					throw InputException.inFile(file, "manifest.json: format '" + key + "' has mode '" + string(format, "mode")
						+ "'; only binary tables are supported");
				List<Col> cols = columns(file, key, format, metaUnits);
				if (columns == null) {
					columns = cols;
					formatKey = key;
				} else if (!cols.equals(columns))
					throw InputException.inFile(file, "tables of different formats ('" + formatKey + "', '" + key
						+ "') cannot be read as one table");
				int rows = intValue(file, fi, "rows");
				parts.add(table(file, zip, string(fi, "name"), cols, rows, progress));
				partRows.add(rows);
				if ((long) total + rows > Integer.MAX_VALUE - 8)
					throw InputException.inFile(file, "manifest.json announces more than " + (Integer.MAX_VALUE - 8)
						+ " rows in all, more than one table can hold");
				total += rows;
			}
			if (columns == null) throw InputException.inFile(file, "manifest.json lists no table file");

			int width = 0;
			for (Col c : columns) width += c.count();
			double[][] all = new double[width][total];
			double[] tableIndex = new double[total];
			int at = 0;
			for (int p = 0; p < parts.size(); p++) {
				for (int c = 0; c < width; c++) System.arraycopy(parts.get(p)[c], 0, all[c], at, partRows.get(p));
				for (int r = 0; r < partRows.get(p); r++) tableIndex[at + r] = p;
				at += partRows.get(p);
			}

			LocalizationTable.Builder table = LocalizationTable.builder(file, formatName());
			// Two headers may name one column ("x" and "position_x"): later ones get a suffix.
			String[] names = new String[width];
			int c = 0;
			for (Col col : columns)
				for (int k = 0; k < col.count(); k++) names[c++] = col.count() == 1 ? col.name() : col.name() + "_" + k;
			names = RapidStormReader.uniqueNames(names);
			c = 0;
			for (Col col : columns) {
				boolean coordinate = col.name().equals("x") || col.name().equals("y") || col.name().equals("z");
				for (int k = 0; k < col.count(); k++, c++) {
					String name = names[c];
					double[] v = all[c];
					if (coordinate && col.count() == 1) {
						double s = scale(file, col, options);
						if (s != 1) for (int i = 0; i < v.length; i++) v[i] *= s;
						table.column(name, "nm", v);
					} else table.column(name, col.unit(), v);
				}
			}
			if (parts.size() > 1) table.column("table", "", tableIndex).warn(parts.size() + " tables concatenated; column 'table' says which");
			if (total == 0) table.warn("the tables have no rows");
			return TableChecks.withAbsurdWarning(table.build());
		} catch (ZipException | java.io.EOFException e) {
			// ZipFile's constructor throws EOFException, not ZipException, when the end record is cut off.
			throw InputException.inFile(file, "damaged or truncated ZIP archive (" + e.getMessage() + ")");
		}
	}

	private static JsonObject manifest(Path file, ZipFile zip) throws IOException {
		ZipEntry entry = zip.getEntry(MANIFEST);
		if (entry == null) throw InputException.inFile(file, "no manifest.json in this .smlm archive");
		byte[] bytes;
		try (InputStream in = zip.getInputStream(entry)) {
			bytes = in.readNBytes(MAX_MANIFEST);
		} catch (ZipException | java.io.EOFException e) {
			throw InputException.inFile(file, "manifest.json is damaged or truncated (" + e.getMessage() + ")");
		}
		try {
			JsonElement json = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
			if (!json.isJsonObject()) throw InputException.inFile(file, "manifest.json is not a JSON object");
			return json.getAsJsonObject();
		} catch (RuntimeException e) {
			if (e instanceof InputException ie) throw ie;
			throw InputException.inFile(file, "manifest.json is not valid JSON: " + e.getMessage());
		}
	}

	private static List<Col> columns(Path file, String key, JsonObject format, List<String> metaUnits) {
		List<String> headers = strings(format, "headers");
		List<String> dtypes = strings(format, "dtype");
		List<String> shapes = strings(format, "shape");
		List<String> units = strings(format, "units");
		if (headers == null || dtypes == null || headers.size() != dtypes.size() || headers.isEmpty())
			throw InputException.inFile(file, "manifest.json: format '" + key + "' needs 'headers' and 'dtype' lists of one length");
		List<Col> out = new ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			String h = headers.get(i);
			int size = BinaryValues.size(dtypes.get(i));
			if (size == 0) throw InputException.inFile(file, "manifest.json: column '" + h + "' has dtype '" + dtypes.get(i)
				+ "' (expected int8..int64, uint8..uint64, float32, float64)");
			int count = 1;
			if (shapes != null && i < shapes.size()) {
				try {
					count = Integer.parseInt(shapes.get(i).trim());
				} catch (NumberFormatException e) {
					count = -1;
				}
				if (count < 1 || count > 1 << 16)
					throw InputException.inFile(file, "manifest.json: column '" + h + "' has shape '" + shapes.get(i) + "'");
			}
			String unit = units != null && i < units.size() ? units.get(i).trim() : "";
			String name = columnName(h);
			if (unit.isEmpty() && metaUnits != null) unit = metaUnit(metaUnits, h);
			out.add(new Col(h, name, dtypes.get(i).toLowerCase(Locale.ROOT), size, count, unit));
		}
		return out;
	}

	/** Reads one packed table: rows of all columns, each row {@code sum(size * count)} bytes. */
	private static double[][] table(Path file, ZipFile zip, String name, List<Col> cols, int rows, Progress progress)
		throws IOException
	{
		ZipEntry entry = name == null ? null : zip.getEntry(name);
		if (entry == null) throw InputException.inFile(file, "manifest.json lists table '" + name + "', which is not in the archive");
		int rowBytes = 0, width = 0;
		for (Col c : cols) {
			rowBytes += c.size() * c.count();
			width += c.count();
		}
		// The manifest's row count is checked against what the entry can hold before allocating for it.
		long declared = (long) rows * rowBytes, most = ZipEntrySize.mostBytes(entry);
		if (declared > most) {
			long complete = most / rowBytes;
			throw InputException.atRecord(file, complete + 1, name + " ends inside this row: manifest.json announces "
				+ rows + " rows of " + rowBytes + " bytes but the entry holds at most " + most + " bytes, " + complete
				+ " complete rows (truncated file, or wrong dtypes?)");
		}
		double[][] out = new double[width][rows];
		byte[] buf = new byte[rowBytes * 4096];
		ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
		try (InputStream in = zip.getInputStream(entry)) {
			int r = 0;
			while (r < rows) {
				progress.checkCancelled();
				int want = Math.min(4096, rows - r);
				int got = in.readNBytes(buf, 0, want * rowBytes);
				int complete = got / rowBytes;
				for (int k = 0; k < complete; k++) {
					int o = k * rowBytes, c = 0;
					for (Col col : cols)
						for (int e = 0; e < col.count(); e++, o += col.size()) out[c++][r + k] = BinaryValues.read(bb, o, col.dtype());
				}
				r += complete;
				if (complete < want)
					throw InputException.atRecord(file, r + 1, name + " ends inside this row: manifest.json announces " + rows
						+ " rows of " + rowBytes + " bytes but only " + r + " are complete (truncated file?)");
				progress.report("Reading " + file.getFileName(), r, rows);
			}
			if (in.read() >= 0) throw InputException.inFile(file, name + " is longer than the " + rows
				+ " rows that manifest.json announces: the dtypes or the row count are wrong");
		} catch (ZipException | java.io.EOFException e) {
			throw InputException.inFile(file, name + " is damaged or truncated (" + e.getMessage() + ")");
		}
		return out;
	}

	private static double scale(Path file, Col col, ReadOptions options) {
		LengthUnit unit;
		if (!col.unit().isEmpty()) {
			unit = LengthUnit.parse(col.unit());
			if (unit == null) throw InputException.inFile(file, "column '" + col.header() + "' has unit '" + col.unit()
				+ "', which is not a length (nm, um, m or px)");
		} else if (options.units() != null) unit = options.units();
		else throw InputException.inFile(file, "column '" + col.header()
			+ "' does not say its unit in manifest.json: state the units (--units nm|px|um|m)");
		try {
			return unit.toNm(options.pixelSizeNm());
		} catch (IllegalArgumentException e) {
			throw InputException.inFile(file, "column '" + col.header() + "' is in pixels: give the pixel size in nm (--pixel-size)");
		}
	}

	static String columnName(String header) {
		String c = ColumnHeader.canonical(header);
		switch (c) {
			case "x": case "position_x": return "x";
			case "y": case "position_y": return "y";
			case "z": case "position_z": return "z";
			default: return c.isEmpty() ? "column" : c;
		}
	}

	/** locan writes {@code locdata_meta.unit = [{property, unit}, ...]}; null if absent. */
	private static List<String> metaUnits(JsonObject manifest) {
		JsonObject meta = object(manifest, "locdata_meta");
		if (meta == null || !meta.has("unit") || !meta.get("unit").isJsonArray()) return null;
		List<String> out = new ArrayList<>();
		for (JsonElement e : meta.getAsJsonArray("unit")) {
			if (!e.isJsonObject()) continue;
			String p = string(e.getAsJsonObject(), "property"), u = string(e.getAsJsonObject(), "unit");
			if (p != null && u != null) {
				out.add(p);
				out.add(u);
			}
		}
		return out;
	}

	private static String metaUnit(List<String> pairs, String header) {
		for (int i = 0; i + 1 < pairs.size(); i += 2)
			if (pairs.get(i).equals(header)) return pairs.get(i + 1).trim();
		return "";
	}

	private static JsonObject object(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
	}

	private static String string(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
	}

	private static List<String> strings(JsonObject o, String key) {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonArray()) return null;
		List<String> out = new ArrayList<>();
		for (JsonElement x : e.getAsJsonArray()) out.add(x.isJsonPrimitive() ? x.getAsString() : String.valueOf(x));
		return out;
	}

	private static int intValue(Path file, JsonObject o, String key) {
		String s = string(o, key);
		try {
			int v = Integer.parseInt(s == null ? "" : s.trim());
			if (v < 0) throw new NumberFormatException();
			return v;
		} catch (NumberFormatException e) {
			throw InputException.inFile(file, "manifest.json: '" + key + "' of table " + string(o, "name")
				+ " is '" + s + "', not a row count");
		}
	}
}
