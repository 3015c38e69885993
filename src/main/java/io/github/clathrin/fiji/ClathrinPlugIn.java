package io.github.clathrin.fiji;

import ij.IJ;
import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.command.CommandModule;

import io.github.clathrin.commands.ClathrinCommand;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.OutOfMemoryException;

/**
 * What every Plugins &gt; Clathrin entry shares: dialog values remembered between uses, running a
 * SciJava command with progress on the status bar, and showing failures the ImageJ way.
 * <p>
 * Failures: in the GUI an {@code IJ.error} dialog. When a macro runs the plugin (or ImageJ runs in
 * batch mode without a window) nothing may block, so the message goes to the log as
 * {@code Clathrin Classifier: error: ...}, and a calling macro is aborted: the next macro line would
 * otherwise work on a model or results file that was never written. {@link Macro#abort()} alone is
 * not enough: it only throws in ImageJ's own macro threads (names ending in "Macro$"), not in
 * {@code -batch} runs, so {@link Interpreter#abort()} stops the running interpreter first.
 * <p>
 * Every failure of a menu command ends in {@link #failed}: ImageJ calls {@link #run(String)}, which
 * runs the plugin's {@link #runOnce(String)} and catches whatever it throws (building the dialog,
 * running the command, showing results). Bad input is one line, as above; running out of memory is one
 * line naming the step and pointing to Edit &gt; Options &gt; Memory; anything else is a bug, written
 * to the log as "internal error, please report" with its stack trace, and it stops a macro too.
 */
abstract class ClathrinPlugIn implements PlugIn {

	static final String TITLE = "Clathrin Classifier";

	/** Where the user gives ImageJ more memory. */
	static final String MEMORY_HINT = "give ImageJ more memory in Edit > Options > Memory & Threads... and restart it";

	/** The title of the question before an existing output is replaced. */
	static final String REPLACE_TITLE = "Replace Existing File?";

	/**
	 * Shows the dialog and runs the step, as often as the user needs: a mistake they can correct in the
	 * dialog (a number that is not one, an input the command refuses, "Choose another" instead of replacing
	 * a file) opens the dialog again with what they typed. The dialog's values are remembered only when the
	 * step succeeded.
	 */
	@Override
	public final void run(String arg) {
		String options = Macro.getOptions();
		if (options != null) {
			String current = macroOptions(options);
			if (!current.equals(options)) Macro.setOptions(Thread.currentThread(), current);
		}
		DialogSession.run(() -> {
			try {
				runOnce(arg);
			}
			catch (RuntimeException e) {
				if (Macro.MACRO_CANCELED.equals(e.getMessage())) throw e; // Macro.abort() stopping the macro: not ours
				failed(e, stepName(getClass()));
			}
			catch (Error e) {
				failed(e, stepName(getClass()));
			}
		});
	}

	/**
	 * A macro's options with the keys of earlier versions renamed to the command's names (see {@link
	 * MacroKeys}); as given unless a plugin renamed a field.
	 */
	String macroOptions(String options) {
		return options;
	}

	/**
	 * Shows the dialog (through {@link #show}) and runs the step once: its dialog, its command and its
	 * results. Failures may simply be thrown; they all end in {@link #failed}.
	 */
	abstract void runOnce(String arg);

	/**
	 * Shows the dialog, filled with what the user typed last time when it opens again after a mistake;
	 * false if it was cancelled.
	 */
	static boolean show(GenericDialog gd) {
		DialogSession session = DialogSession.current();
		if (session != null) session.restore(gd);
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		if (session != null) session.keep(gd);
		return true;
	}

	/** Someone can answer a question: not a macro, not batch mode, not without a window. */
	static boolean interactive() {
		return !unattended() && !GraphicsEnvironment.isHeadless();
	}

	/**
	 * A mistake the user can correct in the dialog: shown, then (when someone is there to correct it) the
	 * dialog opens again with their values. Unattended it fails as any error does.
	 */
	static void mistake(String message) {
		fail(message);
		openAgain();
	}

	private static void openAgain() {
		DialogSession session = DialogSession.current();
		if (session != null && interactive()) session.openAgain();
	}

	/**
	 * Whether the step may write over {@code existing}: yes when it does not exist, or when no one is there
	 * to ask (a macro or a headless run: their paths are explicit), or when the user chose Replace.
	 * "Choose another" opens the dialog again with the user's values; Cancel ends the step.
	 */
	static boolean mayReplace(File existing) {
		return existing == null || !existing.exists()
			|| mayReplace(existing, existing + "\nalready exists. Replace it?");
	}

	/**
	 * Asks before a gallery replaces an earlier one: the file itself, or the pages of a gallery of more than
	 * a page written under that name ({@code gallery-001.png}...).
	 */
	static boolean mayReplaceGallery(File file) {
		File existing = existingGallery(file);
		if (existing == null || existing.equals(file)) return mayReplace(file);
		return mayReplace(existing, file.getParentFile() + "\nalready holds the pages " + existing.getName()
			+ "... of an earlier gallery " + file.getName() + ".\nReplace them?");
	}

	/** The file of an earlier gallery under this name: the file itself, or its first page; null if neither. */
	static File existingGallery(File file) {
		if (file.exists()) return file;
		File first = io.github.clathrin.task.PageFiles.page(file.toPath(), 1, 2).toFile();
		return first.exists() ? first : null;
	}

	/** As {@link #mayReplace(File)} with the question asked; for folders that hold an earlier result. */
	static boolean mayReplace(File existing, String question) {
		if (existing == null || !existing.exists() || !interactive()) return true;
		GenericDialog gd = new GenericDialog(REPLACE_TITLE);
		gd.addMessage(question);
		gd.enableYesNoCancel("Replace", "Choose another");
		gd.showDialog();
		if (gd.wasOKed()) return true;
		if (!gd.wasCanceled()) openAgain();
		return false;
	}

	/**
	 * As {@link #mayReplace(File)} for an output folder that holds {@code marker}, the file an earlier run of
	 * the step left there.
	 */
	static boolean mayReplaceEarlierResult(File folder, String marker) {
		if (folder == null) return true;
		return mayReplace(new File(folder, marker), folder + "\nalready holds " + marker
			+ " from an earlier run.\nReplace what this step writes there?");
	}

	/** The step succeeded without a command (which records success itself): remember the dialog's values. */
	static void succeeded() {
		DialogSession session = DialogSession.current();
		if (session != null) session.succeeded();
	}

	/** Whether a macro supplies the dialog values (the dialog is then never shown). */
	static boolean fromMacro() {
		return Macro.getOptions() != null;
	}

	/** No one can click an error dialog away: a macro, batch mode, or ImageJ without a window. */
	static boolean unattended() {
		return fromMacro() || Interpreter.isBatchMode() || IJ.getInstance() == null;
	}

	/**
	 * The value this dialog field had last time (shared by all Clathrin dialogs, so the input folder
	 * carries over from Train to Classify), or {@code fallback}. A macro always starts from the
	 * defaults, so that a recorded macro means the same on every machine.
	 */
	static String remembered(String key, String fallback) {
		return fromMacro() ? fallback : Prefs.get(prefKey(key), fallback);
	}

	static double remembered(String key, double fallback) {
		return fromMacro() ? fallback : Prefs.get(prefKey(key), fallback);
	}

	static boolean remembered(String key, boolean fallback) {
		return fromMacro() ? fallback : Prefs.get(prefKey(key), fallback);
	}

	/** Remembers a dialog value for next time, once the step succeeded (at once outside a dialog). */
	static void remember(String key, Object value) {
		DialogSession session = DialogSession.current();
		if (session != null) session.remember(key, String.valueOf(value));
		else rememberNow(key, String.valueOf(value));
	}

	static void rememberNow(String key, String value) {
		Prefs.set(prefKey(key), value);
	}

	private static String prefKey(String key) {
		return "clathrin." + key;
	}

	/** Command inputs from key, value pairs; a null value means "not given". */
	static Map<String, Object> inputs(Object... keyValues) {
		Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
		return m;
	}

	/** A path from a text field: null when empty. */
	static File file(String text) {
		return text == null || text.isBlank() ? null : new File(text.trim());
	}

	/** Null when the optional number field was left at 0 (or blank). */
	static Double positiveOrNull(double v) {
		return Double.isNaN(v) || v <= 0 ? null : v;
	}

	/** The units choice: "from file" means the command decides from the file. */
	static final String[] UNITS = { "from file", "nm", "px", "um", "m" };

	static String unitsOrNull(String choice) {
		return choice == null || choice.equals(UNITS[0]) ? null : choice;
	}

	/**
	 * Checks the numbers a dialog returned; false (after showing why, and asking for the dialog again) if
	 * one was not a number.
	 */
	static boolean numbersValid(GenericDialog gd) {
		if (!gd.invalidNumber()) return true;
		mistake(gd.getErrorMessage() != null ? gd.getErrorMessage() : "a number field holds no number");
		return false;
	}

	/** Shows an error where the user will see it, without blocking an unattended run. */
	static void fail(String message) {
		if (unattended()) {
			IJ.log(TITLE + ": error: " + message);
			if (fromMacro()) abortMacro();
		}
		else IJ.error(TITLE, message);
	}

	/**
	 * Shows any failure of a menu command the way its kind asks for ({@link ClathrinCommand.FailureKind}):
	 * a cancel on the status bar, bad input and running out of memory through {@link #fail}, and anything
	 * else as an internal error. {@code step} names what was running when the cause says nothing better.
	 */
	static void failed(Throwable failure, String step) {
		if (failure instanceof OutOfMemoryError oom) failure = new OutOfMemoryException(step, oom);
		switch (ClathrinCommand.FailureKind.of(failure)) {
			case CANCELLED -> {
				IJ.showStatus(TITLE + ": cancelled");
				if (unattended()) IJ.log(TITLE + ": cancelled");
				if (fromMacro()) abortMacro();
			}
			case INPUT -> {
				fail(failure.getMessage() != null ? failure.getMessage() : failure.toString());
				openAgain(); // a wrong path or value: let the user correct it in the dialog
			}
			case OUT_OF_MEMORY -> fail(failure.getMessage() + ": " + MEMORY_HINT);
			default -> internalError(failure);
		}
	}

	/**
	 * A bug: the exception and its stack trace go to the log (in batch mode too, so that it can be
	 * reported), the GUI also shows a dialog, and a calling macro stops.
	 */
	static void internalError(Throwable bug) {
		String line = "internal error, please report: " + bug;
		IJ.log(TITLE + ": " + line);
		StringWriter trace = new StringWriter();
		bug.printStackTrace(new PrintWriter(trace));
		IJ.log(trace.toString());
		if (!unattended()) IJ.error(TITLE, line + "\n(the stack trace is in the Log window)");
		if (fromMacro()) abortMacro();
	}

	/** "train" for TrainPlugin or TrainCommand: the step a user recognises. */
	static String stepName(Class<?> type) {
		return type.getSimpleName().replaceFirst("(Plugin|Command)$", "").toLowerCase(java.util.Locale.ROOT);
	}

	static void abortMacro() {
		Interpreter.abort();
		Macro.abort();
	}

	/**
	 * Runs a command through SciJava's CommandService, exactly as the CLI does, and returns it with its
	 * outputs; null after showing the failure through {@link #failed} (bad input, cancelled, out of memory,
	 * or a bug).
	 */
	static <C extends ClathrinCommand> C run(Class<C> type, Map<String, Object> inputs) {
		StatusBarProgress progress = new StatusBarProgress();
		Map<String, Object> all = new HashMap<>(inputs);
		all.put("listener", progress);
		try {
			CommandModule module = SciJavaContext.run(type, all);
			@SuppressWarnings("unchecked")
			C command = (C) module.getCommand();
			RuntimeException failure = command.getFailure();
			if (failure == null) {
				succeeded();
				return command;
			}
			failed(failure, stepName(type));
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted");
			return null;
		}
		catch (ExecutionException e) {
			// Commands keep their own failures; only errors such as StackOverflowError arrive here.
			failed(e.getCause() != null ? e.getCause() : e, stepName(type));
			return null;
		}
		finally {
			progress.finish();
		}
	}

	/** Shows a command's text report: in the log (the one text window that exists in batch mode). */
	static void showReport(String report) {
		if (report != null) IJ.log(report);
	}
}
