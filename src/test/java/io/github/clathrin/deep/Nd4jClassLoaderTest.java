package io.github.clathrin.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ND4J must start inside Fiji, where a plugin's jars sit behind their own class loader and the thread's
 * context class loader does not see them. A child JVM mimics that (see {@link FijiLikeLauncher}).
 * Without Nd4jRuntime ("plain" mode: Nd4j used first) ND4J fails there with NoAvailableBackendException,
 * because its backend lookup goes through the context class loader; setting only the oneDNN platform
 * extension does not help, setting only the context class loader does. Only the working case is tested.
 */
class Nd4jClassLoaderTest {

	/** The project's runtime class path: main classes and dependency jars, without test classes and test libraries. */
	static List<String> runtimeClassPath() {
		String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> out = new ArrayList<>();
		for (String entry : cp.split(File.pathSeparator)) {
			String name = Path.of(entry).getFileName().toString();
			if (entry.isBlank() || name.equals("test-classes") || name.startsWith("junit-") || name.startsWith("opentest4j")
				|| name.startsWith("apiguardian") || name.startsWith("surefire") || name.startsWith("common-java5")
				|| name.startsWith("common-junit"))
				continue;
			out.add(entry);
		}
		return out;
	}

	/** Runs the launcher in a child JVM whose own class path holds only the test classes; returns exit code and output. */
	static Object[] run(String mode, Path dir) throws IOException, InterruptedException {
		Path list = dir.resolve("jars.txt");
		Files.write(list, runtimeClassPath(), StandardCharsets.UTF_8);
		String testClasses = Path.of(FijiLikeLauncher.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
		Path log = dir.resolve(mode + ".log");
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp", testClasses,
			FijiLikeLauncher.class.getName(), mode, list.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("child JVM did not finish in 120 s");
		}
		return new Object[] { p.exitValue(), Files.readString(log) };
	}

	@Test
	void startsWithOneDnnBehindAPluginClassLoader(@TempDir Path dir) throws Exception {
		assertTrue(runtimeClassPath().stream().anyMatch(e -> e.contains("nd4j-native")), "ND4J natives on the class path");
		Object[] result = run("runtime", dir);
		String out = (String) result[1];
		assertEquals(0, result[0], out);
		assertTrue(out.contains("backend: CpuBackend (oneDNN)"), out);
		assertTrue(out.contains("sum: 12.0"), out);
		assertTrue(out.contains("oneDNN in build: true, loaded by the plugin loader: true"), out);
	}

	/**
	 * DL4J reads a network's configuration JSON with Jackson, which finds our own layers and loss
	 * functions by class name through the thread's context class loader (or its own). With the libraries
	 * in one loader and our classes in a child loader (ImageJ started by {@code ./clathrin imagej}: the
	 * jars on the class path, our jar in plugins/), neither sees them unless the deep encoders use their
	 * own loader while they (de)serialize and train, whoever calls them.
	 */
	@Test
	void deepModelsRoundTripWhenTheContextLoaderCannotSeeOurClasses(@TempDir Path dir) throws Exception {
		Object[] result = run("split", dir);
		String out = (String) result[1];
		assertEquals(0, result[0], out);
		assertTrue(out.contains("round trip: true"), out);
	}
}
