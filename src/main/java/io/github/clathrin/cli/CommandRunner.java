package io.github.clathrin.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import io.github.clathrin.commands.ClathrinCommand;
import io.github.clathrin.task.OutOfMemoryException;

/**
 * Runs the SciJava commands from the terminal, exactly as Fiji runs them: through a
 * {@link CommandService}, with progress going to stderr.
 */
final class CommandRunner implements AutoCloseable {

	private final ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
	private Context context;

	/** Runs a command with the given inputs and returns it, its outputs filled in. */
	<C extends ClathrinCommand> C run(Class<C> type, Map<String, Object> inputs) throws Exception {
		if (context == null) context = new Context(CommandService.class);
		Map<String, Object> all = new HashMap<>(inputs);
		all.put("listener", progress);
		try {
			CommandModule module = context.service(CommandService.class).run(type, false, all).get();
			@SuppressWarnings("unchecked")
			C command = (C) module.getCommand();
			if (command.getFailure() != null) throw command.getFailure();
			return command;
		}
		catch (ExecutionException e) {
			// Commands keep their failures (see ClathrinCommand); only errors such as StackOverflowError get here.
			Throwable cause = e.getCause() != null ? e.getCause() : e;
			if (cause instanceof OutOfMemoryError oom)
				throw new OutOfMemoryException(type.getSimpleName().replaceFirst("Command$", "").toLowerCase(Locale.ROOT), oom);
			if (cause instanceof Error error) throw error;
			throw cause instanceof Exception x ? x : e;
		}
		finally {
			progress.finish();
		}
	}

	@Override
	public void close() {
		if (context != null) context.dispose();
	}
}
