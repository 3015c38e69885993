package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.measure.ResultsTable;
import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.pipeline.Classification;

/**
 * The explain checkbox of Classify: the cap columns in the "Clathrin Results" table (numbers where a cap was
 * fitted, blank cells elsewhere) and the macro key {@code explain} in real ImageJ.
 */
class ClassifyPluginTest {

	@Test
	void capColumnsJoinThePredictionRows() {
		Random rnd = new Random(1);
		double[] p = new double[3 * 200];
		for (int i = 0; i < 200; i++) {
			double[] v = { rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian() };
			double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
			for (int d = 0; d < 3; d++) p[3 * i + d] = 60 * v[d] / len + 5 * rnd.nextGaussian();
		}
		CapFit.Result sphere = CapFit.fit(p, CapFit.Settings.NANOMETRES);
		Classification.Prediction yes = new Classification.Prediction("a", "yes", 0.8, new double[] { 0.2, 0.8 }, null, 0);
		Classification.Prediction vol = new Classification.Prediction("b", "no", 0.7, new double[] { 0.7, 0.3 }, null, 0);
		ResultsTable rt = ResultsTables.predictions(List.of(yes, vol), null, Arrays.asList(sphere, null));
		assertEquals(2, rt.size());
		assertEquals(sphere.radius(), rt.getValue("cap_radius_nm", 0), 1e-9);
		assertTrue(rt.getValue("cap_closing_angle_deg", 0) > 150, "a closed sphere: " + rt.getValue("cap_closing_angle_deg", 0));
		assertEquals("", rt.getStringValue("cap_radius_nm", 1));
		assertEquals("", rt.getStringValue("cap_fit_rmse_nm", 1));
		assertEquals("a", rt.getStringValue("structure", 0));
	}

	@Test
	void explainIsAMacroKey(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij")), model = MacrosTest.trainedModel(work);
		Path out = work.resolve("explained.csv"), macro = work.resolve("explain.ijm");
		Files.writeString(macro, "run(\"Classify\", \"model=[" + model + "] input=[" + MacrosTest.SIMULATED.resolve(
			"structures") + "] output=[" + out + "] explain\");\nprint(\"explain: done\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("explain: done"), r.output());
		String header = Files.readAllLines(out).get(0);
		assertTrue(header.endsWith(",cap_radius_nm,cap_closing_angle_deg,cap_fit_rmse_nm"), header);
	}
}
