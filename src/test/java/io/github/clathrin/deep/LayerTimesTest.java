package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LayerTimesTest {

	@Test
	void timesEveryLayerOfTheCnnWithItsOutputShape() {
		DeepEncoder cnn = DeepEncoders.create(DeepEncoders.CNN, Map.of("filters", List.of(2, 4), "hidden", List.of(8), "batch", 4));
		LayerTimes.Result r = LayerTimes.measure(cnn, 8, 3, 2, 1);
		// conv 2 at 8^3, pool by 2, conv 4 at 4^3, pool by 2 (8 = 2 x 2 x 2 pools to 2^3), dense 8, softmax over 3.
		assertEquals(List.of("Convolution3DLayer", "Subsampling3DLayer", "Convolution3DLayer", "Subsampling3DLayer", "DenseLayer",
			"OutputLayer"), r.rows().stream().map(LayerTimes.Row::layer).toList());
		assertEquals(List.of("2x8x8x8", "2x4x4x4", "4x4x4x4", "4x2x2x2", "8", "3"), r.rows().stream().map(LayerTimes.Row::output).toList());
		for (LayerTimes.Row row : r.rows()) assertTrue(row.forwardMs() > 0 && row.backwardMs() > 0, row.toString());
		assertTrue(r.stepMs() > 0, "step " + r.stepMs());
		assertEquals(4, r.batch());
		String md = r.toMarkdown();
		assertTrue(md.contains("| 0 | Convolution3DLayer | 2x8x8x8 |") && md.contains("samples/s"), md);
	}

	@Test
	void timesAnAutoencoderAgainstItsOwnInput() {
		DeepEncoder ae = DeepEncoders.create(DeepEncoders.CONV_AE, Map.of("filters", List.of(2), "latent", 4, "batch", 2));
		LayerTimes.Result r = LayerTimes.measure(ae, 6, 2, 1, 1);
		List<LayerTimes.Row> rows = r.rows();
		assertEquals("2x6x6x6", rows.get(0).output());
		// The decoder ends in a volume of the input's size, which its loss compares with the input.
		String last = rows.get(rows.size() - 1).output();
		assertTrue(last.equals("216") || last.equals("1x6x6x6"), last);
		assertTrue(r.layersMs() > 0);
	}
}
