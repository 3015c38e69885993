package io.github.clathrin.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.Voxelizer;

/** Writes the gallery and single-view screenshots under target/screenshots for people to look at. */
class ScreenshotsTest {

	static final Path DIR = Path.of("target", "screenshots");

	@Test
	void galleryAndView() throws IOException {
		Screenshots s = Screenshots.get();
		Gallery g = Gallery.of(s.set, s.predictions, s.model.classNames()).sortedBy(Gallery.Sort.CLASS);
		Path gallery = DIR.resolve("gallery.png");
		g.write(gallery, 6, Gallery.DEFAULT_TILE, Progress.NONE);
		assertTrue(Files.size(gallery) > 1000);

		// A smaller sheet for docs/images (kept under 300 KB): 18 structures, both classes.
		Gallery small = new Gallery(Gallery.sorted(g.entries().subList(3, 21), Gallery.Sort.CLASS,
			s.model.classNames()), g.renderer(), g.view());
		small.write(DIR.resolve("gallery-small.png"), 6, 150, Progress.NONE);

		Gallery.Entry first = g.entries().get(0);
		Path view = DIR.resolve("view.png");
		Files.createDirectories(DIR);
		ImageIO.write(g.renderer().render(first.structure(), View.DEFAULT, 480, 480, first.overlay(),
			first.structure().key()), "png", view.toFile());
		assertTrue(Files.size(view) > 1000);

		// The same structure as the model sees it: a voxelized volume, drawn as a maximum projection.
		Volume v = new Voxelizer(s.model.voxels()).voxelize(first.structure().points()).volume();
		Structure asVolume = Structure.ofVolume(first.structure().key(), "voxelized", v, null);
		ImageIO.write(new StructureRenderer(g.renderer().legend(), s.model.voxels()).render(asVolume, View.DEFAULT,
			480, 480, first.overlay(), asVolume.key() + " (voxels)"), "png", DIR.resolve("view-volume.png").toFile());
	}
}
