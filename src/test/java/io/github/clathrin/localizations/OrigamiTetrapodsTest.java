package io.github.clathrin.localizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.clathrin.SharedData;
import io.github.clathrin.task.Progress;

/**
 * The four DNA-origami tetrapod CSVs (CRLF, header {@code x(nm),y(nm),z(nm),cluster label (-1 is noise)}):
 * read by the delimited text reader with units from the header. Row counts and the first and last
 * values are taken from the file text here, independently of the reader.
 */
class OrigamiTetrapodsTest {

	@Test
	void readsAllFourWithRowCountsAndValuesOfTheText() throws IOException {
		int[] expected = { 402, 991, 650, 471 }; // grep -c of data lines, for the record
		String[] names = { "1_0.csv", "6_3.csv", "7_1.csv", "7_2.csv" };
		for (int k = 0; k < names.length; k++) {
			Path f = SharedData.file("particles/origami-tetrapods/" + names[k]);
			List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
			List<String> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
			assertEquals(expected[k], data.size(), names[k]);

			LocalizationTable t = LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE);
			assertEquals("delimited text", t.format());
			assertEquals(data.size(), t.rowCount(), names[k]);
			assertTrue(t.is3D());
			assertEquals(List.of("x", "y", "z", "cluster_label"), t.columnNames());
			for (int row : new int[] { 0, data.size() - 1 }) {
				String[] v = data.get(row).strip().split(",");
				assertEquals(Double.parseDouble(v[0]), t.x()[row], names[k] + " row " + row);
				assertEquals(Double.parseDouble(v[1]), t.y()[row]);
				assertEquals(Double.parseDouble(v[2]), t.z()[row]);
				assertEquals(Double.parseDouble(v[3]), t.column("cluster_label").values()[row]);
			}
			assertEquals("nm", t.column("z").unit());
		}
	}
}
