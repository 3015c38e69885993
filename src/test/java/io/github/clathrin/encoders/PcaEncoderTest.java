package io.github.clathrin.encoders;

import io.github.clathrin.Cancelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;

class PcaEncoderTest {

	private final List<Sample> samples = SyntheticSamples.patterns(60, 10, 7);

	private static double error(PcaEncoder pca, Sample s) {
		double[] r = pca.reconstruct(pca.encode(s));
		float[] d = s.volume().data();
		double e = 0;
		for (int i = 0; i < d.length; i++) e += (r[i] - d[i]) * (r[i] - d[i]);
		return e;
	}

	@Test
	void threeComponentsReconstructThreePatterns() {
		PcaEncoder pca = new PcaEncoder(3, Double.NaN);
		pca.fit(samples, 1, Progress.NONE);
		assertEquals(3, pca.dimension());
		double withPca = 0, meanOnly = 0;
		PrincipalComponents pcs = pca.components();
		for (Sample s : samples) {
			withPca += error(pca, s);
			float[] d = s.volume().data();
			for (int i = 0; i < d.length; i++) meanOnly += (pcs.mean(i) - d[i]) * (pcs.mean(i) - d[i]);
		}
		assertTrue(withPca < 0.01 * meanOnly, "PCA error " + withPca + " vs mean-only baseline " + meanOnly);
	}

	@Test
	void componentsAreOrthonormalAndVarianceOptionPicksFew() {
		PcaEncoder pca = new PcaEncoder(10, Double.NaN);
		pca.fit(samples, 1, Progress.NONE);
		PrincipalComponents pcs = pca.components();
		assertEquals(10, pcs.size());
		for (int a = 0; a < pcs.size(); a++) {
			for (int b = 0; b < pcs.size(); b++) {
				double dot = 0;
				for (int i = 0; i < pcs.inputLength(); i++) dot += pcs.axis(a, i) * pcs.axis(b, i);
				assertEquals(a == b ? 1 : 0, dot, 1e-8, "axes " + a + ", " + b);
			}
		}
		PcaEncoder byVariance = PcaEncoder.fromOptions(Map.of("variance", 0.95));
		byVariance.fit(samples, 1, Progress.NONE);
		assertTrue(byVariance.dimension() <= 3, "3 patterns explain >95% variance, got " + byVariance.dimension());
	}

	@Test
	void capsComponentsAtSamplesMinusOne() {
		PcaEncoder pca = new PcaEncoder(50, Double.NaN);
		pca.fit(samples.subList(0, 5), 1, Progress.NONE);
		assertTrue(pca.dimension() <= 4);
	}

	@Test
	void refitsAndRoundTripsIdentically() throws IOException {
		PcaEncoder a = new PcaEncoder(5, Double.NaN), b = new PcaEncoder(5, Double.NaN);
		a.fit(samples, 3, Progress.NONE);
		b.fit(samples, 3, Progress.NONE);
		StateRoundTrip.assertRefitAndReloadAgree("pca", a, b, samples);
	}

	@Test
	void honoursCancellation() {
		Progress cancelled = Cancelling.always();
		assertThrows(CancelledException.class, () -> new PcaEncoder(3, Double.NaN).fit(samples, 1, cancelled));
	}
}
