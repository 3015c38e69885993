package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs real ImageJ 1.x in a child JVM with a display: surefire runs our tests headless, and CI calls
 * {@code mvn verify} without xvfb-run, so the child gets its own X server from {@code xvfb-run -a}
 * (or a DISPLAY that is already there). Without either, tests skip locally and fail on CI (CI=true).
 */
final class RealImageJ {

	/** What a child ImageJ printed and how it ended. */
	record Result(int exitCode, String output) {}

	private RealImageJ() {}

	/**
	 * A folder laid out as ImageJ expects ({@code <dir>/plugins/*_*.jar}) holding a jar with only our
	 * plugins.config; the classes come from the test class path. Pass the folder as {@code plugins.dir}.
	 */
	static Path pluginsHome(Path dir) throws IOException {
		Path plugins = Files.createDirectories(dir.resolve("plugins"));
		try (OutputStream out = Files.newOutputStream(plugins.resolve("Clathrin_Classifier-test.jar"));
			JarOutputStream jar = new JarOutputStream(out))
		{
			jar.putNextEntry(new JarEntry("plugins.config"));
			jar.write(Files.readAllBytes(Path.of("plugins.config")));
			jar.closeEntry();
		}
		return dir;
	}

	/** Where an install keeps our libraries (SciJava, Smile, Deeplearning4j, ...), ij.jar aside. */
	enum Libraries {
		/** {@code plugins/jars/}, as people copy jars by hand: only ImageJ's PluginClassLoader sees them. */
		PLUGINS_JARS,
		/** The class path beside ij.jar, as {@code ./clathrin imagej} starts ImageJ: our jar alone is a plugin. */
		CLASS_PATH
	}

	/**
	 * A folder laid out as a real install: our classes and plugins.config in
	 * {@code plugins/Clathrin_Classifier-test.jar} (an underscore, so ImageJ reads the plugins.config), and
	 * with {@link Libraries#PLUGINS_JARS} every runtime dependency on the test class path except ij.jar
	 * copied into {@code plugins/jars/}. Run ImageJ on it with {@link #batchMacro(Path, Libraries, Path, String)}.
	 */
	static Path installedHome(Path dir, Libraries libraries) throws IOException {
		Path plugins = Files.createDirectories(dir.resolve("plugins"));
		Path classes = Path.of("target", "classes");
		try (OutputStream out = Files.newOutputStream(plugins.resolve("Clathrin_Classifier-test.jar"));
			JarOutputStream jar = new JarOutputStream(out);
			Stream<Path> files = Files.walk(classes))
		{
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
				jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
				jar.write(Files.readAllBytes(f));
				jar.closeEntry();
			}
		}
		if (libraries == Libraries.PLUGINS_JARS) {
			Path jars = Files.createDirectories(plugins.resolve("jars"));
			for (Path jar : libraryJars())
				if (!jar.equals(imageJJar())) Files.copy(jar, jars.resolve(jar.getFileName()));
		}
		return dir;
	}

	/**
	 * Runs {@code java -cp <class path> ij.ImageJ -batch macro argument} on a home made by
	 * {@link #installedHome}: the class path holds ij.jar alone, or ij.jar and the libraries; never our classes.
	 */
	static Result batchMacro(Path home, Libraries libraries, Path macro, String argument) throws IOException,
		InterruptedException
	{
		String classPath = libraries == Libraries.PLUGINS_JARS ? imageJJar().toString()
			: String.join(File.pathSeparator, libraryJars().stream().map(Path::toString).toList());
		return runOn(home, classPath, "ij.ImageJ", "-batch", macro.toAbsolutePath().toString(), argument);
	}

	/** The test-scope jars on the class path, which a user would not install. */
	private static final Pattern TEST_ONLY = Pattern.compile("^(junit-|opentest4j-|apiguardian-|jazzer)");

	/** The runtime jars on the test class path, ij.jar included. */
	private static List<Path> libraryJars() {
		List<Path> jars = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path p = Path.of(entry);
			String name = p.getFileName().toString();
			if (name.endsWith(".jar") && !TEST_ONLY.matcher(name).find()) jars.add(p);
		}
		return jars;
	}

	/** ij.jar (net.imagej:ij) on the test class path. */
	static Path imageJJar() {
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator))
			if (Path.of(entry).getFileName().toString().matches("ij-[0-9].*\\.jar")) return Path.of(entry);
		throw new IllegalStateException("no ij.jar on the class path: " + System.getProperty("java.class.path"));
	}

	/** Runs {@code java -cp <test class path> <mainClass> args} on a display; skips or fails without one. */
	static Result run(Path pluginsHome, String mainClass, String... args) throws IOException, InterruptedException {
		return runOn(pluginsHome, System.getProperty("java.class.path"), mainClass, args);
	}

	private static Result runOn(Path pluginsHome, String classPath, String mainClass, String... args) throws IOException,
		InterruptedException
	{
		List<String> command = new ArrayList<>(displayPrefix());
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Dplugins.dir=" + pluginsHome);
		command.add("-Duser.home=" + pluginsHome); // keep the developer's IJ_Prefs.txt out of it
		command.add("-Xmx2g");
		command.add("-cp");
		command.add(classPath);
		command.add(mainClass);
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		pb.environment().remove("JAVA_TOOL_OPTIONS");
		Process p = pb.start();
		p.getOutputStream().close();
		byte[][] out = new byte[1][];
		Thread reader = new Thread(() -> {
			try (InputStream in = p.getInputStream()) {
				out[0] = in.readAllBytes();
			}
			catch (IOException e) {
				out[0] = ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
			}
		});
		reader.start();
		if (!p.waitFor(5, TimeUnit.MINUTES)) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			reader.join(5000);
			fail("ImageJ did not finish in 5 minutes: " + command + "\n" + text(out[0]));
		}
		reader.join(10_000);
		return new Result(p.exitValue(), text(out[0]));
	}

	/** Runs a macro file in ImageJ's batch mode, as {@code java -jar ij.jar -batch macro arg} does. */
	static Result batchMacro(Path pluginsHome, Path macro, String argument) throws IOException,
		InterruptedException
	{
		return run(pluginsHome, "ij.ImageJ", "-batch", macro.toAbsolutePath().toString(), argument);
	}

	private static String text(byte[] b) {
		return b == null ? "" : new String(b, StandardCharsets.UTF_8);
	}

	private static List<String> displayPrefix() {
		if (onPath("xvfb-run")) return List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24");
		String display = System.getenv("DISPLAY");
		if (display != null && !display.isBlank()) return List.of();
		String why = "no display for real ImageJ: install xvfb (xvfb-run) or set DISPLAY";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why);
		Assumptions.abort(why);
		return List.of();
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) return false;
		for (String dir : path.split(java.io.File.pathSeparator))
			if (Files.isExecutable(Path.of(dir, program))) return true;
		return false;
	}
}
