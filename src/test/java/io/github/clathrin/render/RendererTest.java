package io.github.clathrin.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.github.clathrin.localizations.LocalizationTable;

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
}
