package io.github.clathrin.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import io.github.clathrin.task.InputException;
import io.github.clathrin.task.OutOfMemoryException;

/**
 * A command keeps its failure, and says which kind it is: bad input stays the user's one-line
 * message, a bug is never dressed up as the user's cancel, and running out of memory names the step.
 */
class FailureKindsTest {

	private static Context context;

	@BeforeAll
	static void context() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void dispose() {
		context.dispose();
	}

	private static CommandModule run(String failure) throws Exception {
		return context.service(CommandService.class).run(FailingCommand.class, false, Map.of("failure", failure)).get();
	}

	/** The command kept a failure of the given class and says its kind. */
	private static void assertFailed(CommandModule m, Class<? extends Throwable> failure, ClathrinCommand.FailureKind kind) {
		FailingCommand c = (FailingCommand) m.getCommand();
		assertInstanceOf(failure, c.getFailure());
		assertEquals(kind, c.getFailureKind());
	}

	@Test
	void aNullPointerExceptionIsAnInternalErrorNotACancel() throws Exception {
		CommandModule m = run("npe");
		assertFailed(m, NullPointerException.class, ClathrinCommand.FailureKind.INTERNAL);
		assertTrue(m.getCancelReason().startsWith("internal error, please report: java.lang.NullPointerException"),
			m.getCancelReason());
	}

	@Test
	void anIllegalArgumentExceptionIsAnInternalError() throws Exception {
		FailingCommand c = (FailingCommand) run("iae").getCommand();
		assertEquals(ClathrinCommand.FailureKind.INTERNAL, c.getFailureKind());
	}

	@Test
	void badInputKeepsItsMessage() throws Exception {
		CommandModule m = run("input");
		assertFailed(m, InputException.class, ClathrinCommand.FailureKind.INPUT);
		assertEquals("probe.csv, line 3: a bad value for the probe", m.getCancelReason());
	}

	@Test
	void runningOutOfMemoryNamesTheStage() throws Exception {
		FailingCommand c = (FailingCommand) run("oom").getCommand();
		OutOfMemoryException e = assertInstanceOf(OutOfMemoryException.class, c.getFailure());
		assertEquals(FailingCommand.STAGE + " (failing)", e.step());
		assertInstanceOf(OutOfMemoryError.class, e.getCause());
	}
}
