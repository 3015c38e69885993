package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import io.github.clathrin.Simulation;
import io.github.clathrin.SharedData;

/**
 * The command line as a user meets it: exit codes, what goes to stdout and stderr, one-line errors
 * naming the file (stack traces only with --debug), and a whole simulate, train, classify run.
 */
class MainTest {

	@TempDir
	static Path shared;

	@TempDir
	Path tmp;

	private static Path structures, labels, model;

	/** What one run of the command line produced. */
	record Result(int exit, String out, String err) {

		List<String> errorLines() {
			return err.lines().filter(l -> l.startsWith("error: ")).toList();
		}

		@Override
		public String toString() {
			return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
		}
	}

	static synchronized Result cli(String... args) {
		PrintStream oldOut = System.out, oldErr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
			PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8))
		{
			System.setOut(o);
			System.setErr(e);
			int code = Main.run(args);
			o.flush();
			e.flush();
			return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(oldOut);
			System.setErr(oldErr);
		}
	}

	@BeforeAll
	static void simulateAndTrain() throws IOException {
		Simulation.Folder data = Simulation.write(shared, 60, 30, 11);
		structures = data.structures();
		labels = data.labels();
		model = shared.resolve("model.zip");
		Result r = cli("train", "--input", structures.toString(), "--labels", labels.toString(), "--out",
			model.toString());
		assertEquals(0, r.exit(), r.toString());
		// Without --encoder, train chooses one as Fiji's Train... does: auto, the user guide's default.
		assertTrue(r.out().contains("auto chose: "), r.toString());
	}

	private static Path bin() {
		return SharedData.file("formats/insight3/test_olist.bin");
	}

	/** Every subcommand's help is drawn without picocli complaining about its text (a "1%" once did). */
	@Test
	void everyHelpIsDrawnCleanly() {
		for (String command : Main.commandLine().getSubcommands().keySet()) {
			Result help = cli(command, "--help");
			assertEquals(0, help.exit(), help.toString());
			assertFalse(help.out().contains("WARN") || help.err().contains("WARN"), command + ": " + help);
		}
	}

	/** The encoders' section of the help is the registry's: every encoder, its description, its options' defaults. */
	@Test
	void helpListsEveryEncoderWithItsOptionsAndDefaults() {
		for (String command : List.of("train", "evaluate")) {
			Result help = cli(command, "--help");
			assertEquals(0, help.exit(), help.toString());
			String out = help.out().replaceAll("\\s+", " ");
			for (String name : io.github.clathrin.encoders.Encoders.names())
				assertTrue(out.contains(" " + name + " " + io.github.clathrin.encoders.Encoders.description(name)
					.replaceAll("\\s+", " ")), command + " --help describes " + name + ": " + help.out());
			// a shallow encoder's default, a deep one's (from deep, read only for help) and auto's candidates
			assertTrue(out.contains("components=50") && out.contains("latent=64") && out.contains("folds=3"),
				help.out());
		}
	}

	@Test
	void infoWithColumnsForAHeaderlessMinfluxFile() {
		Path f = io.github.clathrin.SharedData.file("particles/minflux-npc/nuclear-pore-model-data.txt");
		Result ok = cli("info", f.toString(), "--columns", "trace,t,x,y,z", "--units", "m");
		assertEquals(0, ok.exit(), ok.toString());
		assertTrue(ok.out().contains("10,268"), ok.toString());
		String error = assertOneLineError("nuclear-pore-model-data.txt", "info", f.toString(), "--units", "m");
		assertTrue(error.contains("--columns"), error);
	}

	@Test
	void infoDescribesMatFiles() {
		Path chair = io.github.clathrin.SharedData.file("modelnet10/chair-mat-v5/chair_000000182_1.mat");
		Result v = cli("info", chair.toString());
		assertEquals(0, v.exit(), v.toString());
		assertTrue(v.out().contains("instance (30x30x30 int8)") && v.out().contains("ready volume"), v.toString());
		Path nup = io.github.clathrin.SharedData.file("particles/nup107/NUP107_PAINT.mat");
		Result p = cli("info", nup.toString(), "--pixel-size", "100");
		assertEquals(0, p.exit(), p.toString());
		assertTrue(p.out().contains("particles (1x306 cell)") && p.out().contains("27,006"), p.toString());
		String error = assertOneLineError("NUP107_PAINT.mat", "info", nup.toString());
		assertTrue(error.contains("--pixel-size"), error);
	}

	// ---- info on real files

	@Test
	void infoOnTheThunderStormFile() {
		Path file = SharedData.file("formats/thunderstorm/ThunderSTORM_TS3D.csv");
		Result r = cli("info", file.toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("ThunderSTORM"), r.toString());
		// 11196 lines: the header and 11,195 localizations.
		assertTrue(r.out().lines().anyMatch(l -> l.matches("Rows:\\s+11,195")), r.toString());
		assertTrue(r.out().lines().anyMatch(l -> l.matches("Dimensions:\\s+3D")), r.toString());
		assertTrue(r.errorLines().isEmpty(), r.toString());
	}

	@Test
	void insight3NeedsThePixelSize() {
		Result r = cli("info", bin().toString());
		assertEquals(2, r.exit(), r.toString());
		List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
		assertEquals(1, lines.size(), r.toString());
		assertTrue(lines.get(0).startsWith("error: "), r.toString());
		assertTrue(lines.get(0).contains("test_olist.bin"), r.toString());
		assertTrue(lines.get(0).contains("--pixel-size"), r.toString());
		assertEquals("", r.out());

		Result ok = cli("info", bin().toString(), "--pixel-size", "160");
		assertEquals(0, ok.exit(), ok.toString());
		assertTrue(ok.out().contains("Insight3"), ok.toString());
		assertTrue(ok.errorLines().isEmpty(), ok.toString());
	}

	// ---- malformed inputs: one "error: " line naming the file, a trace only with --debug

	/** Runs the arguments without and with --debug and checks the error contract; returns the error line. */
	private static String assertOneLineError(String fileName, String... args) {
		Result r = cli(args);
		assertNotEquals(0, r.exit(), r.toString());
		List<String> errors = r.errorLines();
		assertEquals(1, errors.size(), r.toString());
		assertTrue(errors.get(0).contains(fileName), "error line names " + fileName + ": " + r);
		assertFalse(r.err().contains("\tat "), "no stack trace without --debug: " + r);
		assertFalse(r.out().contains("\tat "), r.toString());

		String[] debugArgs = Arrays.copyOf(args, args.length + 1);
		debugArgs[args.length] = "--debug";
		Result d = cli(debugArgs);
		assertEquals(r.exit(), d.exit(), d.toString());
		assertTrue(d.err().contains("\tat "), "stack trace with --debug: " + d);
		assertEquals(errors, d.errorLines(), "same error line with --debug");
		return errors.get(0);
	}

	@Test
	void truncatedInsight3File() throws IOException {
		byte[] all = Files.readAllBytes(bin());
		Path cut = tmp.resolve("cut_olist.bin");
		Files.write(cut, Arrays.copyOf(all, 16 + 72 * 5 + 30)); // in the middle of the sixth record
		String error = assertOneLineError("cut_olist.bin", "info", cut.toString(), "--pixel-size", "160");
		assertTrue(error.toLowerCase().contains("truncated") || error.contains("record"), error);
	}

	/** The one-line error of {@code info} on a file {@code name} holding {@code text}. */
	private String infoError(String name, String text) throws IOException {
		Path f = tmp.resolve(name);
		Files.writeString(f, text);
		return assertOneLineError(name, "info", f.toString());
	}

	@Test
	void csvRowWithTooFewFields() throws IOException {
		String error = infoError("short_row.csv", "\"x [nm]\",\"y [nm]\",\"z [nm]\"\n1,2,3\n4,5\n7,8,9\n");
		assertTrue(error.contains("line 3"), error);
	}

	@Test
	void textInANumberField() throws IOException {
		String error = infoError("text_number.csv", "\"x [nm]\",\"y [nm]\",\"z [nm]\"\n1,2,3\n4,five,6\n");
		assertTrue(error.contains("line 3") && error.contains("five"), error);
	}

	@Test
	void emptyFile() throws IOException {
		Path f = tmp.resolve("empty.csv");
		Files.write(f, new byte[0]);
		String error = assertOneLineError("empty.csv", "info", f.toString());
		assertTrue(error.contains("empty"), error);
	}

	@Test
	void randomBytes() throws IOException {
		byte[] noise = new byte[4096];
		new Random(42).nextBytes(noise);
		Path f = tmp.resolve("noise.csv");
		Files.write(f, noise);
		assertOneLineError("noise.csv", "info", f.toString());
	}

	@Test
	void tableWithoutCoordinates() throws IOException {
		String error = infoError("no_xy.csv", "frame,intensity\n1,100\n2,200\n");
		assertTrue(error.contains("no x and y"), error);
	}

	@Test
	void labelsWithADuplicateKey() throws IOException {
		List<String> lines = Files.readAllLines(labels);
		Path dup = tmp.resolve("dup_labels.csv");
		Files.write(dup, Stream.concat(lines.stream(), Stream.of(lines.get(1))).toList());
		Path out = tmp.resolve("m.zip");
		String error = assertOneLineError("dup_labels.csv", "train", "--input", structures.toString(), "--labels",
			dup.toString(), "--out", out.toString());
		assertTrue(error.contains("listed twice"), error);
		assertFalse(Files.exists(out), "no model after a failed training");
	}

	@Test
	void damagedModelFile() throws IOException {
		byte[] noise = new byte[2048];
		new Random(7).nextBytes(noise);
		Path bad = tmp.resolve("model.zip");
		Files.write(bad, noise);
		Path results = tmp.resolve("results.csv");
		String error = assertOneLineError("model.zip", "classify", "--model", bad.toString(), "--input",
			structures.toString(), "--out", results.toString());
		assertTrue(error.contains("damaged") || error.contains("not a Clathrin Classifier model"), error);
		assertFalse(Files.exists(results));
	}

	@Test
	void modelFromANewerVersion() throws IOException {
		Path newer = tmp.resolve("newer_model.zip");
		rewriteManifest(model, newer, manifest -> manifest.addProperty("formatVersion", 99));
		Path results = tmp.resolve("results.csv");
		String error = assertOneLineError("newer_model.zip", "classify", "--model", newer.toString(), "--input",
			structures.toString(), "--out", results.toString());
		assertTrue(error.contains("model format 99"), error);
		assertTrue(error.contains("update"), error);
		assertFalse(Files.exists(results));
	}

	/** Copies a model zip, changing only its manifest.json. */
	static void rewriteManifest(Path from, Path to, java.util.function.Consumer<JsonObject> change)
		throws IOException
	{
		Gson gson = new Gson();
		boolean sawManifest = false;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(from)));
			OutputStream file = Files.newOutputStream(to);
			ZipOutputStream out = new ZipOutputStream(file))
		{
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				byte[] bytes = in.readAllBytes();
				if (e.getName().equals("manifest.json")) {
					JsonObject manifest = gson.fromJson(new String(bytes, StandardCharsets.UTF_8), JsonObject.class);
					change.accept(manifest);
					bytes = gson.toJson(manifest).getBytes(StandardCharsets.UTF_8);
					sawManifest = true;
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		assertTrue(sawManifest, "the model has a manifest.json");
	}

	// ---- the whole workflow

	@Test
	void simulateTrainClassify() throws IOException {
		Path sim = tmp.resolve("sim"), m = tmp.resolve("model.zip"), results = tmp.resolve("results.csv");
		Result s = cli("simulate", "--out", sim.toString(), "--structures", "70", "--labelled", "30", "--seed", "5");
		assertEquals(0, s.exit(), s.toString());
		assertTrue(s.out().contains("Simulated 70 structures (30 labelled"), s.toString());

		Result t = cli("train", "--input", sim.resolve("structures").toString(), "--labels",
			sim.resolve("labels.csv").toString(), "--encoder", "pca", "--out", m.toString());
		assertEquals(0, t.exit(), t.toString());
		assertTrue(t.out().contains("Trained pca + svm on 30 labelled of 70 structures"), t.toString());
		assertTrue(Files.size(m) > 0);

		Result c = cli("classify", "--model", m.toString(), "--input", sim.resolve("structures").toString(), "--out",
			results.toString());
		assertEquals(0, c.exit(), c.toString());
		assertTrue(c.out().contains("Classified 70 structures"), c.toString());
		List<String> rows = Files.readAllLines(results);
		assertEquals("structure,prediction,probability,label,p_no,p_yes,status,outside_training"
			+ ",localizations,centroid_x_nm,centroid_y_nm,centroid_z_nm,extent_x_nm,extent_y_nm,extent_z_nm", rows.get(0));
		assertEquals(71, rows.size(), "one row per structure");
		List<String> keys;
		try (Stream<Path> files = Files.list(sim.resolve("structures"))) {
			keys = files.map(p -> p.getFileName().toString()).sorted().toList();
		}
		assertEquals(keys, rows.stream().skip(1).map(r -> r.split(",")[0]).sorted().toList());
		for (String row : rows.subList(1, rows.size())) {
			String[] f = row.split(",", -1);
			assertEquals(15, f.length, row);
			assertEquals("ok", f[6], row);
			assertTrue(f[1].equals("yes") || f[1].equals("no"), row);
			assertEquals("", f[3], "no labels given to classify: " + row);
			double p = Double.parseDouble(f[2]), pNo = Double.parseDouble(f[4]), pYes = Double.parseDouble(f[5]);
			assertEquals(1.0, pNo + pYes, 2e-6, row);
			assertEquals(Math.max(pNo, pYes), p, 1e-9, row);
			assertEquals(pYes > pNo ? "yes" : "no", f[1], row);
		}
	}
}
