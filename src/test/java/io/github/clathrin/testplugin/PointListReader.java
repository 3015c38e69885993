package io.github.clathrin.testplugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.clathrin.localizations.LocalizationReader;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * A localization format that only the test class path reads (PluginFromClassPathTest): a first line
 * {@value #MAGIC}, then one "group x y z" line (nm, separated by spaces) per localization.
 */
public final class PointListReader implements LocalizationReader {

	public static final String MAGIC = "POINT-LIST 1";

	@Override
	public String formatName() {
		return "point list (test plug-in)";
	}

	@Override
	public List<String> folderExtensions() {
		return List.of("pts");
	}

	@Override
	public int detect(Path file, byte[] head) {
		// beats the text readers, which would take any text file
		return new String(head, StandardCharsets.US_ASCII).startsWith(MAGIC + "\n") ? 1000 : 0;
	}

	@Override
	public LocalizationTable read(Path file, ReadOptions options, Progress progress) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		int n = lines.size() - 1;
		double[] group = new double[n], x = new double[n], y = new double[n], z = new double[n];
		for (int i = 0; i < n; i++) {
			String[] f = lines.get(i + 1).trim().split(" +");
			if (f.length != 4) throw InputException.atLine(file, i + 2, "expected: group x y z");
			group[i] = Double.parseDouble(f[0]);
			x[i] = Double.parseDouble(f[1]);
			y[i] = Double.parseDouble(f[2]);
			z[i] = Double.parseDouble(f[3]);
		}
		return LocalizationTable.builder(file, formatName()).column("cluster", "", group).column("x", "nm", x)
			.column("y", "nm", y).column("z", "nm", z).build();
	}
}
