package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.PageFiles;

/**
 * Refuses, before anything runs, an output path that would destroy what the run reads: an input file,
 * a structure file of an input folder (or a new file there that the next run would read as one), the
 * labels file or the model file, and for an output folder an input folder itself or inputs inside the
 * files the command writes there. Paths are compared absolute, normalised and with symbolic links
 * resolved as far as they exist, so {@code dir/../dir/s1.csv} or a link to the labels file are caught.
 * The CLI and the Fiji menus run the same commands, so both get the same refusal.
 */
public final class OutputCheck {

	/**
	 * Outputs of the tool's own that the structure folder reader skips, so writing them beside the
	 * structures replaces no input. Not labels.csv: the reader skips it too, but it is the user's work.
	 */
	static final Set<String> OWN_FILES = Set.of("results.csv", "segments.csv", ReconstructCommand.ERRORS_CSV);

	private record Read(Path path, String what, boolean folder) {}

	private final List<Read> reads = new ArrayList<>();

	/** Notes a path the run reads (null: nothing), named as the user knows it ("input", "labels file"). */
	public OutputCheck reads(File file, String what) {
		if (file != null) {
			Path p = resolve(file.toPath());
			reads.add(new Read(p, what, Files.isDirectory(p)));
		}
		return this;
	}

	/** As {@link #reads(File, String)} for each file. */
	public OutputCheck reads(File[] files, String what) {
		if (files != null) for (File f : files) reads(f, what);
		return this;
	}

	/** Refuses {@code out} (null: nothing to check), written by {@code option}, if writing it destroys an input. */
	public OutputCheck file(File out, String option) {
		if (out == null) return this;
		Path o = resolve(out.toPath());
		for (Read r : reads) {
			if (o.equals(r.path()))
				throw refuse(option, out, "is the " + r.what() + (r.folder() ? " folder" : "") + " this run reads",
					"choose another file");
			if (r.folder() && r.path().equals(o.getParent()) && readAsStructure(o.getFileName().toString()))
				throw Files.exists(o)
					? refuse(option, out, "is a structure file of the " + r.what() + " folder " + r.path(),
						"choose another file")
					: refuse(option, out, "lies in the " + r.what() + " folder " + r.path()
						+ ", where the next run would read it as a structure", "to write it there",
						"write it outside that folder");
		}
		if (Files.isDirectory(o)) throw refuse(option, out, "is a folder", "give a file name");
		return this;
	}

	/**
	 * As {@link #file} for an image the caller may write as numbered pages ({@link PageFiles}): the file and
	 * every page name it may take are refused if one of them is what the run reads.
	 */
	public OutputCheck pages(File out, String option) {
		if (out == null) return this;
		file(out, option);
		Path o = resolve(out.toPath());
		for (Read r : reads)
			if (!r.folder() && PageFiles.isPageOf(r.path(), o))
				throw refuse(option, out, "would be written as pages, one of which is the " + r.what() + " " + r.path()
					+ " this run reads", "choose another file");
		return this;
	}

	/**
	 * Refuses the output folder {@code out} (null: nothing to check) if it is a folder the run reads, or if
	 * an input lies at a place inside it that the command writes: {@code writes} tells, for a path relative to
	 * {@code out}, whether the command may write (or remove) it.
	 */
	public OutputCheck folder(File out, String option, Predicate<Path> writes) {
		if (out == null) return this;
		Path o = resolve(out.toPath());
		for (Read r : reads) {
			if (o.equals(r.path())) {
				if (r.folder()) throw refuse(option, out, "is the " + r.what() + " folder, where the run would write "
					+ "among its own inputs", "to write into it", "choose another folder");
				continue; // a file given as output folder: the command says "not a folder"
			}
			if (r.path().startsWith(o) && writes.test(o.relativize(r.path())))
				throw refuse(option, out, "is where this run writes over the " + r.what() + " " + r.path(),
					"choose another folder");
		}
		return this;
	}

	/** The refusal naming the option, the path, why, and what to do instead. */
	private static InputException refuse(String option, File out, String why, String instead) {
		return refuse(option, out, why, "to overwrite it", instead);
	}

	private static InputException refuse(String option, File out, String why, String refusal, String instead) {
		return new InputException(option + " " + out + " " + why + ": refusing " + refusal + " (nothing was run); "
			+ instead);
	}

	/** Whether the folder reader takes a file of this name for a structure. */
	static boolean readAsStructure(String name) {
		return StructureLoader.readsAsStructure(name) && !OWN_FILES.contains(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Absolute and normalised, with links resolved for the longest part that exists (a file not yet
	 * written has no real path, but its folder may be a link).
	 */
	static Path resolve(Path p) {
		Path abs = p.toAbsolutePath().normalize();
		Path existing = abs;
		while (existing != null && !Files.exists(existing)) existing = existing.getParent();
		if (existing == null) return abs;
		try {
			return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
		}
		catch (IOException e) {
			return abs;
		}
	}
}
