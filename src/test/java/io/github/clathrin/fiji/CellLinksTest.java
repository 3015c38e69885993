package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In real ImageJ with windows: selecting a kept structure's ROI after Find Structures opens it in 3D; after
 * Classify on a whole cell, a click on a results row selects that
 * structure's ROI and opens it in 3D; selecting an ROI in the ROI Manager, or alt-clicking it on the image,
 * selects its row and opens it in 3D. The probe also captures the cell and the table into target/screenshots.
 */
class CellLinksTest {

	@Test
	void resultsRowsAndRoisSelectEachOtherAndOpenThe3DView(@TempDir Path work) throws Exception {
		Path model = WholeCellMacroTest.demoModel(work), results = work.resolve("results.csv");
		RealImageJ.Result r = RealImageJ.run(RealImageJ.pluginsHome(work.resolve("ij")), CellLinksProbe.class.getName(),
			model.toString(), WholeCellMacroTest.CELL.toString(), results.toString(), ScreenshotsTest.SHOTS
				.toAbsolutePath().toString());
		assertEquals(0, r.exitCode(), r.output());
		List<String> lines = Files.readAllLines(results);
		String key2 = lines.get(3).split(",")[0], key5 = lines.get(6).split(",")[0], key7 = lines.get(8).split(",")[0];

		// Find Structures' ROIs: a kept structure opens in 3D, a rejected cluster does not.
		Matcher rejected = line(r.output(), "FIND rejected=(.*) views=\\[(.*)\\]");
		assertTrue(rejected.group(1).startsWith("cluster-"), rejected.group());
		assertEquals("", rejected.group(2));
		Matcher kept = line(r.output(), "FIND kept=(\\S+) views=\\[(.*)\\]");
		assertEquals(kept.group(1) + ";", kept.group(2));

		Matcher row = line(r.output(), "ROW key=(\\S+) roi=(.*) manager=(.*) views=\\[(.*)\\]");
		assertEquals(key2, row.group(1));
		assertTrue(row.group(2).startsWith(key2 + " "), row.group());
		assertTrue(row.group(3).startsWith(key2 + " "), row.group());
		assertEquals(key2 + ";", row.group(4));

		Matcher manager = line(r.output(), "MANAGER roi=(.*) row=(\\S+) views=\\[(.*)\\]");
		assertTrue(manager.group(1).startsWith(key5 + " "), manager.group());
		assertEquals(key5, manager.group(2));
		assertTrue(manager.group(3).contains(key5 + ";"), manager.group());

		Matcher image = line(r.output(), "IMAGE roi=(.*) selected=(.*) row=(\\S+) views=\\[(.*)\\]");
		assertTrue(image.group(1).startsWith(key7 + " "), image.group());
		assertEquals(image.group(1), image.group(2));
		assertEquals(key7, image.group(3));
		assertTrue(image.group(4).contains(key7 + ";"), image.group());
	}

	private static Matcher line(String output, String regex) {
		Matcher m = Pattern.compile("^" + regex + "$", Pattern.MULTILINE).matcher(output);
		assertTrue(m.find(), regex + "\n" + output);
		return m;
	}
}
