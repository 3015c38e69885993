package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Train and evaluate warn of a collapsed encoder and not of a healthy one. A really collapsed model: the study's
 * dense autoencoder (plain sigmoid code, codeNorm=false) trained with a learning rate of 1, after which every
 * structure gets the same code; the healthy ones are the default dense autoencoder, and PCA.
 */
class CollapseWarningsTest {

	@Test
	void trainAndEvaluateWarnOfACollapsedEncoderAndNotOfAHealthyOne(@TempDir Path tmp)
	{
		String structures = "test-data/simulated/structures", labels = "test-data/simulated/labels.csv";
		MainTest.Result collapsed = MainTest.cli("train", "--input", structures, "--labels", labels, "--encoder",
			"dense-ae", "-E", "dense-ae.codeNorm=false", "-E", "dense-ae.learningRate=1", "-E", "dense-ae.epochs=5",
			"--out", tmp.resolve("bad.zip")
				.toString());
		assertEquals(0, collapsed.exit(), collapsed.toString());
		assertTrue(collapsed.out().contains("warning: dense-ae collapsed: its codes are the same for every structure"),
			collapsed.toString());
		assertTrue(collapsed.out().contains("warning: dense-ae collapsed: it predicts '"), collapsed.toString());
		for (String[] healthy : new String[][] { { "dense-ae", "-E", "dense-ae.epochs=5" }, { "pca" } }) {
			java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--input", structures,
				"--labels", labels, "--out", tmp.resolve(healthy[0] + ".zip").toString(), "--encoder"));
			args.addAll(java.util.List.of(healthy));
			MainTest.Result r = MainTest.cli(args.toArray(String[]::new));
			assertEquals(0, r.exit(), r.toString());
			assertFalse(r.toString().contains("collapsed"), r.toString());
		}

		MainTest.Result evaluated = MainTest.cli("evaluate", "--input", structures, "--labels", labels, "--encoders",
			"pca,dense-ae", "-E", "dense-ae.codeNorm=false", "-E", "dense-ae.learningRate=1", "-E", "dense-ae.epochs=5",
			"--folds", "2");
		assertEquals(0, evaluated.exit(), evaluated.toString());
		String out = evaluated.out();
		assertTrue(out.contains("warning: dense-ae collapsed: its codes are the same"), evaluated.toString());
		assertFalse(out.contains("pca collapsed"), out);
	}
}
