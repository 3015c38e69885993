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

	private static Process slowWriter(Path target) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
			System.getProperty("java.class.path"), SlowAtomicWriter.class.getName(), target.toString())
			.redirectErrorStream(true).start();
	}

	private static List<Path> parts(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
		}
	}

	/**
	 * What a killed writer leaves is removed by the next write of the same target, while the temporary of a
	 * writer that still runs is left alone.
	 */
	@Test
	void theNextWriteRemovesAKilledWritersTemporaryButNotALiveOnes(@TempDir Path tmp) throws Exception {
		Path target = tmp.resolve("results.csv");
		Process killed = slowWriter(target);
		try (BufferedReader out = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
			assertEquals("writing", out.readLine());
			killed.destroyForcibly();
			assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
		}
		List<Path> left = parts(tmp);
		assertEquals(1, left.size(), "the killed writer left its temporary");

		Process live = slowWriter(target);
		try (BufferedReader out = new BufferedReader(new InputStreamReader(live.getInputStream(), StandardCharsets.UTF_8))) {
			assertEquals("writing", out.readLine());
			// The live writer is the next write of the same target: it removed what the killed one left.
			List<Path> afterNext = parts(tmp);
			assertEquals(1, afterNext.size(), afterNext.toString());
			assertTrue(!afterNext.contains(left.get(0)), "the killed writer's temporary is gone: " + afterNext);
			Path liveOne = afterNext.get(0);
			// One of this process, fresh (a concurrent thread's), and one of a live pid untouched for two days.
			Path ours = tmp.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".5.part");
			Path old = tmp.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".-6.part");
			Files.writeString(ours, "busy");
			Files.writeString(old, "old");
			Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
				.minus(java.time.Duration.ofDays(2))));
			Path otherTarget = tmp.resolve(".labels.csv." + killed.pid() + ".7.part");
			Files.writeString(otherTarget, "another target's");

			AtomicFiles.writeString(target, "new\n");
			assertEquals("new\n", Files.readString(target));
			List<Path> now = parts(tmp);
			assertTrue(!now.contains(old), "a day-old temporary is gone: " + now);
			assertTrue(now.contains(liveOne), "the live writer's temporary stays: " + now);
			assertTrue(now.contains(ours), "a fresh temporary of this process stays: " + now);
			assertTrue(now.contains(otherTarget), "another target's temporaries wait for its own next write: " + now);
			live.destroyForcibly();
			assertTrue(live.waitFor(60, TimeUnit.SECONDS));
		}
	}

	/** Folders built beside their target (a segmentation's structures) are cleaned the same way. */
	@Test
	void aKilledWritersTemporaryFolderIsRemovedWithItsContent(@TempDir Path tmp) throws Exception {
		Process dead = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
			.redirectErrorStream(true).start();
		dead.getInputStream().readAllBytes();
		assertTrue(dead.waitFor(60, TimeUnit.SECONDS));
		Path folder = Files.createDirectories(tmp.resolve(".structures." + dead.pid() + ".42.part"));
		Files.writeString(folder.resolve("cell-1.csv"), "x,y,z\n");
		AtomicFiles.removeStaleTemporaries(tmp.resolve("structures"));
		assertEquals(List.of(), parts(tmp));
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
