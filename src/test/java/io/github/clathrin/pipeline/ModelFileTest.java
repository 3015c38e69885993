package io.github.clathrin.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.VoxelConfig;

/** The model file: round trip, determinism, and refusal of newer, damaged or foreign files. */
class ModelFileTest {

	@TempDir
	static Path dir;

	static StructureSet data;
	static Model model;
	static Path file;

	@BeforeAll
	static void train() throws IOException {
		data = new ClathrinSimulator(SimulationConfig.defaults().withCounts(80, 40).withSeed(3)).simulate()
			.toStructureSet();
		model = Training.train(data, new Training.Options(VoxelConfig.DEFAULT, "pca", Map.of("components", 10),
			"svm", 5), Progress.NONE);
		file = dir.resolve("model.zip");
		ModelFile.write(model, file);
	}

	@Test
	void roundTripGivesIdenticalPredictions() {
		Model back = ModelFile.read(file);
		assertEquals(model.classNames(), back.classNames());
		assertEquals(model.voxels(), back.voxels());
		assertEquals(model.encoder().parameters(), back.encoder().parameters());
		List<Classification.Prediction> a = Classification.classify(model, data, Progress.NONE);
		List<Classification.Prediction> b = Classification.classify(back, data, Progress.NONE);
		assertEquals(data.size(), a.size());
		// The same structures lose the same localizations to the box in training and in classification.
		long outside = a.stream().mapToLong(Classification.Prediction::outsideBox).sum();
		assertEquals(model.training().localizationsOutsideBox(), outside);
		assertEquals(model.training().structuresPartlyOutsideBox(),
			(int) a.stream().filter(x -> x.outsideBox() > 0).count());
		for (int i = 0; i < a.size(); i++) {
			assertEquals(a.get(i).predicted(), b.get(i).predicted());
			assertArrayEquals(a.get(i).probabilities(), b.get(i).probabilities(), 0.0);
		}
	}

	@Test
	void manifestDescribesTheModel() {
		Map<String, Object> m = ModelFile.manifest(file);
		assertEquals(ModelFile.FORMAT, m.get("format"));
		assertEquals(1L, m.get("formatVersion"));
		assertEquals(List.of("no", "yes"), m.get("classNames"));
		assertEquals("pca", ((Map<?, ?>) m.get("encoder")).get("name"));
		assertEquals("svm", ((Map<?, ?>) m.get("classifier")).get("name"));
		Map<?, ?> training = (Map<?, ?>) m.get("training");
		assertEquals(80L, training.get("structures"));
		assertEquals(40L, training.get("labelled"));
		assertEquals(5L, training.get("seed"));
	}

	@Test
	void sameModelWritesSameBytes() throws IOException {
		Path again = dir.resolve("again.zip");
		ModelFile.write(ModelFile.read(file), again);
		assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
	}

	@Test
	void newerFormatIsRefusedWithAnUpdateHint() throws IOException {
		Path newer = rewrite("newer.zip", ModelFile.MANIFEST,
			s -> s.replace("\"formatVersion\": 1", "\"formatVersion\": 99"));
		InputException e = assertThrows(InputException.class, () -> ModelFile.read(newer));
		assertTrue(e.getMessage().contains("newer.zip") && e.getMessage().contains("99")
			&& e.getMessage().contains("update"), e.getMessage());
	}

	@Test
	void damagedPartIsRefused() throws IOException {
		Path damaged = rewrite("damaged.zip", ModelFile.CLASSIFIER_PART, s -> s.substring(0, s.length() / 2));
		InputException e = assertThrows(InputException.class, () -> ModelFile.read(damaged));
		assertTrue(e.getMessage().contains("damaged.zip") && e.getMessage().contains("checksum"), e.getMessage());
	}

	@Test
	void foreignFilesAreRefused() throws IOException {
		Path random = dir.resolve("random.zip");
		byte[] bytes = new byte[4096];
		new java.util.Random(1).nextBytes(bytes);
		Files.write(random, bytes);
		InputException e = assertThrows(InputException.class, () -> ModelFile.read(random));
		assertTrue(e.getMessage().contains("random.zip") && e.getMessage().contains("not a Clathrin Classifier model"),
			e.getMessage());

		Path truncated = dir.resolve("truncated.zip");
		byte[] whole = Files.readAllBytes(file);
		Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
		assertThrows(InputException.class, () -> ModelFile.read(truncated));

		Path noManifest = rewrite("nomanifest.zip", null, s -> s);
		e = assertThrows(InputException.class, () -> ModelFile.read(noManifest));
		assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());

		e = assertThrows(InputException.class, () -> ModelFile.read(dir.resolve("missing.zip")));
		assertTrue(e.getMessage().contains("missing.zip"), e.getMessage());
	}

	@Test
	void writingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
		Path sub = Files.createDirectories(dir.resolve("atomic"));
		Path target = sub.resolve("model.zip");
		Files.writeString(target, "old");
		ModelFile.write(model, target);
		assertEquals(List.of(target), Files.list(sub).toList());
		assertEquals(model.classNames(), ModelFile.read(target).classNames());
	}

	/** Copies the model file, changing one entry's text (as Latin-1, so binary survives) or, with null, dropping the manifest. */
	private static Path rewrite(String name, String entry, UnaryOperator<String> change) throws IOException {
		Path out = dir.resolve(name);
		try (ZipFile in = new ZipFile(file.toFile()); OutputStream os = Files.newOutputStream(out);
			ZipOutputStream zip = new ZipOutputStream(os))
		{
			for (ZipEntry e : java.util.Collections.list(in.entries())) {
				byte[] bytes;
				try (InputStream is = in.getInputStream(e)) {
					bytes = is.readAllBytes();
				}
				if (entry == null && e.getName().equals(ModelFile.MANIFEST)) continue;
				if (e.getName().equals(entry))
					bytes = change.apply(new String(bytes, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
				zip.putNextEntry(new ZipEntry(e.getName()));
				zip.write(bytes);
				zip.closeEntry();
			}
		}
		return out;
	}
}
