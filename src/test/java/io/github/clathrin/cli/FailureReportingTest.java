package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.clathrin.commands.FailingCommand;

/**
 * How the command line reports each kind of failure: bad input as one line (exit 2), a bug as
 * "internal error, please report" with its stack trace, --debug or not (exit 1), and running out of
 * memory as one line naming the step and CLATHRIN_JAVA_OPTS (exit 1).
 */
class FailureReportingTest {

	/** Exit code and stderr of a FailingCommand run as the CLI runs commands. */
	record Reported(int exit, String err) {}

	private static Reported report(String failure) {
		Exception e = assertThrows(Exception.class, () -> {
			try (CommandRunner r = new CommandRunner()) {
				r.run(FailingCommand.class, Map.of("failure", failure));
			}
		});
		StringWriter err = new StringWriter();
		int exit = Main.handle(e, new PrintWriter(err), false);
		return new Reported(exit, err.toString());
	}

	/** Exit 1 and "internal error, please report" for the exception, with a stack trace through {@code frame}. */
	private static void assertInternalError(Reported r, String exception, String frame) {
		assertEquals(1, r.exit(), r.err());
		assertTrue(r.err().startsWith("internal error, please report: " + exception), r.err());
		assertTrue(r.err().contains("\tat " + frame), r.err());
	}

	@Test
	void aBugIsAnInternalErrorWithItsStackTrace() {
		assertInternalError(report("npe"), "java.lang.NullPointerException",
			"io.github.clathrin.commands.FailingCommand.execute");
	}

	@Test
	void anIllegalArgumentExceptionIsABugNotBadInput() {
		assertInternalError(report("iae"), "java.lang.IllegalArgumentException", "");
	}

	@Test
	void badInputIsOneLine() {
		Reported r = report("input");
		assertEquals(2, r.exit(), r.err());
		assertEquals(List.of("error: probe.csv, line 3: a bad value for the probe"), r.err().lines().toList());
	}

	@Test
	void runningOutOfMemoryIsOneLineNamingTheStep() {
		Reported r = report("oom");
		assertEquals(1, r.exit(), r.err());
		List<String> lines = r.err().lines().toList();
		assertEquals(1, lines.size(), r.err());
		assertTrue(lines.get(0).startsWith("error: out of memory while " + FailingCommand.STAGE), r.err());
		assertTrue(lines.get(0).contains("CLATHRIN_JAVA_OPTS=-Xmx"), r.err());
	}

	/** A real 128^3 grid in a JVM with 96 MB of heap: the line names voxelizing, not a stack trace. */
	@Test
	void aLargeGridInASmallHeapSaysWhichStepNeedsMoreMemory(@TempDir Path tmp) throws Exception {
		Path data = Path.of("test-data", "simulated");
		Child c = child("-Xmx96m", "train", "--input", data.resolve("structures").toString(), "--labels",
			data.resolve("labels.csv").toString(), "--grid", "128", "--out", tmp.resolve("model.zip").toString());
		assertEquals(1, c.exit(), c.err());
		List<String> errors = c.err().lines().filter(l -> l.startsWith("error: ")).toList();
		assertEquals(1, errors.size(), c.err());
		assertTrue(errors.get(0).startsWith("error: out of memory while Voxelizing (train): give Java more memory, "
			+ "e.g. CLATHRIN_JAVA_OPTS=-Xmx"), c.err());
		assertFalse(c.err().contains("\tat "), c.err());
		assertFalse(tmp.resolve("model.zip").toFile().exists());
	}

	record Child(int exit, String err) {}

	/** Runs {@code java <heap> -cp <test class path> Main args} and returns its exit code and stderr. */
	static Child child(String heap, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
		pb.environment().remove("JAVA_TOOL_OPTIONS");
		Process p = pb.start();
		byte[] err = p.getErrorStream().readAllBytes();
		assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the child JVM did not finish");
		return new Child(p.exitValue(), new String(err, StandardCharsets.UTF_8));
	}
}
