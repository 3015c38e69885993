package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.task.Progress;

/** --pose and the shells encoder's options from the command line to the model file and back. */
class PoseOptionTest {

	@TempDir
	Path tmp;

	@Test
	void trainWithAPoseAndShellsThenClassify() throws IOException {
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(40, 20).withSeed(4)).simulate(Progress.NONE).write(tmp);
		String structures = tmp.resolve(SimulatedDataset.STRUCTURES_DIR).toString(),
			labels = tmp.resolve(SimulatedDataset.LABELS).toString();
		Path model = tmp.resolve("model.zip"), out = tmp.resolve("predictions.csv");
		MainTest.Result r = MainTest.cli("train", "--input", structures, "--labels", labels, "--encoder", "shells",
			"-E", "shells.invariance=z", "-E", "shells.radius=adaptive", "--pose", "z-axes", "--out", model.toString());
		assertEquals(0, r.exit(), r.toString());
		Map<String, Object> manifest = ModelFile.manifest(model);
		assertEquals("Z_AXES", ((Map<?, ?>) manifest.get("voxels")).get("pose"));
		Map<?, ?> params = (Map<?, ?>) ((Map<?, ?>) manifest.get("encoder")).get("parameters");
		assertEquals("z", params.get("invariance"));
		assertEquals("adaptive", params.get("radius"));
		MainTest.Result c = MainTest.cli("classify", "--model", model.toString(), "--input", structures, "--out", out.toString());
		assertEquals(0, c.exit(), c.toString());
		assertEquals(41, Files.readAllLines(out).size(), "a header and one line per structure");

		MainTest.Result bad = MainTest.cli("train", "--input", structures, "--labels", labels, "--pose", "sideways", "--out",
			tmp.resolve("no.zip").toString());
		assertNotEquals(0, bad.exit());
		assertTrue(bad.err().contains("pose must be none, principal-axes or z-axes"), bad.toString());
		assertTrue(Files.notExists(tmp.resolve("no.zip")));
	}
}
