package io.github.clathrin.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

class RendererTest {

	@Test
	void eachLocalizationLandsInItsPixel() {
		double[] x = { 0, 9.9, 10, 25, Double.NaN }, y = { 0, 0, 0, 19.9, 5 };
		LocalizationTable t = LocalizationTable.builder(java.nio.file.Path.of("cell.csv"), "test").column("x", "nm", x).column("y", "nm", y)
			.build();
		Rendering r = Renderer.histogram(t, 10);
		assertEquals(new ImageGrid(0, 0, 10, 3, 2), r.grid(), "0..25 nm in x at 10 nm: 3 columns");
		assertEquals(2, r.at(0, 0), "x 0 and 9.9 share the first pixel");
		assertEquals(1, r.at(1, 0));
		assertEquals(1, r.at(2, 1));
		float sum = 0;
		for (float p : r.pixels()) sum += p;
		assertEquals(4, sum, "the NaN row is left out");
		assertEquals(1, Renderer.histogram(new double[] { Double.NaN, 5 }, new double[] { 1, 1 }, r.grid()).pixels()[0]);
		assertEquals(3, r.img().dimension(0));
		assertEquals(1.5, r.grid().column(15));
		assertEquals(15, r.grid().x(1.5));
	}

	@Test
	void refusesAnImageTooLargeToHold() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ImageGrid.covering(0, 0, 1e9, 1e9, 1));
		assertEquals(true, e.getMessage().contains("choose larger pixels"), e.getMessage());
	}

	/** A 3D table of (x, y, z) triples plus optional extra columns given as name, unit, values. */
	static LocalizationTable table(double[][] xyz, Object... extra) {
		int n = xyz.length;
		double[] x = new double[n], y = new double[n], z = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = xyz[i][0];
			y[i] = xyz[i][1];
			z[i] = xyz[i][2];
		}
		LocalizationTable.Builder b = LocalizationTable.builder(Path.of("cell.csv"), "test").column("x", "nm", x)
			.column("y", "nm", y).column("z", "nm", z);
		for (int i = 0; i < extra.length; i += 3) b.column((String) extra[i], (String) extra[i + 1], (double[]) extra[i + 2]);
		return b.build();
	}

	static double sum(float[] pixels) {
		double s = 0;
		for (float p : pixels) s += p;
		return s;
	}

	/** Sum of the pixels within {@code radius} pixels of (column, row). */
	static double sumAround(Rendering r, int column, int row, int radius) {
		double s = 0;
		for (int j = row - radius; j <= row + radius; j++)
			for (int i = column - radius; i <= column + radius; i++) s += r.at(i, j);
		return s;
	}

	@Test
	void aGaussianKeepsTheMassOfEachLocalization() {
		// Corners make a 2000 x 2000 nm field; the three inside points' kernels lie wholly inside it, apart.
		LocalizationTable t = table(new double[][] { { 0, 0, 0 }, { 2000, 2000, 0 }, { 1000, 1000, 0 }, { 1003.7, 501.2, 0 },
			{ 500, 1502.5, 0 } });
		for (double sigma : new double[] { 3, 10, 25, 49 }) {
			CellRendering r = Renderer.render(t, RenderOptions.DEFAULT.withPixel(10).withSigma(sigma)
				.withColourBy(RenderOptions.ColourBy.DENSITY), Progress.NONE);
			assertEquals(5, r.drawn());
			assertEquals(1, sumAround(r.density(), 100, 100, 16), 1e-4, "sigma " + sigma);
			assertEquals(1, sumAround(r.density(), 100, 50, 16), 1e-4, "sigma " + sigma);
			assertEquals(1, sumAround(r.density(), 50, 150, 16), 1e-4, "sigma " + sigma);
			// the corner points lose the part of their kernel that falls off the image, nothing more
			assertTrue(sum(r.density().pixels()) > 3 + 2 * 0.25 - 1e-3, "sigma " + sigma);
			assertTrue(sum(r.density().pixels()) <= 5 + 1e-4, "sigma " + sigma);
		}
		// Wider sigma, lower peak: the kernel really spreads.
		float narrow = Renderer.render(t, RenderOptions.DEFAULT.withPixel(10).withSigma(5), Progress.NONE).density().at(100, 100);
		float wide = Renderer.render(t, RenderOptions.DEFAULT.withPixel(10).withSigma(30), Progress.NONE).density().at(100, 100);
		assertTrue(narrow > 3 * wide, narrow + " vs " + wide);
	}

	@Test
	void aHistogramCountsEveryLocalizationOnce() {
		LocalizationTable t = table(new double[][] { { 0, 0, 0 }, { 5, 5, 10 }, { 15, 0, 20 }, { 99, 99, 30 } });
		CellRendering r = Renderer.render(t, RenderOptions.DEFAULT.withPixel(10).withMethod(RenderOptions.Method.HISTOGRAM),
			Progress.NONE);
		assertEquals(4, sum(r.density().pixels()), 1e-6);
		assertEquals(2, r.density().at(0, 0));
		assertEquals(1, r.density().at(1, 0));
		assertEquals(1, r.density().at(9, 9));
		assertEquals("", r.sigma());
	}

	@Test
	void sigmaComesFromThePrecisionColumnWhenThereIsOne() {
		double[][] xyz = { { 0, 0, 0 }, { 1000, 1000, 0 }, { 300, 500, 0 }, { 700, 500, 0 } };
		LocalizationTable t = table(xyz, "uncertainty_xy", "nm", new double[] { 5, 5, 5, 40 });
		CellRendering r = Renderer.render(t, RenderOptions.DEFAULT.withPixel(10), Progress.NONE);
		assertTrue(r.sigma().contains("uncertainty_xy"), r.sigma());
		float precise = r.density().at(30, 50), vague = r.density().at(70, 50);
		assertTrue(precise > 10 * vague, precise + " vs " + vague);
		assertEquals(1, sumAround(r.density(), 70, 50, 16), 1e-4);
		// a precision in camera pixels is not nm: the user's (or the default) sigma applies
		LocalizationTable px = table(xyz, "uncertainty_xy", "px", new double[] { 5, 5, 5, 40 });
		CellRendering d = Renderer.render(px, RenderOptions.DEFAULT.withPixel(10), Progress.NONE);
		assertTrue(d.sigma().contains("sigma 10 nm"), d.sigma());
		assertEquals(d.density().at(30, 50), d.density().at(70, 50), 1e-6);
		// a sigma the user gives wins over the column
		CellRendering u = Renderer.render(t, RenderOptions.DEFAULT.withPixel(10).withSigma(20), Progress.NONE);
		assertEquals("sigma 20 nm", u.sigma());
	}

	@Test
	void colourByZRunsFromBlueAtTheLowestToRedAtTheHighest() {
		LocalizationTable t = table(new double[][] { { 0, 0, -300 }, { 100, 0, -150 }, { 200, 0, 0 }, { 300, 0, 150 },
			{ 400, 0, 300 } });
		CellRendering r = Renderer.render(t, RenderOptions.DEFAULT.withPixel(10).withMethod(RenderOptions.Method.HISTOGRAM),
			Progress.NONE);
		assertTrue(r.colouredByZ());
		assertEquals(-300, r.zMin());
		assertEquals(300, r.zMax());
		int w = r.grid().width();
		int[] lit = { r.rgb()[0], r.rgb()[10], r.rgb()[20], r.rgb()[30], r.rgb()[40] };
		assertEquals(0x0000ff, lit[0], "lowest z: blue");
		assertEquals(0x00ffff, lit[1], "cyan");
		assertEquals(0x00ff00, lit[2], "middle: green");
		assertEquals(0xffff00, lit[3], "yellow");
		assertEquals(0xff0000, lit[4], "highest z: red");
		assertEquals(0, r.rgb()[5], "no localization: black");
		assertEquals(41, w);
		// hue order along z, continuous
		for (int i = 1; i <= 100; i++) assertTrue(hueOf(ZColours.colour(i / 100.0)) <= hueOf(ZColours.colour((i - 1) / 100.0)));
		// by density: no colours, and a 2D table cannot be coloured by z
		assertNull(Renderer.render(t, RenderOptions.DEFAULT.withColourBy(RenderOptions.ColourBy.DENSITY), Progress.NONE).rgb());
		LocalizationTable flat = LocalizationTable.builder(Path.of("flat.csv"), "test").column("x", "nm", new double[] { 0,
			100 }).column("y", "nm", new double[] { 0, 100 }).build();
		CellRendering f = Renderer.render(flat, RenderOptions.DEFAULT.withZ(Double.NaN, Double.NaN, 4), Progress.NONE);
		assertNull(f.rgb());
		assertEquals(1, f.slices().size(), "no z, no z-stack");
		assertEquals(2, f.drawn());
	}

	/** Hue in degrees of a full-brightness colour. */
	static double hueOf(int rgb) {
		float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, null);
		return hsb[0] * 360;
	}

	@Test
	void brightnessFollowsDensityAndSaturates() {
		double[][] xyz = new double[102][];
		for (int i = 0; i < 100; i++) xyz[i] = new double[] { 0, 0, 0 }; // one dense pixel
		xyz[100] = new double[] { 100, 0, 0 };
		xyz[101] = new double[] { 200, 0, 10 };
		CellRendering r = Renderer.render(table(xyz), RenderOptions.DEFAULT.withPixel(10).withMethod(RenderOptions
			.Method.HISTOGRAM), Progress.NONE);
		int dense = r.rgb()[0], single = r.rgb()[10];
		assertEquals(0x0000ff, dense, "dense pixel at full brightness");
		assertTrue((single & 0xff) > 0 && (single & 0xff) < 0x10, Integer.toHexString(single));
	}

	@Test
	void theDefaultPixelFitsTheCellInAbout2000PixelsBetween10And20Nm() {
		assertEquals(10, RenderOptions.automaticPixel(400), "one structure: 10 nm");
		assertEquals(10, RenderOptions.automaticPixel(4980), "ThunderSTORM_TS3D's 5 um cell: 10 nm");
		assertEquals(10, RenderOptions.automaticPixel(20000));
		assertEquals(15, RenderOptions.automaticPixel(30000));
		assertEquals(20, RenderOptions.automaticPixel(40000));
		assertEquals(21, RenderOptions.automaticPixel(40960), "the benchmark's field");
		assertEquals(50, RenderOptions.automaticPixel(100000), "a wider field needs coarser pixels");
		LocalizationTable t = table(new double[][] { { 0, 0, 0 }, { 30000, 1000, 0 } });
		CellRendering r = Renderer.render(t, RenderOptions.DEFAULT, Progress.NONE);
		assertEquals(15, r.grid().pixelNm());
		assertEquals(2001, r.grid().width());
		assertEquals(67, r.grid().height());
	}

	@Test
	void zSlicesSplitTheZRangeAndTheRangeLeavesOutTheRest() {
		LocalizationTable t = table(new double[][] { { 0, 0, -250 }, { 10, 0, -50 }, { 20, 0, 0 }, { 30, 0, 250 },
			{ 40, 0, 290 }, { 50, 0, 400 } });
		CellRendering r = Renderer.render(t, RenderOptions.DEFAULT.withPixel(10).withMethod(RenderOptions.Method.HISTOGRAM)
			.withZ(-300, 300, 3), Progress.NONE);
		assertTrue(r.isStack());
		assertNull(r.rgb(), "a z-stack shows z by its slices");
		assertEquals(3, r.slices().size());
		assertEquals(200, r.sliceThicknessNm());
		assertEquals(5, r.drawn(), "z 400 is outside the range");
		assertEquals(6, r.total());
		assertEquals(1, r.slices().get(0).at(0, 0));
		assertEquals(1, r.slices().get(1).at(1, 0));
		assertEquals(1, r.slices().get(1).at(2, 0));
		assertEquals(1, r.slices().get(2).at(3, 0));
		assertEquals(1, r.slices().get(2).at(4, 0));
		assertEquals(0, sum(r.slices().get(0).pixels()) - 1);
		assertEquals(6, r.grid().width(), "the range does not move the grid");
		assertThrows(IllegalArgumentException.class, () -> RenderOptions.DEFAULT.withZ(10, 10, 1));
		assertThrows(IllegalArgumentException.class, () -> RenderOptions.DEFAULT.withZ(0, 10, 0));
	}

	@Test
	void cancellingStopsTheRendering() {
		LocalizationTable t = table(new double[][] { { 0, 0, 0 }, { 10, 10, 10 } });
		Progress cancelled = new Progress() {

			@Override
			public void report(String stage, long done, long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(CancelledException.class, () -> Renderer.render(t, RenderOptions.DEFAULT, cancelled));
	}
}
