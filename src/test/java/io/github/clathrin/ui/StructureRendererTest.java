package io.github.clathrin.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Volume;

/** The renderer draws what it is given, headless, and the same inputs give the same pixels. */
class StructureRendererTest {

	private static Structure cap;
	private static final StructureRenderer RENDERER = new StructureRenderer(new Legend(List.of("no", "yes")));

	@BeforeAll
	static void simulate() {
		cap = new ClathrinSimulator(SimulationConfig.defaults().withCounts(4, 4).withSeed(3)).simulate(Progress.NONE)
			.toStructureSet().get(0);
	}

	@Test
	void runsHeadless() {
		assertTrue(GraphicsEnvironment.isHeadless(), "tests run with java.awt.headless=true");
	}

	@Test
	void drawsTheSimulatedCap() {
		BufferedImage img = RENDERER.render(cap, View.DEFAULT, 200, 160, null);
		assertEquals(200, img.getWidth());
		assertEquals(160, img.getHeight());
		// The middle of the image (away from the scale bar and axes) holds the splats.
		assertTrue(nonBackground(img, 50, 30, 100, 80) > 300, "splats in the middle");
	}

	@Test
	void samePixelsForTheSameInputs() {
		assertArrayEquals(pixels(RENDERER.render(cap, View.DEFAULT, 120, 120, null)),
			pixels(RENDERER.render(cap, View.DEFAULT, 120, 120, null)));
	}

	@Test
	void rotatingAboutYChangesTheImage() {
		View top = View.TOP;
		BufferedImage a = RENDERER.render(cap, top, 160, 160, null);
		BufferedImage b = RENDERER.render(cap, top.rotatedBy(90, 0), 160, 160, null);
		int differ = 0;
		int[] pa = pixels(a), pb = pixels(b);
		for (int i = 0; i < pa.length; i++)
			if (pa[i] != pb[i]) differ++;
		assertTrue(differ > 1000, "pixels differing after a 90 degree turn: " + differ);
		// Turning back gives the first image again.
		assertArrayEquals(pa, pixels(RENDERER.render(cap, top.rotatedBy(90, 0).rotatedBy(-90, 0), 160, 160, null)));
	}

	@Test
	void overlayBadgeHasTheClassColour() {
		BufferedImage img = RENDERER.render(cap, View.DEFAULT, 160, 160, new Overlay("yes", 0.93, "no"));
		int yes = Legend.ORANGE.getRGB() & 0xFFFFFF;
		assertTrue(count(img, 0, 0, 60, 14, yes) > 100, "orange badge at the top left");
		assertTrue(count(img, 0, 0, 160, 160, StructureRenderer.DIFFERS.getRGB() & 0xFFFFFF) > 0,
			"red marks the disagreement");
		assertEquals(yes, img.getRGB(80, 159) & 0xFFFFFF, "the frame has the class colour");
		assertEquals("yes 0.93 | label: no", new Overlay("yes", 0.93, "no").text());
		assertEquals("no 0.51", new Overlay("no", 0.505, null).text());
	}

	@Test
	void readyVolumeRendersAsMaximumProjection() {
		// A bright 4x4x4 cube in the middle of a 20^3 volume; looking down z, the projection is a square.
		int n = 20;
		Volume v = Volume.zeros(n, n, n);
		for (int z = 8; z < 12; z++)
			for (int y = 8; y < 12; y++)
				for (int x = 8; x < 12; x++) v.data()[x + n * (y + n * z)] = 1;
		Structure s = Structure.ofVolume("cube", "test", v, null);
		BufferedImage img = RENDERER.render(s, View.TOP, 160, 160, null);
		int centre = img.getRGB(80, 80) & 0xFFFFFF, bg = Legend.BACKGROUND.getRGB() & 0xFFFFFF;
		assertFalse(centre == bg, "the cube shows in the middle");
		assertEquals(bg, img.getRGB(30, 30) & 0xFFFFFF, "nothing away from the cube");
		// Only the brightest voxel along each ray counts: a dim voxel behind the cube changes nothing.
		v.data()[10 + n * (10 + n * 2)] = 0.2f;
		assertEquals(centre, RENDERER.render(s, View.TOP, 160, 160, null).getRGB(80, 80) & 0xFFFFFF);
	}

	@Test
	void emptyStructuresSayWhy() {
		BufferedImage img = RENDERER.render(new Structure("empty", "test", new double[0], null), View.DEFAULT, 100,
			100, null);
		assertTrue(nonBackground(img, 0, 40, 100, 20) > 0);
	}

	static int[] pixels(BufferedImage img) {
		return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
	}

	static int nonBackground(BufferedImage img, int x0, int y0, int w, int h) {
		int bg = Legend.BACKGROUND.getRGB() & 0xFFFFFF, c = 0;
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++)
				if ((img.getRGB(x, y) & 0xFFFFFF) != bg) c++;
		return c;
	}

	static int count(BufferedImage img, int x0, int y0, int w, int h, int rgb) {
		int c = 0;
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++)
				if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) c++;
		return c;
	}
}
