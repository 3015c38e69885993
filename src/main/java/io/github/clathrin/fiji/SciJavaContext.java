package io.github.clathrin.fiji;

import ij.IJ;

import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * The SciJava context our commands run in: Fiji's own when ImageJ runs inside Fiji, otherwise one
 * small context created on first use and kept for the rest of the session (plain ImageJ 1.x).
 */
final class SciJavaContext {

	private static Context own;

	private SciJavaContext() {}

	static synchronized Context get() {
		Context fiji = fijiContext();
		if (fiji != null) return fiji;
		if (own == null) own = new Context(CommandService.class);
		return own;
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
