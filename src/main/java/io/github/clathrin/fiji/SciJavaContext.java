package io.github.clathrin.fiji;

import ij.IJ;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;
import org.scijava.thread.ThreadService;

/**
 * The SciJava context our commands run in: Fiji's own when ImageJ runs inside Fiji, otherwise one
 * small context created on first use and kept for the rest of the session (plain ImageJ 1.x).
 * <p>
 * In plain ImageJ with our jar in {@code plugins/} and its dependencies in {@code plugins/jars/}, only
 * ImageJ's PluginClassLoader (the one that loaded this class) sees SciJava, our commands and the
 * libraries; the threads' context class loader, which SciJava (and Deeplearning4j) look classes up
 * with, is the system one and sees ij.jar alone. So our context indexes plugins through our own
 * loader, our commands run with it as context class loader, and so do the context's worker threads.
 */
final class SciJavaContext {

	/** The loader of our classes, which also sees every library we need, whatever the install. */
	static final ClassLoader LOADER = SciJavaContext.class.getClassLoader();

	private static Context own;

	private SciJavaContext() {}

	static synchronized Context get() {
		Context fiji = fijiContext();
		if (fiji != null) return fiji;
		if (own == null) own = create();
		return own;
	}

	/** Our own context; SciJava's services also look classes up through the context class loader as they start. */
	private static Context create() {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(LOADER);
		try {
			return withOurThreads(new Context(List.of(CommandService.class), new PluginIndex(new DefaultPluginFinder(LOADER))));
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static Context withOurThreads(Context context) {
		// Commands run on the ThreadService's threads; a new thread inherits its creator's context class loader,
		// which is not reliably ours, so these threads get ours explicitly.
		AtomicInteger count = new AtomicInteger();
		context.service(ThreadService.class).setExecutorService(Executors.newCachedThreadPool(task -> {
			Thread t = new Thread(task, "Clathrin-SciJava-" + count.incrementAndGet());
			t.setContextClassLoader(LOADER);
			t.setDaemon(true); // never the reason ImageJ does not quit
			return t;
		}));
		return context;
	}

	/**
	 * Runs the command through the context's CommandService and waits for it, with our class loader as
	 * the calling thread's context class loader meanwhile (restored afterwards).
	 */
	static CommandModule run(Class<? extends Command> type, Map<String, Object> inputs) throws InterruptedException,
		ExecutionException
	{
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(LOADER);
		try {
			return get().service(CommandService.class).run(type, false, inputs).get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * Fiji's context, or null. Fiji patches ImageJ 1.x (ij1-patcher adds the static field
	 * {@code IJ._hooks}), and its legacy hooks answer {@code IJ.runPlugIn("org.scijava.Context", "")}
	 * with the running context (imagej-legacy {@code DefaultLegacyHooks.interceptRunPlugIn}). In plain
	 * ImageJ 1.x that same call would instantiate a new, full Context, so we ask only when patched.
	 */
	static Context fijiContext() {
		try {
			IJ.class.getField("_hooks");
		}
		catch (NoSuchFieldException e) {
			return null;
		}
		Object o = IJ.runPlugIn("org.scijava.Context", "");
		return o instanceof Context c && c.getService(CommandService.class) != null ? c : null;
	}
}
