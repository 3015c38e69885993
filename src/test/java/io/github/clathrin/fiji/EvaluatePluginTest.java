package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import io.github.clathrin.cli.Main;

/**
 * Evaluate in real ImageJ 1.x: the official-split mode of a benchmark .npz is a recordable macro call, with the
 * command's names ({@code dataset}, {@code json}) and with the keys of earlier versions ({@code input} plus
 * {@code official_split}, {@code output}).
 */
class EvaluatePluginTest {

	@Test
	@SuppressWarnings("unchecked")
	void aBenchmarkFileIsScoredOnItsOfficialSplitFromAMacro(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij"));
		assertEquals(0, Main.run("simulate", "--kind", "geometries", "--out", work.toString()));
		Path npz = work.resolve("geometries.npz"), json = work.resolve("split.json"), macro = work.resolve("split.ijm");
		Files.writeString(macro, "run(\"Evaluate...\", \"input=[" + npz + "] encoders=pca grid=20 output=[" + json
			+ "] official_split class_names=cube,diamond,sphere\");\nprint(\"split: done\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("split: done"), r.output());
		Map<String, Object> m = new Gson().fromJson(Files.readString(json), Map.class);
		assertEquals(Map.of("train", 300.0, "test", 300.0), m.get("split"));
		assertEquals(List.of("cube", "diamond", "sphere"), m.get("classNames"));
		assertTrue(((Number) ((Map<String, Object>) m.get("accuracy")).get("pca")).doubleValue() > 0.9, m.toString());
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDatasetAndJsonKeysAreTheCommandsNames(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij"));
		assertEquals(0, Main.run("simulate", "--kind", "geometries", "--out", work.toString()));
		Path npz = work.resolve("geometries.npz"), json = work.resolve("split.json"), macro = work.resolve("split.ijm");
		Files.writeString(macro, "run(\"Evaluate...\", \"dataset=[" + npz + "] encoders=pca grid=20 json=[" + json
			+ "] class_names=cube,diamond,sphere\");\nprint(\"split: done\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("split: done"), r.output());
		Map<String, Object> m = new Gson().fromJson(Files.readString(json), Map.class);
		assertEquals(Map.of("train", 300.0, "test", 300.0), m.get("split"));
		assertEquals(List.of("cube", "diamond", "sphere"), m.get("classNames"));
	}
}
