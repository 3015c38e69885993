package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real ImageJ 1.x installs our plugins.config: every entry under Plugins > Clathrin, once. */
class MenusTest {

	static final Map<String, Class<?>> ENTRIES = Map.ofEntries(Map.entry("Open Localizations...",
		OpenLocalizationsPlugin.class), Map.entry("Render Localizations...", RenderPlugin.class),
		Map.entry("Simulate Demo Data...", SimulatePlugin.class), Map.entry("Train...", TrainPlugin.class),
		Map.entry("Classify", ClassifyPlugin.class),
		Map.entry("Batch Classify Cells...", BatchPlugin.class), Map.entry("Find Structures...", FindStructuresPlugin.class),
		Map.entry("Show Structures in 3D...", ShowStructuresPlugin.class), Map.entry("Evaluate...", EvaluatePlugin.class),
		Map.entry("Reconstruct...", ReconstructPlugin.class), Map.entry("Label Structures...", LabelStructuresPlugin.class),
		Map.entry("About Clathrin Classifier", AboutPlugin.class));

	@Test
	void allEntriesAreUnderPluginsClathrin(@TempDir Path tmp) throws Exception {
		RealImageJ.Result r = RealImageJ.run(RealImageJ.pluginsHome(tmp), MenuProbe.class.getName());
		assertEquals(0, r.exitCode(), r.output());
		List<String> items = r.output().lines().filter(l -> l.startsWith("ITEM ")).map(l -> l.substring(5)).toList();
		assertEquals(List.of("Open Localizations...", "Render Localizations...", "Simulate Demo Data...", "Train...", "Classify",
			"Batch Classify Cells...", "Find Structures...", "Show Structures in 3D...", "Evaluate...", "Reconstruct...", "Label Structures...", "About Clathrin Classifier"),
			items,
			r.output());
		Map<String, String> commands = new TreeMap<>();
		r.output().lines().filter(l -> l.startsWith("COMMAND ")).map(l -> l.substring(8).split("=", 2))
			.forEach(kv -> commands.put(kv[0], kv[1]));
		Map<String, String> expected = new TreeMap<>();
		ENTRIES.forEach((label, type) -> expected.put(label, type.getName()));
		assertEquals(expected, commands, r.output());
		for (Class<?> type : ENTRIES.values()) assertTrue(ij.plugin.PlugIn.class.isAssignableFrom(type), type + "");
	}
}
