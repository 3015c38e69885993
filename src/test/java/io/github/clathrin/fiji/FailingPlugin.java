package io.github.clathrin.fiji;

import ij.gui.GenericDialog;

import io.github.clathrin.commands.FailingCommand;

/**
 * A menu command that fails on purpose (test class path only, registered by a test plugins.config):
 * {@code where=command} runs {@link FailingCommand} with a bug, {@code where=results} fails after
 * its command succeeded, as a bug while showing results would.
 */
public class FailingPlugin extends ClathrinPlugIn {

	@Override
	void runOnce(String arg) {
		GenericDialog gd = new GenericDialog("Failing Probe");
		gd.addChoice("Where", new String[] { "command", "results" }, "command");
		gd.addChoice("Failure", new String[] { "npe", "oom", "input" }, "npe");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		String where = gd.getNextChoice(), failure = gd.getNextChoice();
		FailingCommand done = run(FailingCommand.class, inputs("failure", where.equals("command") ? failure : "none"));
		if (done == null) return;
		String shown = where.equals("results") ? null : done.getReport();
		showReport(shown.trim());
	}
}
