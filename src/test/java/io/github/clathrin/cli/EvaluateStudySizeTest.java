package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.task.Progress;

/** {@code evaluate --json} on a simulated data set the size of the study: 899 structures, 280 labelled. */
class EvaluateStudySizeTest {

	@TempDir
	Path tmp;

	@Test
	void everyEncoderLearnsTheSimulatedProblem() throws IOException {
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(899, 280).withSeed(1)).simulate(Progress.NONE)
			.write(tmp);
		Path json = tmp.resolve("evaluation.json");
		MainTest.Result r = MainTest.cli("evaluate", "--input", tmp.resolve(SimulatedDataset.STRUCTURES_DIR).toString(),
			"--labels", tmp.resolve(SimulatedDataset.LABELS).toString(), "--encoders", "pca,kmeans,lab", "--json",
			json.toString());
		System.out.println(r.out()); // the table, for the surefire log
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("5-fold cross-validation on 280 labelled of 899 structures"), r.toString());

		JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		JsonObject accuracy = root.getAsJsonObject("accuracy"), seconds = root.getAsJsonObject("seconds");
		List<String> rows = List.of("pca", "kmeans", "lab", "lab+logistic");
		assertEquals(rows, List.copyOf(accuracy.keySet()));
		assertEquals(accuracy.keySet(), seconds.keySet());
		for (String row : rows) {
			double a = accuracy.get(row).getAsDouble();
			// Chance is 0.5 on this balanced two-class problem; every row must clearly beat it.
			assertTrue(a > 0.6 && a <= 1, row + " accuracy " + a + "\n" + r.out());
			assertTrue(seconds.get(row).getAsDouble() >= 0, row);
		}
		assertEquals(899, root.get("structures").getAsInt());
		assertEquals(280, root.get("labelled").getAsInt());
		assertEquals(5, root.get("folds").getAsInt());
	}
}
