package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.SharedData;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.render.Renderer;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/** {@code classify --segment --overlay} on the real whole-cell table, and the summary plot of a folder of cells. */
class ClassifyOverlayTest {

	static final Path CELL = SharedData.file("formats/thunderstorm/ThunderSTORM_TS3D.csv");

	@TempDir
	static Path dir;

	static Path model;

	@BeforeAll
	static void train() throws IOException {
		Path simulated = Path.of("test-data", "simulated");
		StructureSet set = StructureLoader.fromFolder(simulated.resolve("structures"),
			f -> LocalizationReaders.read(f, ReadOptions.DEFAULT, Progress.NONE));
		set = Labels.read(simulated.resolve("labels.csv")).apply(set).structures();
		model = dir.resolve("model.zip");
		ModelFile.write(Training.train(set, new Training.Options(VoxelConfig.DEFAULT, "lab", Map.of(), "svm", 1),
			Progress.NONE), model);
	}

	@Test
	void theOverlayHasTheRenderingsSize(@TempDir Path out) throws Exception {
		Path png = out.resolve("cell.png"), results = out.resolve("results.csv");
		MainTest.Result r = MainTest.cli("classify", "--model", model.toString(), "--input", CELL.toString(), "--segment",
			"--min-size", "40", "--out", results.toString(), "--overlay", png.toString(), "--overlay-pixel", "25");
		assertEquals(0, r.exit(), r.toString());
		BufferedImage image = ImageIO.read(png.toFile());
		var grid = Renderer.gridFor(LocalizationReaders.read(CELL, ReadOptions.DEFAULT, Progress.NONE), 25);
		assertEquals(grid.width(), image.getWidth());
		assertEquals(grid.height(), image.getHeight());
		assertTrue(Files.exists(out.resolve("results-summary.csv")) && Files.exists(out.resolve("results-segments.csv")));
		assertTrue(r.out().contains("Overlay (" + grid.width() + " x " + grid.height()), r.toString());
	}

	@Test
	void anOverlayNeedsSegmentAndNeverReplacesAnInput(@TempDir Path out) throws Exception {
		MainTest.Result r = MainTest.cli("classify", "--model", model.toString(), "--input", CELL.toString(), "--out",
			out.resolve("r.csv").toString(), "--overlay", out.resolve("cell.png").toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("--segment"), r.toString());
		long size = Files.size(model);
		r = MainTest.cli("classify", "--model", model.toString(), "--input", CELL.toString(), "--segment", "--out",
			out.resolve("r.csv").toString(), "--overlay", model.toString());
		assertEquals(2, r.exit(), r.toString());
		r = MainTest.cli("classify", "--model", model.toString(), "--input", CELL.toString(), "--segment", "--out",
			out.resolve("r.png").toString(), "--overlay", out.resolve("r.png").toString());
		assertEquals(size, Files.size(model));
		assertFalse(Files.exists(out.resolve("r.csv")));
	}

	@Test
	void aFolderOfCellsGetsTheSummaryPlot(@TempDir Path out) throws Exception {
		Path in = Files.createDirectories(out.resolve("cells")), results = out.resolve("results");
		Path all = Path.of("test-data", "simulated", "all-structures.csv");
		Files.copy(all, in.resolve("a.csv"));
		List<String> lines = Files.readAllLines(all);
		Files.write(in.resolve("b.csv"), lines.subList(0, lines.size() / 2));
		MainTest.Result r = MainTest.cli("classify", "--model", model.toString(), "--input", in.toString(),
			"--roi-column", "roi", "--out", results.toString());
		assertEquals(0, r.exit(), r.toString());
		BufferedImage plot = ImageIO.read(results.resolve("summary.png").toFile());
		assertTrue(plot.getWidth() > 500 && plot.getHeight() > 500, plot.getWidth() + " x " + plot.getHeight());
		assertEquals(3, Files.readAllLines(results.resolve("summary.csv")).size());
	}
}
