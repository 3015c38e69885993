package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In real ImageJ, the "Clathrin Results" table of Classify shows status and outside_training as the CSV
 * does: a file with two localizations gets no class, and nm files read as 100 nm pixels are marked.
 */
class ClassifyTrustMacroTest {

	@Test
	void theResultsTableShowsStatusAndOutsideTraining(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij")), model = MacrosTest.trainedModel(work);
		// Three structures as plain x,y,z (units from the dialog) and one with two localizations.
		Path input = Files.createDirectories(work.resolve("input"));
		try (Stream<Path> files = Files.list(MacrosTest.SIMULATED.resolve("structures"))) {
			for (Path f : files.sorted().limit(3).toList()) {
				StringBuilder sb = new StringBuilder("x,y,z\n");
				for (String l : Files.readAllLines(f).subList(1, Files.readAllLines(f).size())) {
					String[] c = l.split(",");
					sb.append(c[2]).append(',').append(c[3]).append(',').append(c[4]).append('\n');
				}
				Files.writeString(input.resolve(f.getFileName()), sb);
			}
		}
		Files.writeString(input.resolve("tiny.csv"), "x,y,z\n1,2,3\n4,5,6\n");
		Path out = work.resolve("results.csv"), macro = work.resolve("trust.ijm");
		Files.writeString(macro, "run(\"Classify\", \"model=[" + model + "] input=[" + input + "] units=px pixel_size=100 "
			+ "output=[" + out + "]\");\n"
			+ "selectWindow(\"Clathrin Results\");\n"
			+ "for (i = 0; i < Table.size; i++) print(\"row: \" + Table.getString(\"structure\", i) + \"|\" "
			+ "+ Table.getString(\"prediction\", i) + \"|\" + Table.getString(\"status\", i) + \"|\" "
			+ "+ Table.getString(\"outside_training\", i));\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("row: tiny.csv||too few localizations|"), r.output());
		assertTrue(r.output().matches("(?s).*row: [^|]+\\|(yes|no)\\|ok\\|extent x [0-9]+ nm > training max [0-9]+ nm.*"),
			r.output());
		assertTrue(r.output().contains("WARNING: most structures are unlike the training data"), r.output());
		assertTrue(Files.readAllLines(out).stream().anyMatch(l -> l.startsWith("tiny.csv,,,,,,too few localizations,,")),
			Files.readString(out));
	}
}
