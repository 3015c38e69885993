package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

class LayerTimesTest {

	@Test
	void timesEveryLayerOfTheCnnWithItsOutputShape() {
		DeepEncoder cnn = DeepEncoders.create(DeepEncoders.CNN, Map.of("filters", List.of(2, 4), "hidden", List.of(8), "batch", 4));
		LayerTimes.Result r = LayerTimes.measure(cnn, 8, 3, 2, 1, Progress.NONE);
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
	void reportsEachBatchAndStopsWhenCancelled() {
		DeepEncoder cnn = DeepEncoders.create(DeepEncoders.CNN, Map.of("filters", List.of(2), "hidden", List.of(4), "batch", 2));
		java.util.List<String> seen = new java.util.ArrayList<>();
		Progress cancelAfterFirstLayerBatch = new Progress() {
			@Override
			public void report(String stage, long done, long total) {
				seen.add(stage + " " + done + "/" + total);
			}

			@Override
			public boolean isCancelled() {
				return seen.contains("Timing cnn: layer by layer 1/5");
			}
		};
		assertThrows(CancelledException.class, () -> LayerTimes.measure(cnn, 6, 2, 2, 1, cancelAfterFirstLayerBatch));
		assertEquals(List.of("Timing cnn: whole steps 0/2", "Timing cnn: whole steps 1/2", "Timing cnn: whole steps 2/2",
			"Timing cnn: layer by layer 0/5", "Timing cnn: layer by layer 1/5"), seen);
	}

	@Test
	void timesAnAutoencoderAgainstItsOwnInput() {
		DeepEncoder ae = DeepEncoders.create(DeepEncoders.CONV_AE, Map.of("filters", List.of(2), "latent", 4, "batch", 2));
		LayerTimes.Result r = LayerTimes.measure(ae, 6, 2, 1, 1, Progress.NONE);
		List<LayerTimes.Row> rows = r.rows();
		assertEquals("2x6x6x6", rows.get(0).output());
		// The decoder ends in a volume of the input's size, which its loss compares with the input.
		String last = rows.get(rows.size() - 1).output();
		assertTrue(last.equals("216") || last.equals("1x6x6x6"), last);
		assertTrue(r.layersMs() > 0);
	}
}
