package io.github.clathrin.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.pipeline.Classification.Prediction;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.PageFiles;
import io.github.clathrin.task.Progress;

/**
 * The views people read at a glance, checked on headless images: colour by z with a colour bar, the same nm
 * scale in every tile, "CME match: yes/no" for yes/no models only, a red marker where the known label
 * differs, captions shortened in the middle, and galleries written in pages.
 */
class AtAGlanceTest {

	@TempDir
	Path tmp;

	private static final Legend YES_NO = new Legend(List.of("no", "yes"));
	private static final StructureRenderer RENDERER = new StructureRenderer(YES_NO);
	/** Looking along y: x to the right, z up (the xz view). */
	private static final View SIDE = View.ofAngles(0, -90, 1);

	/**
	 * Two flat clusters of 300 points: one at z = +100 nm (at x = -100), one at z = -100 nm (at x = +100), and
	 * one point in the middle, so that the median (the centre of the view) is the origin.
	 */
	private static Structure twoHeights() {
		double[] p = new double[601 * 3];
		for (int i = 0; i < 600; i++) {
			boolean high = i < 300;
			p[3 * i] = (high ? -100 : 100) + Math.sin(i * 1.3) * 30;
			p[3 * i + 1] = Math.cos(i * 0.7) * 30;
			p[3 * i + 2] = high ? 100 : -100;
		}
		return new Structure("two-heights", "test", p, null);
	}

	/** A 200 nm bar along x, dense, plus (when {@code ringNm} > 0) a ring of that radius in the yz plane. */
	private static Structure barWithRing(String key, double ringNm) {
		List<Double> p = new ArrayList<>();
		for (int i = 0; i <= 200; i++) {
			p.add(-100.0 + i);
			p.add(0.0);
			p.add(0.0);
		}
		if (ringNm > 0) for (int i = 0; i < 400; i++) {
			double a = 2 * Math.PI * i / 400;
			p.add(0.0);
			p.add(ringNm * Math.cos(a));
			p.add(ringNm * Math.sin(a));
		}
		return new Structure(key, "test", p.stream().mapToDouble(Double::doubleValue).toArray(), null);
	}

	private static float[] hsb(int rgb) {
		Color c = new Color(rgb);
		return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
	}

	/** Mean hue of the saturated (z-coloured) pixels in a rectangle; NaN when there are none. */
	private static double meanHue(BufferedImage img, int x0, int y0, int w, int h) {
		double sum = 0;
		int n = 0;
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++) {
				float[] c = hsb(img.getRGB(x, y));
				if (c[1] > 0.6f && c[2] > 0.3f) {
					sum += c[0];
					n++;
				}
			}
		return n < 20 ? Double.NaN : sum / n;
	}

	/**
	 * The longest vertical run, in the right third of the image, of saturated pixels whose hue only grows
	 * downward (red at the top, blue at the bottom) over a hue span of at least 0.5: the z colour bar.
	 */
	static int colourBarLength(BufferedImage img) {
		int best = 0;
		for (int x = img.getWidth() * 2 / 3; x < img.getWidth(); x++) {
			int run = 0;
			float first = 0, last = 0;
			for (int y = 0; y <= img.getHeight(); y++) {
				float[] c = y < img.getHeight() ? hsb(img.getRGB(x, y)) : new float[3];
				boolean saturated = c[1] > 0.6f && c[2] > 0.5f && c[0] < 0.8f;
				if (saturated && run > 0 && c[0] >= last - 0.01f) {
					run++;
					last = c[0];
					continue;
				}
				if (run > 0 && last - first >= 0.5f) best = Math.max(best, run);
				run = saturated ? 1 : 0;
				first = last = c[0];
			}
		}
		return best;
	}

	@Test
	void zColouringIsTheDefaultAndHasAColourBar() {
		BufferedImage z = RENDERER.render(twoHeights(), View.DEFAULT, 240, 240, null);
		assertTrue(colourBarLength(z) >= 30, "a red-to-blue colour bar: " + colourBarLength(z));
		BufferedImage depth = RENDERER.withColouring(StructureRenderer.Colouring.DEPTH).render(twoHeights(),
			View.DEFAULT, 240, 240, null);
		assertEquals(0, colourBarLength(depth), "no colour bar when coloured by depth");
	}

	@Test
	void highPointsAreRedderThanLowOnesInEveryView() {
		// From the side (z up): the upper cluster is red, the lower blue.
		BufferedImage side = RENDERER.render(twoHeights(), SIDE, 240, 240, null);
		double upper = meanHue(side, 20, 20, 170, 90), lower = meanHue(side, 20, 130, 170, 90);
		assertTrue(upper < 0.2 && lower > 0.5, "hue of high z " + upper + ", of low z " + lower);
		// From the top (z towards the viewer) the colour still tells the height: high at the left.
		BufferedImage top = RENDERER.render(twoHeights(), View.TOP, 240, 240, null);
		double left = meanHue(top, 10, 60, 100, 120), right = meanHue(top, 130, 60, 90, 120);
		assertTrue(left < right, "left (z +100) " + left + " redder than right (z -100) " + right);
	}

	/** Columns of the middle row that the bar covers: its length on screen in pixels. */
	private static int barSpan(BufferedImage img) {
		int bg = Legend.BACKGROUND.getRGB() & 0xFFFFFF, y = img.getHeight() / 2, lo = -1, hi = -1;
		for (int x = 0; x < img.getWidth(); x++)
			if ((img.getRGB(x, y) & 0xFFFFFF) != bg) {
				if (lo < 0) lo = x;
				hi = x;
			}
		return hi - lo + 1;
	}

	@Test
	void a200nmBarSpansTheSamePixelsInEveryTileAndEveryStructureOfTheLabellingWindow() {
		Structure alone = barWithRing("alone", 0), withRing = barWithRing("with-ring", 300);
		List<Structure> list = List.of(alone, withRing);
		Gallery g = Gallery.of(new StructureSet(list), null, List.of("no", "yes")).withView(View.TOP);
		// One structure per page: the scale holds across pages too.
		int a = barSpan(g.page(1, 1).renderTile(g.page(1, 1).entries().get(0), 200)),
			b = barSpan(g.page(2, 1).renderTile(g.page(2, 1).entries().get(0), 200));
		assertTrue(Math.abs(a - b) <= 2, "gallery: 200 nm is " + a + " px in one tile, " + b + " px in the other");

		StructureRenderer common = Gallery.commonScale(RENDERER, list);
		StructureRenderer same = LabellingWindow.renderer(common, false);
		int c = barSpan(same.render(alone, View.TOP, 300, 300, null)), d = barSpan(same.render(withRing, View.TOP, 300,
			300, null));
		assertTrue(Math.abs(c - d) <= 2, "labelling window: " + c + " px and " + d + " px for the same 200 nm");
		// Zoomed to each structure (the toggle, and what the window did before), the bar alone fills its view.
		StructureRenderer each = LabellingWindow.renderer(common, true);
		int e = barSpan(each.render(alone, View.TOP, 300, 300, null)), f = barSpan(each.render(withRing, View.TOP, 300,
			300, null));
		assertTrue(e > f * 2, "per-structure zoom: " + e + " px and " + f + " px");
	}

	@Test
	void captionsAreShortenedInTheMiddleSoKeysStayDistinct() {
		String k1 = "cell-2024-03-17_region-A_structure-0001", k2 = "cell-2024-03-17_region-A_structure-0002";
		Structure s = twoHeights();
		BufferedImage a = RENDERER.render(s, View.DEFAULT, 110, 110, null, k1),
			b = RENDERER.render(s, View.DEFAULT, 110, 110, null, k2);
		assertNotEquals(0, differing(a, b), "the two captions look the same");

		BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		FontMetrics fm = g.getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
		String f1 = StructureRenderer.fitMiddle(k1, fm, 90), f2 = StructureRenderer.fitMiddle(k2, fm, 90);
		g.dispose();
		assertTrue(f1.contains("\u2026") && f1.endsWith("0001") && f1.startsWith("cell"), f1);
		assertNotEquals(f1, f2);
		assertTrue(fm.stringWidth(f1) <= 90, f1);
	}

	private static int differing(BufferedImage a, BufferedImage b) {
		int[] pa = StructureRendererTest.pixels(a), pb = StructureRendererTest.pixels(b);
		int n = 0;
		for (int i = 0; i < pa.length; i++)
			if (pa[i] != pb[i]) n++;
		return n;
	}

	@Test
	void cmeMatchNamesOnlyForYesNoModels() {
		Overlay o = new Overlay("yes", 0.93, null);
		assertEquals("CME match: yes 0.93", RENDERER.badgeText(o));
		assertEquals("CME match: no", YES_NO.display("no"));
		assertTrue(new Legend(List.of("YES", "NO")).isYesNo());
		StructureRenderer three = new StructureRenderer(new Legend(List.of("yes", "no", "maybe")));
		assertEquals("yes 0.93", three.badgeText(o));
		StructureRenderer other = new StructureRenderer(new Legend(List.of("vesicle", "flat")));
		assertEquals("vesicle 0.80 | label: vesicle", other.badgeText(new Overlay("vesicle", 0.8, "vesicle")));
		assertFalse(new Legend(List.of("vesicle", "flat")).isYesNo());
	}

	@Test
	void aDifferingLabelIsARedFrameAndText() {
		Structure s = twoHeights();
		BufferedImage agree = RENDERER.render(s, View.DEFAULT, 160, 160, new Overlay("yes", 0.93, "yes")),
			differ = RENDERER.render(s, View.DEFAULT, 160, 160, new Overlay("yes", 0.93, "no"));
		int red = StructureRenderer.DIFFERS.getRGB() & 0xFFFFFF;
		// A red frame round the tile (the badges cover its top): left, bottom and right, inside the class frame.
		int f = Math.max(2, 160 / 60) + 1;
		for (int[] xy : new int[][] { { f, 120 }, { 80, 159 - f }, { f, 80 }, { 159 - f, 80 } })
			assertEquals(red, differ.getRGB(xy[0], xy[1]) & 0xFFFFFF, "red at " + xy[0] + "," + xy[1]);
		assertTrue(StructureRendererTest.count(differ, 0, 0, 160, 160, red) > 600);
		assertEquals(0, StructureRendererTest.count(agree, 0, 0, 160, 160, red));
	}

	@Test
	void galleriesOfManyStructuresAreWrittenInPages() throws IOException {
		List<Structure> list = new ArrayList<>();
		List<Prediction> predictions = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			double[] pts = new double[30];
			for (int k = 0; k < pts.length; k++) pts[k] = Math.sin(k * 1.7 + i) * 80;
			list.add(new Structure("s" + i, "test", pts, null));
			predictions.add(new Prediction("s" + i, "yes", 0.9, new double[] { 0.1, 0.9 }, null, 0));
		}
		Gallery g = Gallery.of(new StructureSet(list), predictions, List.of("no", "yes"));
		Path file = tmp.resolve("gallery.png");
		g.write(file, 24, Progress.NONE);
		try (Stream<Path> files = Files.list(tmp)) {
			assertEquals(List.of("gallery-001.png", "gallery-002.png", "gallery-003.png"),
				files.map(p -> p.getFileName().toString()).sorted().toList());
		}
		int columns = Gallery.defaultColumns(Gallery.DEFAULT_PAGE);
		BufferedImage first = ImageIO.read(tmp.resolve("gallery-001.png").toFile()),
			last = ImageIO.read(tmp.resolve("gallery-003.png").toFile());
		assertEquals(columns * 24, first.getWidth());
		assertEquals(Gallery.rows(100, columns) * 24 + Legend.STRIP_HEIGHT, first.getHeight());
		assertEquals(Gallery.rows(50, columns) * 24 + Legend.STRIP_HEIGHT, last.getHeight());
		assertEquals(3, g.pages(100));
		assertEquals(1, g.pages(250));

		// One page keeps the name given.
		Path one = tmp.resolve("one/g.tif");
		Gallery.of(new StructureSet(list.subList(0, 100)), predictions, List.of("no", "yes")).write(one, 24,
			Progress.NONE);
		try (Stream<Path> files = Files.list(one.getParent())) {
			assertEquals(List.of("g.tif"), files.map(p -> p.getFileName().toString()).toList());
		}
		assertEquals(Path.of("d/g-0007.png"), PageFiles.page(Path.of("d/g.png"), 7, 1200));
		assertTrue(PageFiles.isPageOf(Path.of("d/g-12345.png"), Path.of("d/g.png")));
		assertFalse(PageFiles.isPageOf(Path.of("d/g-1.png"), Path.of("d/g.png")));
		assertFalse(PageFiles.isPageOf(Path.of("e/g-001.png"), Path.of("d/g.png")));
	}
}
