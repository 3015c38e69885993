package io.github.clathrin.task;

/** Commands shown to the user as they would type them into a POSIX shell. */
public final class ShellWords {

	private ShellWords() {}

	/** The word as a shell reads it back: as it is when plain, else in single quotes ("my cells" → 'my cells'). */
	public static String quote(String word) {
		return word.matches("[A-Za-z0-9_./=,:+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
	}
}
