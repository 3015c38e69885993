package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.clathrin.cli.Main;
import io.github.clathrin.fiji.RealImageJ.Libraries;

/**
 * Plain ImageJ 1.x with the plugin installed by hand: our jar in {@code plugins/}, its dependencies in
 * {@code plugins/jars/}, nothing but ij.jar on the class path (so ImageJ's PluginClassLoader, not the
 * thread's context class loader, is the one that sees our classes and SciJava's, Deeplearning4j's and
 * ND4J's). A macro trains, classifies, evaluates and reconstructs with pca and with conv-ae there, and
 * every result is byte for byte what the command line writes for the same inputs and seed.
 */
class HandCopiedInstallTest {

	static final String DEEP = "filters=2,4 latent=8 batch=8";

	@Test
	void everyStepWithLibrariesInPluginsJarsMatchesTheCli(@TempDir Path work) throws Exception {
		everyStepMatchesTheCli(work, Libraries.PLUGINS_JARS);
	}

	/** As {@code ./clathrin imagej} starts ImageJ: the libraries on the class path, our jar in plugins/. */
	@Test
	void everyStepWithLibrariesOnTheClassPathMatchesTheCli(@TempDir Path work) throws Exception {
		everyStepMatchesTheCli(work, Libraries.CLASS_PATH);
	}

	private static void everyStepMatchesTheCli(Path work, Libraries libraries) throws Exception {
		Path sim = work.resolve("sim");
		assertEquals(0, Main.run("simulate", "--out", sim.toString(), "--structures", "24", "--labelled", "24",
			"--seed", "3"));
		Path input = sim.resolve("structures"), labels = sim.resolve("labels.csv");
		Path ij = Files.createDirectories(work.resolve("ij")), cli = Files.createDirectories(work.resolve("cli"));
		String in = "input=[" + input + "] labels=[" + labels + "]";
		String deep = " epochs=1 encoder_options=[" + DEEP + "]";
		Path macro = work.resolve("all-steps.ijm");
		Files.writeString(macro, String.join("\n",
			run("Train...", in + " encoder=pca seed=1 model=[" + ij.resolve("pca.zip") + "]"),
			run("Classify", "model=[" + ij.resolve("pca.zip") + "] input=[" + input + "] output=[" + ij.resolve("pca.csv") + "]"),
			run("Evaluate...", in + " encoders=pca folds=2 seed=1 output=[" + ij.resolve("pca.json") + "]"),
			run("Train...", in + " encoder=conv-ae seed=1 model=[" + ij.resolve("conv.zip") + "]" + deep),
			run("Classify", "model=[" + ij.resolve("conv.zip") + "] input=[" + input + "] output=[" + ij.resolve("conv.csv") + "]"),
			run("Reconstruct...", "model=[" + ij.resolve("conv.zip") + "] input=[" + input + "] output=[" + ij.resolve("recon")
				+ "] limit=3"),
			run("Evaluate...", in + " encoders=conv-ae folds=2 seed=1 output=[" + ij.resolve("conv.json") + "]" + deep),
			"print(\"all steps: done\");", ""));
		RealImageJ.Result r = RealImageJ.batchMacro(RealImageJ.installedHome(work.resolve("home"), libraries), libraries,
			macro, "");
		assertTrue(r.output().contains("all steps: done"), r.output());
		for (String written : new String[] { "pca.zip", "pca.csv", "pca.json", "conv.zip", "conv.csv", "recon", "conv.json" })
			assertTrue(Files.exists(ij.resolve(written)), written + " not written:\n" + r.output());
		assertTrue(!r.output().contains("Exception"), r.output());

		String[] data = { "--input", input.toString(), "--labels", labels.toString() };
		String[] deepCli = { "--epochs", "1", "-E", "filters=2,4", "-E", "latent=8", "-E", "batch=8" };
		for (String encoder : new String[] { "pca", "conv" }) {
			String[] extra = encoder.equals("pca") ? new String[0] : deepCli;
			String name = encoder.equals("pca") ? "pca" : "conv-ae";
			Path model = cli.resolve(encoder + ".zip");
			assertEquals(0, Main.run(concat(new String[] { "train" }, data, extra, new String[] { "--encoder", name,
				"--seed", "1", "--out", model.toString() })));
			assertEquals(0, Main.run("classify", "--model", model.toString(), "--input", input.toString(), "--out",
				cli.resolve(encoder + ".csv").toString()));
			assertEquals(0, Main.run(concat(new String[] { "evaluate" }, data, extra, new String[] { "--encoders", name,
				"--folds", "2", "--seed", "1", "--json", cli.resolve(encoder + ".json").toString() })));
			assertSameParts(model, ij.resolve(encoder + ".zip"));
			assertArrayEquals(Files.readAllBytes(cli.resolve(encoder + ".csv")), Files.readAllBytes(ij.resolve(encoder + ".csv")),
				encoder + ".csv");
			assertEquals(withoutTimes(cli.resolve(encoder + ".json")), withoutTimes(ij.resolve(encoder + ".json")),
				encoder + ".json");
		}
		assertEquals(0, Main.run("reconstruct", "--model", cli.resolve("conv.zip").toString(), "--input", input.toString(),
			"--out", cli.resolve("recon").toString(), "--limit", "3"));
		List<String> files = names(cli.resolve("recon"));
		assertEquals(4, files.size(), files.toString());
		assertEquals(files, names(ij.resolve("recon")));
		for (String f : files) {
			Path expected = cli.resolve("recon").resolve(f), actual = ij.resolve("recon").resolve(f);
			if (f.endsWith(".tif")) assertSameStack(expected, actual);
			else assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), f);
		}
	}

	/**
	 * The whole-cell menus with the libraries in plugins/jars: Render Localizations (its TIFF writer is found
	 * through ServiceLoader, which must look in the plugin's class loader), Find Structures with its ROI set,
	 * Classify on the cell, and Batch Classify Cells on a folder holding it, whose results are byte for byte the
	 * command line's.
	 */
	@Test
	void theWholeCellMenusWorkWithLibrariesInPluginsJars(@TempDir Path work) throws Exception {
		Path cell = WholeCellMacroTest.CELL, ij = Files.createDirectories(work.resolve("ij"));
		Path cli = Files.createDirectories(work.resolve("cli")), model = WholeCellMacroTest.demoModel(work);
		// A screen as people keep one: spaces in the names, the labels file beside the cells.
		Path screen = Files.createDirectories(work.resolve("my screen"));
		Files.copy(cell, screen.resolve("cell 1.csv"));
		Files.writeString(screen.resolve("labels.csv"), "key,label\ncell 1,yes\n");
		Path macro = work.resolve("cell.ijm");
		Files.writeString(macro, String.join("\n",
			run("Batch Classify Cells...", "model=[" + model + "] input=[" + screen + "] output=[" + ij.resolve(
				"batch out") + "]"),
			run("Render Localizations...", "input=[" + cell + "] output=[" + ij.resolve("cell.tif") + "]"),
			run("Find Structures...", "input=[" + cell + "] output=[" + ij.resolve("found") + "] roi_zip=["
				+ ij.resolve("found.zip") + "]"),
			run("Classify", "model=[" + model + "] input=[" + cell + "] output=[" + ij.resolve("results.csv")
				+ "] segment"),
			"print(\"cell steps: done\");", ""));
		RealImageJ.Result r = RealImageJ.batchMacro(RealImageJ.installedHome(work.resolve("home"), Libraries.PLUGINS_JARS),
			Libraries.PLUGINS_JARS, macro, "");
		assertTrue(r.output().contains("cell steps: done"), r.output());
		assertTrue(!r.output().contains("Exception"), r.output());
		for (String written : new String[] { "cell.tif", "found/segments.csv", "found.zip", "results.csv" })
			assertTrue(Files.exists(ij.resolve(written)), written + " not written:\n" + r.output());
		assertEquals(0, Main.run("classify", "--model", model.toString(), "--input", cell.toString(), "--segment",
			"--out", cli.resolve("results.csv").toString()));
		assertArrayEquals(Files.readAllBytes(cli.resolve("results.csv")), Files.readAllBytes(ij.resolve("results.csv")));
		assertEquals(0, Main.run("batch", "--model", model.toString(), "--input", screen.toString(), "--out", cli
			.resolve("batch out").toString()));
		for (String f : new String[] { "cell 1-results.csv", "summary.csv" })
			assertArrayEquals(Files.readAllBytes(cli.resolve("batch out").resolve(f)), Files.readAllBytes(ij.resolve(
				"batch out").resolve(f)), f);
	}

	private static String run(String command, String options) {
		return "run(\"" + command + "\", \"" + options + "\");";
	}

	private static String[] concat(String[]... parts) {
		return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
	}

	/**
	 * The encoder and classifier parts of two model files hold the same bytes. The manifests differ (training
	 * times), and so does a deep encoder's part where DL4J's own zip records when it was written: for those the
	 * entries inside that zip (configuration JSON, weights) are compared instead.
	 */
	private static void assertSameParts(Path expected, Path actual) throws IOException {
		try (ZipFile a = new ZipFile(expected.toFile()); ZipFile b = new ZipFile(actual.toFile())) {
			for (String part : new String[] { "encoder.bin", "classifier.bin" }) {
				assertTrue(b.getEntry(part) != null, actual + " has no " + part);
				byte[] x = a.getInputStream(a.getEntry(part)).readAllBytes(), y = b.getInputStream(b.getEntry(part)).readAllBytes();
				String what = expected.getFileName() + " " + part;
				if (part.equals("encoder.bin") && deepNetwork(x) != null) assertEquals(deepNetwork(x), deepNetwork(y), what);
				else assertArrayEquals(x, y, what);
			}
		}
	}

	/** The entries of the DL4J zip inside a deep encoder's state (see NetworkState), or null for other encoders. */
	private static Map<String, String> deepNetwork(byte[] state) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
		if (in.readInt() != 0x434C444E) return null;
		in.readUTF();
		in.skipNBytes(4 * 4); // version and grid
		byte[] network = in.readNBytes(in.readInt());
		Map<String, String> entries = new TreeMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(network))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;)
				entries.put(e.getName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.readAllBytes())));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
		assertTrue(entries.size() >= 2, entries.toString());
		return entries;
	}

	/**
	 * Two TIFF stacks hold the same title, dimensions and pixels. Not the same bytes: ImageJ writes TIFFs in the
	 * byte order its Edit &gt; Options &gt; Input/Output setting asks for (Motorola in a fresh ImageJ), the
	 * command line in ImageJ's built-in default (Intel).
	 */
	private static void assertSameStack(Path expected, Path actual) {
		ImagePlus a = IJ.openImage(expected.toString()), b = IJ.openImage(actual.toString());
		assertTrue(a != null && b != null, actual.toString());
		assertArrayEquals(a.getDimensions(), b.getDimensions(), actual.toString());
		assertEquals(a.getTitle(), b.getTitle());
		for (int i = 1; i <= a.getStackSize(); i++)
			assertArrayEquals((float[]) a.getStack().getPixels(i), (float[]) b.getStack().getPixels(i), actual + " slice " + i);
	}

	/** The evaluation JSON without its wall-clock "seconds", which differ from run to run. */
	private static JsonObject withoutTimes(Path json) throws IOException {
		JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		o.remove("seconds");
		return o;
	}

	private static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
