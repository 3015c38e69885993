package io.github.clathrin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real third-party files in ../shared/data (never copied into this repository). */
public final class SharedData {

	private SharedData() {}

	/** The data root: system property clathrin.shared.data, else ../shared/data from the project root. */
	public static Path root() {
		String prop = System.getProperty("clathrin.shared.data");
		Path root = prop != null ? Path.of(prop) : Path.of("..", "shared", "data").toAbsolutePath().normalize();
		assertTrue(Files.isDirectory(root), "shared data not found at " + root);
		return root;
	}

	/** A file under the data root, e.g. {@code file("formats/thunderstorm/ThunderSTORM_TS3D.csv")}; must exist. */
	public static Path file(String relative) {
		Path p = root().resolve(relative);
		assertTrue(Files.exists(p), "missing shared data file " + p);
		return p;
	}
}
