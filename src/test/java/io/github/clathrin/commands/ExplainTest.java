package io.github.clathrin.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulatedStructure;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.render.CellSummary;
import io.github.clathrin.task.Progress;

/**
 * classify --explain on simulated coats of known shape: a PCA model trained through the pipeline API, then
 * the Classify command run through SciJava with explain on; the cap columns must be there and must follow the
 * simulated closing angle (closed vesicles large, flat lattices small), whatever the model's encoder.
 */
class ExplainTest {

	@TempDir
	static Path data;

	private static Context context;
	private static SimulatedDataset simulated;
	private static Path modelFile;

	@BeforeAll
	static void simulateAndTrain() throws Exception {
		context = new Context(CommandService.class);
		simulated = new ClathrinSimulator(SimulationConfig.defaults().withCounts(60, 40).withSeed(5)).simulate()
			.write(data);
		Model model = Training.train(simulated.toStructureSet(), Training.Options.defaults("pca", 1), Progress.NONE);
		modelFile = data.resolve("model.zip");
		ModelFile.write(model, modelFile);
	}

	@AfterAll
	static void dispose() {
		if (context != null) context.dispose();
	}

	private static ClassifyCommand classify(Path out, boolean explain) throws Exception {
		Map<String, Object> in = new HashMap<>();
		in.put("model", modelFile.toFile());
		in.put("input", data.resolve(SimulatedDataset.STRUCTURES_DIR).toFile());
		in.put("output", out.toFile());
		in.put("explain", explain);
		ClassifyCommand c = (ClassifyCommand) context.service(CommandService.class).run(ClassifyCommand.class, false, in)
			.get().getCommand();
		if (c.getFailure() != null) throw c.getFailure();
		return c;
	}

	@Test
	void explainAddsCapColumnsThatFollowTheTrueShape(@TempDir Path tmp) throws Exception {
		Path out = tmp.resolve("results.csv");
		ClassifyCommand c = classify(out, true);
		List<String> lines = Files.readAllLines(out);
		String[] header = lines.get(0).split(",");
		int radius = Arrays.asList(header).indexOf("cap_radius_nm"), angle = Arrays.asList(header).indexOf(
			"cap_closing_angle_deg"), rmse = Arrays.asList(header).indexOf("cap_fit_rmse_nm");
		assertTrue(radius > 0 && angle == radius + 1 && rmse == radius + 2, lines.get(0));
		assertEquals(61, lines.size());
		assertNotNull(c.getCaps());
		assertTrue(c.getReport().contains("median closing angle"), c.getReport());

		Map<String, SimulatedStructure> truth = new HashMap<>();
		for (SimulatedStructure s : simulated.structures()) truth.put(s.key(), s);
		int closed = 0, flat = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			SimulatedStructure s = truth.get(cells[0]);
			assertNotNull(s, "no simulated structure " + cells[0]);
			double fitted = Double.parseDouble(cells[angle]), trueAngle = s.shape().closingAngleDeg();
			assertTrue(Double.parseDouble(cells[rmse]) > 0 && Double.parseDouble(cells[radius]) > 0, line);
			if (trueAngle >= 150) {
				closed++;
				assertTrue(fitted > 110, s.key() + ": a closed vesicle (" + trueAngle + " deg) fitted at " + fitted);
			}
			if (trueAngle <= 20) {
				flat++;
				assertTrue(fitted < 45, s.key() + ": a flat lattice (" + trueAngle + " deg) fitted at " + fitted);
			}
		}
		assertTrue(closed >= 3 && flat >= 3, "the test needs both kinds: " + closed + " closed, " + flat + " flat");
	}

	@Test
	void aFolderOfTablesGetsTheColumnsToo(@TempDir Path tmp) throws Exception {
		Path in = Files.createDirectories(tmp.resolve("tables")), out = tmp.resolve("results");
		Files.copy(data.resolve(SimulatedDataset.ALL), in.resolve("cell.csv"));
		ClassifyTables.Outcome o = ClassifyTables.run(ModelFile.read(modelFile), in, "roi",
			io.github.clathrin.localizations.ReadOptions.DEFAULT, out, false, CellSummary.DEFAULT_AREA_PIXEL, s -> {}, Progress.NONE);
		assertEquals(1, o.written().size(), o.summary());
		List<String> lines = Files.readAllLines(o.written().get(0));
		assertTrue(lines.get(0).endsWith(",cap_radius_nm,cap_closing_angle_deg,cap_fit_rmse_nm"), lines.get(0));
		assertEquals(61, lines.size());
		for (String line : lines.subList(1, lines.size())) assertTrue(!line.endsWith(",,,"), "every structure fitted: " + line);
	}

	@Test
	void withoutExplainTheColumnsAreAbsent(@TempDir Path tmp) throws Exception {
		Path out = tmp.resolve("plain.csv");
		ClassifyCommand c = classify(out, false);
		assertNull(c.getCaps());
		assertTrue(!Files.readAllLines(out).get(0).contains("cap_"));
	}

	@Test
	void structuresWithoutLocalizationsGetBlankCells(@TempDir Path tmp) throws Exception {
		Path out = tmp.resolve("blank.csv");
		Classification.Prediction p = new Classification.Prediction("v1", "yes", 0.9, new double[] { 0.1, 0.9 }, null, 0);
		CapFit.Result none = CapFit.fit(new double[0], CapFit.Settings.NANOMETRES);
		Classification.writeCsv(out, List.of(p, p), List.of("no", "yes"), Arrays.asList(null, none));
		List<String> lines = Files.readAllLines(out);
		assertEquals("structure,prediction,probability,label,p_no,p_yes,status,outside_training,cap_radius_nm,"
			+ "cap_closing_angle_deg,cap_fit_rmse_nm", lines.get(0));
		assertTrue(lines.get(1).endsWith("0.900000,ok,,,,") && lines.get(2).endsWith("0.900000,ok,,,,"), lines.toString());
	}
}
