package io.github.clathrin.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.module.event.ModuleErroredEvent;

import io.github.clathrin.commands.ClathrinCommand;

/**
 * Runs the SciJava commands from the terminal, exactly as Fiji runs them: through a
 * {@link CommandService}, with progress going to stderr.
 */
final class CommandRunner implements AutoCloseable {

	private final ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
	private Context context;

	/**
	 * SciJava logs every exception a command throws, with its stack trace, unless someone consumes the
	 * ModuleErroredEvent; the CLI reports errors itself (one line, the trace only with --debug). The
	 * field keeps the subscriber alive: the event bus holds subscribers weakly.
	 */
	private final EventSubscriber<ModuleErroredEvent> reportErrorsOurselves = new EventSubscriber<>() {

		@Override
		public void onEvent(ModuleErroredEvent event) {
			event.consume();
		}

		@Override
		public Class<ModuleErroredEvent> getEventClass() {
			return ModuleErroredEvent.class;
		}
	};

	/** Runs a command with the given inputs and returns it, its outputs filled in. */
	<C extends ClathrinCommand> C run(Class<C> type, Map<String, Object> inputs) throws Exception {
		if (context == null) {
			context = new Context(CommandService.class);
			context.service(EventService.class).subscribe(reportErrorsOurselves);
		}
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
			// SciJava's ModuleRunner wraps what run() throws in a plain RuntimeException("Module threw
			// exception"); the user needs the InputException or CancelledException inside.
			Throwable cause = e.getCause();
			while (cause != null && cause.getClass() == RuntimeException.class && cause.getCause() != null)
				cause = cause.getCause();
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
