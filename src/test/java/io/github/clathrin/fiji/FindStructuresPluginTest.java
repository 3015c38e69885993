package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.segment.WholeCell;

/** Find Structures... from a macro in real ImageJ batch mode, with the recorded macro keys. */
class FindStructuresPluginTest {

	@Test
	void aMacroWritesOneFilePerStructure(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij"));
		Path cell = WholeCell.write(work.resolve("cell.csv"), 9, 1000, 5), out = work.resolve("out");
		Path macro = work.resolve("find.ijm");
		Files.writeString(macro, "run(\"Find Structures...\", \"input=[" + cell + "] output=[" + out
			+ "] eps=50 min_points=10 min_size=30 max_size=5000 max_extent=500 pixel_size=0 units=[from file]\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("9 kept"), r.output());
		try (Stream<Path> files = Files.list(out.resolve("structures"))) {
			assertEquals(9, files.count());
		}
	}
}
