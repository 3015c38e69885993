package io.github.clathrin.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files users care about (labels, models, results, segmented structures) survive a writer that dies
 * midway: the old file stays whole, because the new one is written beside it and renamed only when done.
 */
class AtomicFilesKillTest {

	@Test
	void killingTheWriterMidwayLeavesTheOldFileIntact(@TempDir Path tmp) throws Exception {
		Path target = tmp.resolve("labels.csv");
		String old = "key,label\na,yes\nb,no\n";
		Files.writeString(target, old);
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
			System.getProperty("java.class.path"), SlowAtomicWriter.class.getName(), target.toString())
			.redirectErrorStream(true).start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			assertEquals("writing", out.readLine(), "the writer started");
			List<Path> partial;
			try (Stream<Path> s = Files.list(tmp)) {
				partial = s.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
			}
			assertEquals(1, partial.size(), "the new content goes to a temporary file beside the target");
			p.destroyForcibly();
			assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the writer died"); // a guard, not a timing goal
		}
		assertEquals(old, Files.readString(target), "the old file is intact");
	}

	/**
	 * Nothing in the main code writes a file except through AtomicFiles (the benchmark's generated scratch
	 * tables aside: no user cares about those).
	 */
	@Test
	void everyWriterGoesThroughAtomicFiles() throws IOException {
		Pattern direct = Pattern.compile("(?<!Atomic)Files\\.(write|writeString|newOutputStream|newBufferedWriter)\\(|new "
			+ "(FileOutputStream|FileWriter|PrintWriter\\(new File)");
		List<String> found = new ArrayList<>();
		try (Stream<Path> s = Files.walk(Path.of("src", "main", "java"))) {
			for (Path f : s.filter(x -> x.toString().endsWith(".java")).toList()) {
				if (f.getFileName().toString().equals("AtomicFiles.java") || f.toString().contains("/bench/")) continue;
				List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					Matcher m = direct.matcher(lines.get(i));
					if (m.find()) found.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
				}
			}
		}
		assertEquals(List.of(), found);
	}
}
