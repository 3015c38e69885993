package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.batch.BatchInputs;
import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.batch.BatchRun;
import io.github.clathrin.batch.LocalEngine;
import io.github.clathrin.datasets.WholeCells;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.task.Progress;

/**
 * Batch Classify Cells... from a macro in real ImageJ: a simulated screen is classified on the local engine into
 * the same files as the batch core writes, and the macro gets the summary plots.
 */
class BatchMacroTest {

	@Test
	void aMacroClassifiesAScreenIntoTheSameFilesAsTheCommandLine(@TempDir Path work) throws Exception {
		Path home = RealImageJ.pluginsHome(work.resolve("ij")), model = MacrosTest.trainedModel(work);
		Path cells = work.resolve("cells"), out = work.resolve("out"), reference = work.resolve("reference");
		WholeCells.screen(cells, 3, 5, 9, Progress.NONE);
		Path macro = work.resolve("batch.ijm");
		Files.writeString(macro, "run(\"Batch Classify Cells...\", \"model=[" + model + "] input=[" + cells
			+ "] output=[" + out + "] threads=2\");\nlist = \"\";\nfor (i = 1; i <= nImages; i++) { selectImage(i); "
			+ "list = list + getTitle() + \";\"; }\nprint(\"IMAGES \" + list);\n");
		RealImageJ.Result r = RealImageJ.batchMacro(home, macro, "");
		assertTrue(r.output().contains("3 cells: 3 classified, 0 skipped (results exist), 0 failed"), r.output());
		assertTrue(r.output().contains("IMAGES Structures per class in each cell;Closing angle of the fitted caps, per "
			+ "class;"), r.output());
		assertTrue(Files.size(out.resolve(BatchJob.SUMMARY_PLOT)) > 1000);

		BatchRun.run(new BatchJob(model.toString(), ReadOptions.DEFAULT, SegmentConfig.DEFAULT, 250, reference
			.toString(), false), BatchInputs.of(cells), new LocalEngine(1), Progress.NONE);
		for (String f : List.of("cell-001-results.csv", "cell-002-results.csv", "cell-003-results.csv",
			BatchJob.SUMMARY))
			assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
		assertEquals(4, Files.readAllLines(out.resolve(BatchJob.SUMMARY)).size());
	}
}
