package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;

import java.awt.event.KeyEvent;

import org.junit.jupiter.api.Test;

/** Esc in ImageJ cancels the running command; a stale Esc does not cancel the next one. */
class StatusBarProgressTest {

	@Test
	void escCancelsAndIsClearedForTheNextRun() {
		IJ.setKeyDown(KeyEvent.VK_ESCAPE); // pressed before the run started
		StatusBarProgress progress = new StatusBarProgress();
		assertFalse(progress.isCancelled());
		progress.report("Voxelizing", 3, 10);
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		assertTrue(progress.isCancelled());
		progress.finish();
		assertFalse(new StatusBarProgress().isCancelled());
	}
}
