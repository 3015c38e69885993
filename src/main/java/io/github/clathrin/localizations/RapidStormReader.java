package io.github.clathrin.localizations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * Reads rapidSTORM text files: a first line {@code # <localizations ...>} that describes each
 * whitespace-separated column by an XML {@code field} (identifier, unit), then one localization per
 * line.
 * <p>
 * {@code Position-0-0}, {@code Position-1-0}, {@code Position-2-0} are x, y, z; every column whose
 * unit is a length (nanometer, micrometer, meter) is converted to nm, since the unit is stated per
 * column. Track files nest a {@code <localizations>} block: each line then holds the track's own
 * fields, a count and that many member localizations; the tracks are read and the members skipped.
 */
public final class RapidStormReader extends LocalizationReader.ByMagic {

	private static final String MAGIC = "# <localizations";

	/** One node of the header: a column, or a nested block of repeated localizations. */
	private record Field(String identifier, String unit, List<Field> nested) {

		boolean isBlock() {
			return nested != null;
		}
	}

	public RapidStormReader() {
		super("rapidSTORM text", MAGIC);
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			String first = in.readLine();
			if (first == null || !first.startsWith(MAGIC))
				throw InputException.atLine(file, 1, "not a rapidSTORM file: the first line must start with '" + MAGIC + "'");
			List<Field> fields = parseHeader(file, first.substring(1).trim());
			List<Field> top = new ArrayList<>();
			for (Field f : fields)
				if (!f.isBlock()) top.add(f);
			if (top.isEmpty()) throw InputException.atLine(file, 1, "the rapidSTORM header describes no columns");

			String[] names = new String[top.size()];
			double[] scale = new double[top.size()];
			String[] units = new String[top.size()];
			boolean[] length = new boolean[top.size()];
			for (int c = 0; c < top.size(); c++) {
				Field f = top.get(c);
				names[c] = columnName(f.identifier());
				LengthUnit u = lengthUnit(f.unit());
				boolean coordinate = names[c].equals("x") || names[c].equals("y") || names[c].equals("z");
				if (coordinate && (u == null || u == LengthUnit.PX))
					throw InputException.atLine(file, 1, "column " + f.identifier() + " has unit '" + f.unit()
						+ "', which is not a length in nm, um or m");
				length[c] = u != null && u != LengthUnit.PX;
				scale[c] = length[c] ? u.toNm(null) : 1;
				units[c] = length[c] ? "nm" : f.unit();
			}
			String[] unique = uniqueNames(names);

			double[][] values = new double[top.size()][1024];
			int rows = 0;
			long lineNumber = 1;
			int tracksWithMembers = 0;
			String line;
			while ((line = in.readLine()) != null) {
				lineNumber++;
				if ((lineNumber & 0xfff) == 0) progress.checkCancelled();
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
				String[] tokens = trimmed.split("\\s+");
				if (rows == values[0].length)
					for (int c = 0; c < values.length; c++) values[c] = Arrays.copyOf(values[c], rows * 2);
				int[] pos = { 0 };
				int[] col = { 0 };
				boolean members = walk(file, lineNumber, fields, tokens, pos, values, col, rows, true);
				if (pos[0] != tokens.length)
					throw InputException.atLine(file, lineNumber, "expected " + pos[0] + " values as the header describes, found "
						+ tokens.length);
				if (members) tracksWithMembers++;
				rows++;
			}
			LocalizationTable.Builder table = LocalizationTable.builder(file, formatName());
			for (int c = 0; c < top.size(); c++) {
				double[] v = Arrays.copyOf(values[c], rows);
				if (scale[c] != 1) for (int i = 0; i < rows; i++) v[i] *= scale[c];
				table.column(unique[c], units[c], v);
			}
			if (tracksWithMembers > 0)
				table.warn(rows + " tracks read; the localizations listed inside each track were skipped");
			if (rows == 0) table.warn("the header describes columns but the file has no rows");
			return TableChecks.withAbsurdWarning(table.build());
		}
	}

	/**
	 * Consumes the tokens of one line as {@code fields} describe them; stores top-level values when
	 * {@code store}. Returns whether a nested block held members.
	 */
	private static boolean walk(Path file, long line, List<Field> fields, String[] tokens, int[] pos, double[][] values,
		int[] col, int row, boolean store)
	{
		boolean members = false;
		for (Field f : fields) {
			if (pos[0] >= tokens.length)
				throw InputException.atLine(file, line, "the line ends before the value of " + describe(f));
			if (f.isBlock()) {
				double count = number(file, line, tokens[pos[0]++], "the count of nested localizations");
				if (count < 0 || count != Math.rint(count) || count > tokens.length)
					throw InputException.atLine(file, line, "'" + tokens[pos[0] - 1] + "' is not a count of nested localizations");
				for (int k = 0; k < count; k++) walk(file, line, f.nested(), tokens, pos, values, col, row, false);
				members |= count > 0;
				continue;
			}
			double v = number(file, line, tokens[pos[0]++], f.identifier());
			if (store) values[col[0]++][row] = v;
		}
		return members;
	}

	private static String describe(Field f) {
		return f.isBlock() ? "the count of nested localizations" : f.identifier();
	}

	private static double number(Path file, long line, String token, String what) {
		try {
			return Double.parseDouble(token);
		} catch (NumberFormatException e) {
			String t = token.toLowerCase(Locale.ROOT);
			if (t.equals("nan")) return Double.NaN;
			if (t.equals("inf") || t.equals("+inf")) return Double.POSITIVE_INFINITY;
			if (t.equals("-inf")) return Double.NEGATIVE_INFINITY;
			throw InputException.atLine(file, line, "'" + (token.length() > 40 ? token.substring(0, 37) + "..." : token)
				+ "' for " + what + " is not a number");
		}
	}

	/** The field tree of the XML header, in column order. */
	private static List<Field> parseHeader(Path file, String xml) {
		Element root;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
		} catch (Exception e) {
			throw InputException.atLine(file, 1, "the rapidSTORM XML header cannot be parsed: " + e.getMessage());
		}
		return children(file, root);
	}

	private static List<Field> children(Path file, Element parent) {
		List<Field> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (!(n instanceof Element e)) continue;
			if (e.getTagName().equals("field")) {
				String id = e.getAttribute("identifier");
				if (id.isBlank()) throw InputException.atLine(file, 1, "a field of the rapidSTORM header has no identifier");
				out.add(new Field(id, e.getAttribute("unit"), null));
			} else if (e.getTagName().equals("localizations")) {
				out.add(new Field("localizations", "", children(file, e)));
			}
		}
		return out;
	}

	/** Position-0-0 is x, Position-1-0 y, Position-2-0 z; other identifiers in lower case with underscores. */
	static String columnName(String identifier) {
		switch (identifier) {
			case "Position-0-0": return "x";
			case "Position-1-0": return "y";
			case "Position-2-0": return "z";
			default: return ColumnHeader.canonical(identifier);
		}
	}

	/** rapidSTORM writes "nanometer", "micrometer", "meter" (and "m" in min/max). */
	private static LengthUnit lengthUnit(String unit) {
		return LengthUnit.parse(unit);
	}

	static String[] uniqueNames(String[] names) {
		String[] out = new String[names.length];
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			String u = names[i];
			for (int k = 2; seen.contains(u.toLowerCase(Locale.ROOT)); k++) u = names[i] + "_" + k;
			seen.add(u.toLowerCase(Locale.ROOT));
			out[i] = u;
		}
		return out;
	}
}
