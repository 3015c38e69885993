package io.github.clathrin.commands;

/**
 * The labels and descriptions of DBSCAN's and the size filters' parameters, shared by {@link SegmentCommand}
 * and {@link ClassifyCommand}'s {@code segment}: SciJava reads parameters from each command's own fields, so
 * both declare the fields, with their text and defaults ({@code segment.SegmentConfig}) from here, and
 * {@code SegmentParametersTest} holds the two declarations equal.
 */
final class SegmentParameters {

	static final String EPS_LABEL = "DBSCAN eps (nm)", EPS = "DBSCAN eps in nm.";
	static final String MIN_POINTS_LABEL = "DBSCAN min points",
		MIN_POINTS = "Neighbours within eps (the point included) that make a core point.";
	static final String MIN_SIZE_LABEL = "Min localizations per structure", MIN_SIZE = "Fewest localizations of a kept "
		+ "structure.";
	static final String MAX_SIZE_LABEL = "Max localizations per structure", MAX_SIZE = "Most localizations of a kept "
		+ "structure.";
	static final String MAX_EXTENT_LABEL = "Max extent per axis (nm)", MAX_EXTENT = "Largest extent along any axis of a "
		+ "kept structure, in nm.";

	/** The parameter names, the same in both commands. */
	static final java.util.List<String> NAMES = java.util.List.of("eps", "min_points", "min_size", "max_size",
		"max_extent");

	private SegmentParameters() {}
}
