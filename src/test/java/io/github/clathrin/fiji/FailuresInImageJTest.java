package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In real ImageJ 1.x batch mode, every failure of a menu command stops the calling macro: a bug inside
 * the command or after it (showing results) is logged as "internal error, please report" with its
 * stack trace, and running out of memory is one line that points to Edit &gt; Options &gt; Memory.
 */
class FailuresInImageJTest {

	@TempDir
	static Path shared;

	static Path home;

	@BeforeAll
	static void install() throws Exception {
		home = RealImageJ.pluginsHome(shared.resolve("ij"));
		// A second plugin jar with the test-only probe; its classes come from the test class path.
		try (OutputStream out = Files.newOutputStream(home.resolve("plugins/Clathrin_Probe-test.jar"));
			JarOutputStream jar = new JarOutputStream(out))
		{
			jar.putNextEntry(new JarEntry("plugins.config"));
			jar.write(("Plugins>Clathrin, \"Failing Probe\", " + FailingPlugin.class.getName() + "\n")
				.getBytes(StandardCharsets.UTF_8));
			jar.closeEntry();
		}
	}

	private static RealImageJ.Result macro(Path work, String options) throws Exception {
		Path macro = work.resolve("failing.ijm");
		Files.writeString(macro, "run(\"Failing Probe\", \"" + options + "\");\nprint(\"still running\");\n");
		return RealImageJ.batchMacro(home, macro, "");
	}

	/** The macro stopped at the null pointer, logged as an internal error with a stack trace through {@code frame}. */
	private static void assertStoppedByABug(RealImageJ.Result r, String frame) {
		assertTrue(r.output().contains("Clathrin Classifier: internal error, please report: "
			+ "java.lang.NullPointerException"), r.output());
		assertTrue(r.output().contains("\tat " + frame), r.output());
		assertFalse(r.output().contains("still running"), r.output());
	}

	@Test
	void aBugInsideTheCommandStopsTheMacroWithItsTrace(@TempDir Path work) throws Exception {
		assertStoppedByABug(macro(work, "where=command failure=npe"), "io.github.clathrin.commands.FailingCommand.execute");
	}

	@Test
	void aBugAfterTheCommandStopsTheMacroWithItsTrace(@TempDir Path work) throws Exception {
		assertStoppedByABug(macro(work, "where=results failure=npe"), "io.github.clathrin.fiji.FailingPlugin.runOnce");
	}

	@Test
	void runningOutOfMemoryIsOneLineAndStopsTheMacro(@TempDir Path work) throws Exception {
		RealImageJ.Result r = macro(work, "where=command failure=oom");
		assertTrue(r.output().contains("Clathrin Classifier: error: out of memory while Probing the failure path "
			+ "(failing): give ImageJ more memory in Edit > Options > Memory & Threads..."), r.output());
		assertFalse(r.output().contains("\tat "), r.output());
		assertFalse(r.output().contains("still running"), r.output());
	}
}
