package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.SharedData;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/** Text files without a title line (MINFLUX TSV in metres): the user names the columns. */
class HeaderlessColumnsTest {

	@TempDir
	Path dir;

	private static final ReadOptions MINFLUX = ReadOptions.DEFAULT.withUnits(LengthUnit.M)
		.withColumns(List.of("trace", "t", "x", "y", "z"));

	@Test
	void minfluxWithColumnsAndMetres() throws IOException {
		Path f = SharedData.file("particles/minflux-npc/nuclear-pore-model-data.txt");
		List<String> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
		assertEquals(10268, lines.size());
		LocalizationTable t = LocalizationReaders.read(f, MINFLUX, Progress.NONE);
		assertEquals(10268, t.rowCount());
		assertEquals(List.of("trace", "t", "x", "y", "z"), t.columnNames());
		assertTrue(t.is3D());
		for (int row : new int[] { 0, 5000, lines.size() - 1 }) {
			String[] v = lines.get(row).strip().split("\t");
			assertEquals(Double.parseDouble(v[0]), t.column("trace").values()[row]);
			assertEquals(Double.parseDouble(v[2]) * 1e9, t.x()[row], 1e-6, "row " + row);
			assertEquals(Double.parseDouble(v[3]) * 1e9, t.y()[row], 1e-6);
			assertEquals(Double.parseDouble(v[4]) * 1e9, t.z()[row], 1e-6);
		}
		// first line: 47 0.88168 -2.27542E-6 -1.28773E-5 -7.39133E-8
		assertEquals(-2275.42, t.x()[0], 1e-6);
		assertEquals(962, Arrays.stream(t.column("trace").values()).distinct().count());
		assertEquals("nm", t.column("z").unit());
	}

	@Test
	void withoutColumnsTheRefusalSuggestsThem() {
		Path f = SharedData.file("particles/minflux-npc/nuclear-pore-model-data.txt");
		InputException e = assertThrows(InputException.class,
			() -> LocalizationReaders.read(f, ReadOptions.DEFAULT.withUnits(LengthUnit.M), Progress.NONE));
		assertTrue(e.getMessage().contains("nuclear-pore-model-data.txt") && e.getMessage().contains("--columns"),
			e.getMessage());
		InputException noUnits = assertThrows(InputException.class, () -> LocalizationReaders.read(f,
			ReadOptions.DEFAULT.withColumns(List.of("trace", "t", "x", "y", "z")), Progress.NONE));
		assertTrue(noUnits.getMessage().contains("--units"), noUnits.getMessage());
	}

	@Test
	void columnsMustFitTheFile() throws IOException {
		Path f = Files.writeString(dir.resolve("three.txt"), "# made by hand\n1,2,3\n4,5,6\n");
		InputException e = assertThrows(InputException.class, () -> LocalizationReaders.read(f, MINFLUX, Progress.NONE));
		assertTrue(e.getMessage().contains("three.txt, line 2") && e.getMessage().contains("3 fields"), e.getMessage());
		LocalizationTable t = LocalizationReaders.read(f, ReadOptions.DEFAULT.withColumns(List.of("x [nm]", "y [nm]", "frame")),
			Progress.NONE);
		assertEquals(2, t.rowCount()); // the first line is data, not titles
		assertEquals(1, t.x()[0]);
		assertEquals(6, t.column("frame").values()[1]);
		Path titled = Files.writeString(dir.resolve("titled.csv"), "x,y,z\n1,2,3\n");
		e = assertThrows(InputException.class, () -> LocalizationReaders.read(titled, MINFLUX, Progress.NONE));
		assertTrue(e.getMessage().contains("titled.csv") && e.getMessage().contains("names its columns"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ReadOptions.DEFAULT.withColumns(List.of("x", "X")));
	}
}
