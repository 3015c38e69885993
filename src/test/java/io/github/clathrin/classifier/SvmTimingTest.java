package io.github.clathrin.classifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.github.clathrin.task.Progress;

/** Times the study-sized case (280 samples x 50 features, 2 classes) and writes it under target/. */
class SvmTimingTest {

	@Test
	void studySizedFitAndCrossValidation() throws IOException {
		SyntheticData data = SyntheticData.blobs(280, 50, 2, 1.5, 12);
		new SvmClassifier().fit(data.x, data.y, 2, 0, Progress.NONE); // warm-up: JIT and class loading
		long t0 = System.nanoTime();
		SvmClassifier svm = new SvmClassifier();
		svm.fit(data.x, data.y, 2, 1, Progress.NONE);
		long t1 = System.nanoTime();
		Evaluation e = CrossValidation.run(data.x, data.y, 2, data.classNames(), SvmClassifier::new, 5, 1, Progress.NONE);
		long t2 = System.nanoTime();
		String report = String.format(Locale.ROOT,
			"SvmClassifier.fit 280x50, 2 classes: %.2f s (%s)%n5-fold CrossValidation.run: %.2f s, accuracy %.3f%n",
			(t1 - t0) / 1e9, svm.parameters(), (t2 - t1) / 1e9, e.accuracy());
		System.out.print(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "svm-timing.txt"), report);
		assertTrue((t1 - t0) / 1e9 < 60, report); // a hang guard, not a benchmark
	}
}
