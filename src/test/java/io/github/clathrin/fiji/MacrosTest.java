package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.cli.Main;

/**
 * The shipped macros run in real ImageJ 1.x batch mode ({@code ij.ImageJ -batch}) and write exactly
 * the CSV the command line writes for the same model and input.
 */
class MacrosTest {

	static final Path SIMULATED = Path.of("test-data", "simulated").toAbsolutePath();

	@TempDir
	static Path shared;

	static Path home, model;

	@BeforeAll
	static void trainOnce() throws Exception {
		home = RealImageJ.pluginsHome(shared.resolve("ij"));
		model = trainedModel(shared);
	}

	/** A pca model of the simulated test data, trained by the command line as {@code dir/model.zip}. */
	static Path trainedModel(Path dir) {
		Path model = dir.resolve("model.zip");
		assertEquals(0, Main.run("train", "--input", SIMULATED.resolve("structures").toString(), "--labels",
			SIMULATED.resolve("labels.csv").toString(), "--encoder", "pca", "--out", model.toString()));
		return model;
	}

	@Test
	void trainAndClassifyMatchesTheCli(@TempDir Path work) throws Exception {
		RealImageJ.Result r = RealImageJ.batchMacro(home, Path.of("docs/macros/train-and-classify.ijm"),
			work.toString());
		Path results = work.resolve("results.csv");
		assertTrue(Files.exists(results), r.output());
		assertTrue(r.output().contains("train-and-classify: done"), r.output());
		Path cli = work.resolve("cli.csv");
		assertEquals(0, Main.run("classify", "--model", work.resolve("model.zip").toString(), "--input",
			work.resolve("simulated/structures").toString(), "--labels", work.resolve("simulated/labels.csv").toString(),
			"--out", cli.toString()));
		assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(results));
	}

	@Test
	void batchClassifyOfAStructureFolderMatchesTheCli(@TempDir Path work) throws Exception {
		Path out = work.resolve("macro.csv"), cli = work.resolve("cli.csv");
		Path input = SIMULATED.resolve("structures");
		RealImageJ.Result r = RealImageJ.batchMacro(home, Path.of("docs/macros/batch-classify.ijm"),
			"model=" + model + " input=" + input + " output=" + out);
		assertTrue(Files.exists(out), r.output());
		assertEquals(0, Main.run("classify", "--model", model.toString(), "--input", input.toString(), "--out",
			cli.toString()));
		assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(out));
	}

	@Test
	void batchClassifyOfAFolderOfTablesWritesOneCsvPerTable(@TempDir Path work) throws Exception {
		Path tables = Files.createDirectories(work.resolve("tables")), out = work.resolve("out");
		Files.copy(SIMULATED.resolve("all-structures.csv"), tables.resolve("a.csv"));
		Files.copy(SIMULATED.resolve("all-structures.csv"), tables.resolve("b.csv"));
		Files.writeString(tables.resolve("broken.csv"), "x [nm],y [nm],z [nm],roi\n1,2,3,1\n4,five,6,1\n"); // damaged
		Files.writeString(tables.resolve("labels.csv"), "structure,label\n1,yes\n"); // beside the tables: skipped
		RealImageJ.Result r = RealImageJ.batchMacro(home, Path.of("docs/macros/batch-classify.ijm"),
			"model=" + model + " input=" + tables + " output=" + out + " roi_column=roi");
		assertTrue(r.output().contains("failed broken.csv"), r.output());
		assertTrue(r.output().contains("skipped 1 file that holds no localization table: labels.csv"), r.output());
		assertTrue(r.output().contains("batch-classify: done"), r.output()); // a bad file does not stop the macro
		assertFalse(Files.exists(out.resolve("broken-results.csv")));
		for (String name : new String[] { "a", "b" }) {
			Path cli = work.resolve(name + "-cli.csv");
			// A folder of cells always fits the caps (for its summary's closing angles): as --explain does.
			assertEquals(0, Main.run("classify", "--model", model.toString(), "--input",
				tables.resolve(name + ".csv").toString(), "--roi-column", "roi", "--explain", "--out", cli.toString()));
			assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(out.resolve(name + "-results.csv")), name);
		}
	}

	@Test
	void aFailingStepLogsAndStopsTheMacro(@TempDir Path work) throws Exception {
		Path macro = work.resolve("bad.ijm");
		Files.writeString(macro, "run(\"Classify\", \"model=[" + work.resolve("missing.zip") + "] input=[" + work
			+ "] output=[" + work.resolve("x.csv") + "]\");\nprint(\"still running\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("Clathrin Classifier: error: " + work.resolve("missing.zip")
			+ ": model file not found"), r.output());
		assertFalse(r.output().contains("still running"), r.output());
	}

	@Test
	void openLocalizationsShowsAnNmCalibratedHyperstack(@TempDir Path work) throws Exception {
		Path macro = work.resolve("open.ijm");
		Files.writeString(macro, "run(\"Open Localizations...\", \"input=[" + SIMULATED.resolve("all-structures.csv")
			+ "] show_volumes roi_column=roi\");\n"
			+ "getDimensions(w, h, c, s, f); getVoxelSize(vw, vh, vd, unit);\n"
			+ "print(\"DIMS \" + w + \" \" + h + \" \" + c + \" \" + s + \" \" + f + \" \" + unit + \" \" + d2s(vw, 3) + \" \" + d2s(vd, 3));\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("DIMS 30 30 1 30 16 nm 13.333 46.667"), r.output());
		assertTrue(r.output().contains("ThunderSTORM"), r.output()); // the info report went to the log
	}

	/**
	 * The deep-encoder fields of the Train dialog and the Reconstruct... entry, from a macro in real
	 * ImageJ: a conv-ae model trained with macro keys epochs and encoder_options, then reconstructed.
	 */
	@Test
	void deepTrainingAndReconstructionFromAMacro(@TempDir Path work) throws Exception {
		Path deep = work.resolve("conv.zip"), recon = work.resolve("recon");
		Path macro = work.resolve("deep.ijm");
		Files.writeString(macro, "run(\"Train...\", \"input=[" + SIMULATED.resolve("structures") + "] labels=["
			+ SIMULATED.resolve("labels.csv") + "] encoder=conv-ae seed=1 model=[" + deep + "] epochs=1 "
			+ "encoder_options=[filters=2,4 latent=8 batch=8] augment=1\");\n"
			+ "run(\"Reconstruct...\", \"model=[" + deep + "] input=[" + SIMULATED.resolve("structures") + "] output=["
			+ recon + "] limit=3\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(Files.exists(deep), r.output());
		String manifest = io.github.clathrin.pipeline.ModelFile.toJson(io.github.clathrin.pipeline.ModelFile.manifest(deep));
		assertTrue(manifest.contains("\"conv-ae\"") && manifest.contains("\"latent\": 8"), manifest);
		assertTrue(manifest.contains("\"copies\": 1"), "augmentation recorded: " + manifest);
		assertEquals(4, Files.readAllLines(recon.resolve("reconstruction-errors.csv")).size(), r.output());
	}
}
