package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real labelling window on a display (a child JVM under {@code xvfb-run -a}, as for real ImageJ):
 * the keys Y, N, U, S give the expected labels file after each key, the window reopened by the
 * "Label Structures..." command resumes at the next unlabelled structure, Retrain gives predictions
 * without blocking the event thread, and a screenshot lands in target/screenshots/labelling-window.png.
 */
class LabellingWindowTest {

	@Test
	void keysWriteTheLabelsFileAndReopeningResumes(@TempDir Path tmp) throws Exception {
		Path screenshot = Path.of("target", "screenshots", "labelling-window.png").toAbsolutePath();
		RealImageJ.Result r = RealImageJ.run(RealImageJ.pluginsHome(tmp), LabellingProbe.class.getName(), tmp.toString(), screenshot.toString());
		assertEquals(0, r.exitCode(), r.output());
		// Seven checked states: start, Y, N, U, S, an arrow key, the view keys F P V; then the window reopened
		// by the plugin, Y, Ctrl+Z, 2, and Y N before Retrain.
		assertEquals(12, r.output().lines().filter(l -> l.startsWith("OK {")).count(), r.output());
		assertTrue(r.output().contains("OK resumed at"), r.output());
		assertTrue(r.output().contains("OK retrained"), r.output());
		// T/F/R/V planes and P (zoom each) are keys of the window; "most uncertain first" without a model says
		// it is file order until the first Retrain.
		assertTrue(r.output().contains("OK plane xz"), r.output());
		assertTrue(r.output().contains("OK zoom each and back to the common scale"), r.output());
		assertTrue(r.output().contains("OK order note: no model yet: file order until the first Retrain"), r.output());
		assertTrue(r.output().contains("OK order note gone after Retrain"), r.output());
		System.out.println(r.output().lines().filter(l -> l.startsWith("KEYS ")).findFirst().orElse(""));
		assertTrue(Files.size(screenshot) > 5000, r.output());
	}
}
