package io.github.clathrin.task;

import java.nio.file.Path;

/**
 * Bad input from the user: a file that cannot be read as expected, or a parameter out of range. The
 * message names the file and, where it applies, the line or record, and says what was expected.
 */
public class InputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InputException(String message) {
		super(message);
	}

	public InputException(String message, Throwable cause) {
		super(message, cause);
	}

	/** "file: message". */
	public static InputException inFile(Path file, String message) {
		return new InputException(file + ": " + message);
	}

	/** "file, line N: message" (lines count from 1). */
	public static InputException atLine(Path file, long line, String message) {
		return new InputException(file + ", line " + line + ": " + message);
	}

	/** "file, record N: message" for binary formats (records count from 1). */
	public static InputException atRecord(Path file, long record, String message) {
		return new InputException(file + ", record " + record + ": " + message);
	}
}
