package io.github.clathrin.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;

import io.github.clathrin.task.InputException;

/** The one output check every command uses, and the hook by which callers get their own files checked. */
class OutputCheckTest {

	private static final Path SIMULATED = Path.of("test-data", "simulated");

	/**
	 * A caller that writes a file from a command's outputs (Fiji's gallery image) names it in {@code also_writes};
	 * the command refuses it before reading anything if it would replace an input.
	 */
	@Test
	void theCallersGalleryIsCheckedByTheCommand(@TempDir Path tmp) throws Exception {
		Path labels = Files.copy(SIMULATED.resolve("labels.csv"), tmp.resolve("labels.csv"));
		byte[] before = Files.readAllBytes(labels);
		Context context = new Context(CommandService.class);
		try {
			assertRefused(showStructures(context, labels, labels), "labels file");
		}
		finally {
			context.dispose();
		}
		assertArrayEquals(before, Files.readAllBytes(labels));
	}

	/**
	 * A gallery of more than a page is written as gallery-001.png, gallery-002.png...: a page that would
	 * replace a file the run reads is refused before anything is read, as the gallery file itself is.
	 */
	@Test
	void everyPageOfTheCallersGalleryIsChecked(@TempDir Path tmp) throws Exception {
		Path labels = Files.copy(SIMULATED.resolve("labels.csv"), tmp.resolve("gallery-002.png"));
		byte[] before = Files.readAllBytes(labels);
		Context context = new Context(CommandService.class);
		try {
			assertRefused(showStructures(context, labels, tmp.resolve("gallery.png")),
				"pages, one of which is the labels file");
			assertEquals(null, showStructures(context, labels, tmp.resolve("other.png")).getFailure(),
				"another gallery name is fine");
		}
		finally {
			context.dispose();
		}
		assertArrayEquals(before, Files.readAllBytes(labels));
	}

	@Test
	void aNewFileInALinkedFolderIsComparedByItsRealPath(@TempDir Path tmp) throws Exception {
		Path real = Files.createDirectories(tmp.resolve("real"));
		Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
		assertEquals(OutputCheck.resolve(real.resolve("new.csv")), OutputCheck.resolve(link.resolve("x/../new.csv")));
		OutputCheck check = new OutputCheck().reads(real.toFile(), "input");
		assertThrows(InputException.class, () -> check.file(link.resolve("new.csv").toFile(), "output"));
		check.file(link.resolve("results.csv").toFile(), "output"); // the tool's own name: the reader skips it
		// A labels file beside the structures is the user's work, even when this run does not read it.
		assertThrows(InputException.class, () -> check.file(real.resolve("labels.csv").toFile(), "output"));
		check.file(tmp.resolve("new.csv").toFile(), "output");
		check.folder(real.resolve("sub").toFile(), "output folder", p -> true); // the reader does not descend
	}

	/** Show Structures of the simulated structures with these labels, its caller writing {@code gallery}. */
	private static ShowStructuresCommand showStructures(Context context, Path labels, Path gallery) throws Exception {
		Map<String, Object> in = new HashMap<>();
		in.put("input", SIMULATED.resolve("structures").toFile());
		in.put("labels", labels.toFile());
		in.put("also_writes", new File[] { gallery.toFile() });
		return (ShowStructuresCommand) context.service(CommandService.class).run(ShowStructuresCommand.class, false, in)
			.get().getCommand();
	}

	/** Refused as an input error naming what it would replace, before reading anything. */
	private static void assertRefused(ShowStructuresCommand c, String says) {
		assertInstanceOf(InputException.class, c.getFailure());
		assertTrue(c.getFailure().getMessage().contains(says), c.getFailure().getMessage());
		assertEquals(null, c.getStructures(), "refused before reading");
	}
}
