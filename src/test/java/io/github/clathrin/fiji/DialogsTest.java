package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.pipeline.ModelFile;

/**
 * The Clathrin dialogs used by a person (real ImageJ, no macro): a path is remembered only after its
 * step succeeded, an existing output file is replaced only after asking, and a mistake reopens the
 * dialog with what was typed (see {@link DialogProbe}). A macro keeps its explicit paths and is never asked.
 */
class DialogsTest {

	static final Path SIMULATED = Path.of("test-data", "simulated").toAbsolutePath();

	@Test
	void anExistingModelIsReplacedOnlyAfterAsking(@TempDir Path tmp) throws Exception {
		Path png = ScreenshotsTest.SHOTS.resolve("replace-question.png").toAbsolutePath();
		String out = probe(tmp, "replace", png);
		Path existing = tmp.resolve("work/existing.zip");
		String question = out.lines().filter(l -> l.startsWith("QUESTION ")).findFirst().orElse("");
		for (String expected : new String[] { "[Replace]", "[Choose another]", "[Cancel]",
			existing + " already exists. Replace it?" })
			assertTrue(question.contains(expected), out);
		assertTrue(out.contains("REOPENED box=true model=true"), out);
		assertTrue(out.contains("AFTER CHOOSE ANOTHER existing=an earlier model box pref=200,200,700"), out);
		assertTrue(out.contains("AFTER CANCEL alive=false existing=an earlier model"), out);
		assertTrue(out.contains("AFTER REPLACE existing is a zip=true"), out);
		assertTrue(ImageIO.read(png.toFile()).getWidth() > 100, png.toString());
	}

	@Test
	void aMistakeReopensTheDialogWithTheTypedValues(@TempDir Path tmp) throws Exception {
		String out = probe(tmp, "mistakes", null);
		assertTrue(out.contains("REOPENED AFTER NUMBER seed=true model=true"), out);
		assertTrue(out.contains("ERROR " + tmp.resolve("work/missing")), out);
		assertTrue(out.contains("REOPENED AFTER INPUT input=true"), out);
	}

	@Test
	void theModelPathIsRememberedOnlyAfterTrainSucceeded(@TempDir Path tmp) throws Exception {
		String out = probe(tmp, "remember", null);
		Path existing = tmp.resolve("work/existing.zip"), fresh = tmp.resolve("work/fresh.zip");
		assertTrue(out.contains("AFTER FAILURE model pref=" + existing + " fresh exists=false"), out);
		assertTrue(out.contains("AFTER SUCCESS model pref=" + fresh + " fresh is a zip=true"), out);
	}

	/** Label Structures... runs its command: a failed step remembers nothing, a successful one opens the window. */
	@Test
	void labelStructuresRemembersOnlyAfterItsWindowOpened(@TempDir Path tmp) throws Exception {
		String out = probe(tmp, "label", null);
		assertTrue(out.contains("LABEL ERROR " + tmp.resolve("work/missing.zip") + ": model file not found"), out);
		assertTrue(out.contains("LABEL REOPENED model=true classes=true"), out);
		assertTrue(out.contains("LABEL AFTER FAILURE model pref=? classes pref=?"), out);
		assertTrue(out.contains("LABEL FRESH model=true classes=true"), out);
		assertTrue(out.contains("LABEL WINDOW classes=[pit, vesicle]"), out);
		assertTrue(out.contains("LABEL AFTER SUCCESS window=true classes pref=pit,vesicle"), out);
	}

	private static String probe(Path tmp, String scenario, Path png) throws Exception {
		Path work = Files.createDirectories(tmp.resolve("work"));
		RealImageJ.Result r = RealImageJ.run(RealImageJ.pluginsHome(tmp.resolve("ij")), DialogProbe.class.getName(),
			String.valueOf(png == null ? tmp.resolve("unused.png") : png), SIMULATED.resolve("structures").toString(),
			SIMULATED.resolve("labels.csv").toString(), work.toString(), scenario);
		assertEquals(0, r.exitCode(), r.output());
		return r.output();
	}

	/** Batch mode: the macro's explicit output path is written without a question, as before. */
	@Test
	void aMacroReplacesItsExplicitOutputWithoutAsking(@TempDir Path tmp) throws Exception {
		Path model = tmp.resolve("model.zip");
		Files.writeString(model, "an earlier model");
		Path macro = tmp.resolve("train.ijm");
		Files.writeString(macro, "run(\"Train...\", \"input=[" + SIMULATED.resolve("structures") + "] labels=["
			+ SIMULATED.resolve("labels.csv") + "] encoder=pca seed=1 model=[" + model + "]\");\nprint(\"trained\");\n");
		RealImageJ.Result r = RealImageJ.batchMacro(RealImageJ.pluginsHome(tmp.resolve("ij")), macro, "");
		assertTrue(r.output().contains("trained"), r.output());
		assertTrue(ModelFile.toJson(ModelFile.manifest(model)).contains("\"pca\""), r.output());
	}
}
