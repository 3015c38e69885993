package io.github.clathrin.localizations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.clathrin.localizations.ColumnHeader.Role;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * The steps shared by the text readers: title line, column roles and units, fast body parse, and
 * conversion of x, y, z to nm.
 */
final class TextTableReading {

	private TextTableReading() {}

	/**
	 * Reads a delimited text table.
	 *
	 * @param formatStatedUnit unit that the format itself documents for untitled coordinates (the
	 *        N-STORM export is always nm), or null
	 */
	static LocalizationTable read(Path file, String format, ReadOptions options, Progress progress,
		LengthUnit formatStatedUnit) throws IOException
	{
		HeaderLine header = HeaderLine.read(file);
		if (header == null) throw InputException.inFile(file, "the file holds no table (only blank or '#' comment lines)");
		if (options.columns() != null) header = namedByUser(file, header, options.columns());
		List<ColumnHeader> columns = columnsOf(file, header);
		double[] toNm = coordinateScales(file, columns, options, formatStatedUnit);
		DelimitedBodyParser.Result body = new DelimitedBodyParser(file, header, columns).parse(header.dataOffset(), progress);

		LocalizationTable.Builder table = LocalizationTable.builder(file, format);
		for (int c = 0; c < columns.size(); c++) {
			ColumnHeader h = columns.get(c);
			double[] v = body.columns()[c];
			if (h.role() == Role.OTHER) {
				table.column(h.name(), h.unit(), v);
				continue;
			}
			if (toNm[c] != 1) for (int i = 0; i < v.length; i++) v[i] *= toNm[c];
			if (h.role() == Role.Z && TableChecks.allZero(v)) {
				table.warn("column '" + h.label() + "' is 0 in every row: read as 2D");
				continue;
			}
			table.column(h.name(), LengthUnit.NM.symbol(), v);
		}
		if (body.note() != null) table.warn(body.note());
		if (body.rows() == 0) table.warn("the table has column titles but no rows");
		return TableChecks.withAbsurdWarning(table.build());
	}

	/** Titles to column headers: first x/y/z wins, later look-alikes become ordinary columns; names unique. */
	static List<ColumnHeader> columnsOf(Path file, HeaderLine header) {
		List<ColumnHeader> out = new ArrayList<>();
		Set<Role> taken = EnumSet.noneOf(Role.class);
		Set<String> names = new HashSet<>();
		boolean anyTitle = false;
		for (int i = 0; i < header.titles().size(); i++) {
			String title = header.titles().get(i);
			ColumnHeader h = ColumnHeader.parse(title);
			if (h.role() != Role.OTHER && !taken.add(h.role())) h = h.asOther();
			String name = h.name().isEmpty() ? "column_" + (i + 1) : h.name();
			if (isNumber(title)) name = "column_" + (i + 1);
			else anyTitle = true;
			String unique = name;
			for (int k = 2; !names.add(unique.toLowerCase(Locale.ROOT)); k++) unique = name + "_" + k;
			out.add(new ColumnHeader(h.label(), unique, h.unit(), h.role()));
		}
		if (!taken.contains(Role.X) || !taken.contains(Role.Y)) {
			if (!anyTitle)
				throw InputException.inFile(file, "no x and y columns: line " + header.lineNumber() + " holds numbers, "
					+ "not column titles; name the columns in file order with --columns (e.g. --columns x,y,z "
					+ "or --columns trace,t,x,y,z) and give --units");
			throw InputException.inFile(file, "no x and y columns: the column titles ("
				+ shorten(String.join(", ", header.titles()))
				+ ") name no x and y column (expected titles such as x, X (nm), x [nm] or Position X [nm])");
		}
		return out;
	}

	/** Factor to nm per column (1 for non-coordinates); refuses coordinates of unknown unit. */
	private static double[] coordinateScales(Path file, List<ColumnHeader> columns, ReadOptions options,
		LengthUnit formatStatedUnit)
	{
		double[] scale = new double[columns.size()];
		for (int c = 0; c < scale.length; c++) {
			ColumnHeader h = columns.get(c);
			scale[c] = 1;
			if (h.role() == Role.OTHER) continue;
			LengthUnit unit;
			if (!h.unit().isEmpty()) {
				unit = LengthUnit.parse(h.unit());
				if (unit == null)
					throw InputException.inFile(file, "column '" + h.label() + "' has unit '" + h.unit()
						+ "', which is not a length (nm, um, m or px)");
			} else if (options.units() != null) unit = options.units();
			else if (formatStatedUnit != null) unit = formatStatedUnit;
			else throw InputException.inFile(file, "column '" + h.label()
				+ "' does not say its unit: state the units (--units nm|px|um|m)");
			try {
				scale[c] = unit.toNm(options.pixelSizeNm());
			} catch (IllegalArgumentException e) {
				throw InputException.inFile(file, "column '" + h.label()
					+ "' is in pixels: give the pixel size in nm (--pixel-size)");
			}
		}
		return scale;
	}

	/**
	 * The user's column names for a file without a title line: the first line must hold numbers (it is
	 * data), as many fields as names. A file with titles is refused rather than silently renamed.
	 */
	private static HeaderLine namedByUser(Path file, HeaderLine header, List<String> names) throws IOException {
		boolean numeric = header.titles().stream().allMatch(TextTableReading::isNumber);
		if (!numeric)
			throw InputException.atLine(file, header.lineNumber(), "the file names its columns ("
				+ shorten(String.join(", ", header.titles())) + "); --columns is only for files without a title line");
		if (header.titles().size() != names.size())
			throw InputException.atLine(file, header.lineNumber(), "--columns names " + names.size() + " columns ("
				+ String.join(", ", names) + ") but the line has " + header.titles().size() + " fields");
		List<String> titles = new ArrayList<>();
		for (String n : names) titles.add(n.strip());
		return new HeaderLine(titles, header.delimiter(), header.lineNumber() - 1, lineStart(file, header.dataOffset()));
	}

	/** Byte offset where the line that ends just before {@code after} begins. */
	private static long lineStart(Path file, long after) throws IOException {
		byte[] head;
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
			head = in.readNBytes((int) after);
		}
		int i = head.length - 1;
		if (i >= 0 && head[i] == '\n') i--;
		while (i >= 0 && head[i] != '\n') i--;
		int start = i + 1;
		return start == 0 && HeaderLine.startsWithBom(head) ? 3 : start;
	}

	static boolean isNumber(String s) {
		try {
			Double.parseDouble(s.trim());
			return true;
		} catch (NumberFormatException e) {
			return false;
		}
	}

	static LocalizationTable withWarning(LocalizationTable t, String warning) {
		LocalizationTable.Builder b = LocalizationTable.builder(t.source(), t.format());
		for (LocalizationTable.Column c : t.columns()) b.column(c.name(), c.unit(), c.values());
		t.warnings().forEach(b::warn);
		return b.warn(warning).build();
	}

	private static String shorten(String s) {
		return s.length() <= 120 ? s : s.substring(0, 117) + "...";
	}
}
