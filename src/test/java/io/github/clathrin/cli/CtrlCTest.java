package io.github.clathrin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during deep training, in a real child JVM: the command line says "cancelled", exits 130 and
 * writes no model; it does not leave it to Java's default, which waits for SciJava's shutdown hook.
 */
class CtrlCTest {

	@Test
	void ctrlCDuringDeepTrainingSaysCancelledAndWritesNoModel(@TempDir Path tmp) throws Exception {
		// A JVM started with SIGINT ignored (a background job of a script, nohup) passes that on to its children,
		// which then train to the end; Linux says so in /proc.
		Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this JVM and so in its children (started as a "
			+ "background job?)");
		Path data = Path.of("test-data", "simulated"), model = tmp.resolve("model.zip");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), Main.class.getName(), "train", "--input",
			data.resolve("structures").toString(), "--labels", data.resolve("labels.csv").toString(), "--encoder",
			"conv-ae", "--epochs", "200", "--out", model.toString()));
		ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
		pb.environment().remove("JAVA_TOOL_OPTIONS");
		Process p = pb.start();
		StringBuilder err = new StringBuilder();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				err.append(line).append('\n');
				if (line.startsWith("Fitting conv-ae")) break;
			}
			Thread.sleep(2000); // into the training batches
			new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
			if (!p.waitFor(60, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				// A JVM started with SIGINT ignored (a background job of a script) passes that on to its children.
				Assumptions.abort("SIGINT is ignored in this JVM's children (started as a background job?)\n" + err);
			}
			while ((line = in.readLine()) != null) err.append(line).append('\n');
		}
		assertEquals(130, p.exitValue(), err.toString());
		assertTrue(err.toString().strip().endsWith("cancelled"), err.toString());
		assertFalse(Files.exists(model), "no model after Ctrl-C");
	}

	/** Whether this process ignores SIGINT (signal 2: bit 1 of /proc/self/status's SigIgn); false where unknown. */
	private static boolean sigintIgnored() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status")))
				if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 2) != 0;
		}
		catch (java.io.IOException | RuntimeException e) {
			// not Linux
		}
		return false;
	}
}
