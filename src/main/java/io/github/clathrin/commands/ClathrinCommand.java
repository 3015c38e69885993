package io.github.clathrin.commands;

import java.io.File;
import java.nio.file.Files;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;

import io.github.clathrin.localizations.LengthUnit;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.OutOfMemoryException;
import io.github.clathrin.task.Progress;

/**
 * What every Clathrin command shares: a progress listener that also carries SciJava cancellation, a
 * text report as output, and input checks (headless runs do not check choices or ranges for us).
 * A command that fails does not throw out of {@link #run()} (SciJava would log a stack trace at the
 * user): it keeps the exception and callers (CLI, Fiji) show {@link #getFailure()}, TrackMate-style,
 * as its {@link FailureKind} says: bad input and a user's cancel as one line, running out of memory
 * as one line naming the step, and anything else as an internal error with its stack trace.
 */
public abstract class ClathrinCommand extends ContextCommand {

	@Parameter(label = "Progress listener", required = false, persist = false,
		visibility = ItemVisibility.INVISIBLE)
	protected Progress listener;

	@Parameter(label = "Files the caller writes afterwards", required = false, persist = false,
		visibility = ItemVisibility.INVISIBLE,
		description = "Files the caller writes from the command's outputs (a gallery image, a plot), checked with "
			+ "the command's own outputs before it runs, so that none of them replaces an input.")
	protected File[] also_writes;

	@Parameter(label = "Folders the caller fills with PNG images afterwards", required = false, persist = false,
		visibility = ItemVisibility.INVISIBLE)
	protected File[] also_writes_png_into;

	@Parameter(type = ItemIO.OUTPUT, label = "Report")
	protected String report;

	/** What a failure means for the user, and so how callers show it. */
	public enum FailureKind {
		/** Bad input ({@link InputException}): one line for the user to act on. */
		INPUT,
		/** The user stopped the command ({@link CancelledException}). */
		CANCELLED,
		/** Java ran out of memory ({@link OutOfMemoryException}, naming the step): give Java more. */
		OUT_OF_MEMORY,
		/** A bug: anything else (a NullPointerException, an IllegalArgumentException...), to be reported. */
		INTERNAL;

		public static FailureKind of(Throwable failure) {
			if (failure instanceof InputException) return INPUT;
			if (failure instanceof CancelledException) return CANCELLED;
			if (failure instanceof OutOfMemoryException) return OUT_OF_MEMORY;
			return INTERNAL;
		}
	}

	private RuntimeException failure;

	/** The last progress stage reported, so that running out of memory can name the step. */
	private volatile String stage;

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (InputException | CancelledException e) {
			failure = e;
			cancel(e.getMessage());
		}
		catch (OutOfMemoryError e) {
			// Unwinding to here has dropped what the step held, so there is room to report it.
			failure = new OutOfMemoryException(step(), e);
			cancel(failure.getMessage());
		}
		catch (RuntimeException e) {
			failure = e;
			// Cancelled, so that SciJava's postprocessors do not show a missing report, but with a reason
			// that cannot be mistaken for the user's cancel.
			cancel("internal error, please report: " + e);
		}
	}

	/**
	 * Why the command failed, or null if it succeeded: an {@link InputException} (bad input, message for
	 * the user), a {@link CancelledException}, an {@link OutOfMemoryException}, or any other exception,
	 * which is a bug ({@link #getFailureKind()}).
	 */
	public RuntimeException getFailure() {
		return failure;
	}

	/** What {@link #getFailure()} means, or null if the command succeeded. */
	public FailureKind getFailureKind() {
		return failure == null ? null : FailureKind.of(failure);
	}

	/** The step that was running: the last progress stage, or the command's name before any progress. */
	private String step() {
		String s = stage, name = getClass().getSimpleName().replaceFirst("Command$", "").toLowerCase(Locale.ROOT);
		return s == null || s.isBlank() ? name : s + " (" + name + ")";
	}

	protected abstract void execute();

	/**
	 * Refuses, before any work, the files the caller writes afterwards ({@link #also_writes}, each with the
	 * page names it may take) if they would destroy an input; {@code check} knows what this command reads.
	 */
	protected OutputCheck checkCallerOutputs(OutputCheck check) {
		// An image may be written as numbered pages (a gallery of more than a page): every page is checked.
		if (also_writes != null) for (File f : also_writes) check.pages(f, "output");
		if (also_writes_png_into != null) for (File f : also_writes_png_into)
			check.folder(f, "output folder", p -> p.getNameCount() == 1 && p.toString().toLowerCase(java.util.Locale.ROOT)
				.endsWith(".png"));
		return check;
	}

	public String getReport() {
		return report;
	}

	/** The caller's listener, cancelled also when SciJava cancels this command. */
	protected Progress progress() {
		Progress outer = listener != null ? listener : Progress.NONE;
		return new Progress() {

			@Override
			public void report(String stage, long done, long total) {
				ClathrinCommand.this.stage = stage;
				outer.report(stage, done, total);
			}

			@Override
			public boolean isCancelled() {
				return isCanceled() || outer.isCancelled();
			}
		};
	}

	static File existing(File f, String what) {
		if (f == null) throw new InputException("no " + what + " given");
		if (!f.exists()) throw new InputException(f + ": " + what + " not found");
		return f;
	}

	static File existingFile(File f, String what) {
		existing(f, what);
		if (!Files.isRegularFile(f.toPath())) throw new InputException(f + ": " + what + " is not a file");
		return f;
	}

	/** Refuses a missing file parameter, named as macros ({@code key}) and the command line ({@code --key}) spell it. */
	static File given(File f, String what, String key) {
		if (f == null) throw new InputException("no " + what + " given (" + key + ", --" + key.replace('_', '-') + ")");
		return f;
	}

	/** As {@link #given(File, String, String)} for a location given as text (a path or a URI); blank is missing. */
	static String given(String location, String what, String key) {
		if (location == null || location.isBlank()) given((File) null, what, key);
		return location;
	}

	/** As {@link #readOptions(Double, String, Integer)}, with column names for a file without titles ("trace,t,x,y,z"). */
	static ReadOptions readOptions(Double pixelSize, String units, Integer category, String columns) {
		ReadOptions o = readOptions(pixelSize, units, category);
		if (columns == null || columns.isBlank()) return o;
		try {
			return o.withColumns(java.util.Arrays.asList(columns.split("\\s*,\\s*", -1)));
		} catch (IllegalArgumentException e) {
			throw new InputException("--columns " + columns + ": " + e.getMessage());
		}
	}

	static ReadOptions readOptions(Double pixelSize, String units, Integer category) {
		LengthUnit unit = null;
		if (units != null && !units.isBlank()) {
			unit = LengthUnit.parse(units);
			if (unit == null) throw new InputException("unknown units '" + units + "': use nm, px, um or m");
		}
		if (pixelSize != null && !(pixelSize > 0 && pixelSize < 1e6))
			throw new InputException("pixel size must be a positive number of nm, got " + pixelSize);
		return new ReadOptions(unit, pixelSize, category);
	}

	static int inRange(int value, int min, int max, String what) {
		if (value < min || value > max)
			throw new InputException(what + " must be between " + min + " and " + max + ", got " + value);
		return value;
	}

	static String orNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
