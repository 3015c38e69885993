package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Show Structures in 3D asks before it replaces an earlier gallery, also when that gallery was written in
 * pages (gallery-001.png...) and the name given does not exist itself.
 */
class GalleryPagesQuestionTest {

	@Test
	void anEarlierPagedGalleryIsFoundByItsFirstPage(@TempDir Path tmp) throws Exception {
		File gallery = tmp.resolve("gallery.png").toFile();
		assertNull(ClathrinPlugIn.existingGallery(gallery));
		Path first = Files.createFile(tmp.resolve("gallery-001.png"));
		assertEquals(first.toFile(), ClathrinPlugIn.existingGallery(gallery));
		Files.createFile(gallery.toPath());
		assertEquals(gallery, ClathrinPlugIn.existingGallery(gallery));
		assertNull(ClathrinPlugIn.existingGallery(tmp.resolve("other.tif").toFile()));
	}
}
