package io.github.clathrin.datasets;

import io.github.clathrin.structures.Structure;

/**
 * One simulated structure with its ground truth.
 *
 * @param key file name in structures/ and key in labels.csv, e.g. "s0001.csv"
 * @param roi structure number from 1: the roi column of all-structures.csv
 * @param trueClass "yes" or "no"
 * @param labelled whether labels.csv gives its class
 * @param shape the coat geometry
 * @param localizations the simulated localizations, background included
 */
public record SimulatedStructure(String key, int roi, String trueClass, boolean labelled, CoatShape shape,
	Localizations localizations)
{

	/** As a {@link Structure}, labelled only when labels.csv would label it. */
	public Structure toStructure() {
		return new Structure(key, "simulated", localizations.points(), labelled ? trueClass : null);
	}
}
