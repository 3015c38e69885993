package io.github.clathrin.commands;

import org.scijava.plugin.Parameter;

import io.github.clathrin.task.InputException;

/**
 * A command that fails on purpose, the way a bug, bad input or too little memory would, so that tests
 * see how the CLI, Fiji and macros show each kind of failure. Lives on the test class path only.
 */
public class FailingCommand extends ClathrinCommand {

	/** Stage reported before failing, which an out-of-memory message must name. */
	public static final String STAGE = "Probing the failure path";

	@Parameter(required = false)
	private String failure = "npe";

	@Override
	protected void execute() {
		progress().report(STAGE, 0, 1);
		switch (failure) {
			case "none" -> report = "no failure";
			case "input" -> throw new InputException("probe.csv, line 3: a bad value for the probe");
			case "iae" -> throw new IllegalArgumentException("a programming error's argument");
			// More than any test heap holds: the JVM refuses the array at once, as it would a 128^3 grid too many.
			case "oom" -> report = "allocated " + new long[Integer.MAX_VALUE - 8].length;
			default -> report = nothing().trim(); // a NullPointerException, as a bug would raise it
		}
	}

	private static String nothing() {
		return null;
	}
}
