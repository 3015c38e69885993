package io.github.clathrin.datasets;

import io.github.clathrin.task.InputException;

/**
 * Parameters of the clathrin STORM simulator, with the defaults and the checks in one place; see
 * docs/simulator.md for the model and the reasons behind each default.
 *
 * @param structures number of structures (the study had 899)
 * @param labelled how many of them carry a label in labels.csv (the study had 280)
 * @param seed random seed; the same seed gives byte-identical files
 * @param yesFraction fraction of structures of class "yes" (curved coats, a CME match)
 * @param radiusMinNm smallest radius of the closed coat (vesicle) a coat would form, nm
 * @param radiusMaxNm largest such radius, nm
 * @param noMaxAngleDeg class "no" closing angles are uniform in [0, this], degrees
 * @param yesMinAngleDeg class "yes" closing angles are uniform in [this, 180], degrees
 * @param maxTiltDeg largest tilt of the coat axis away from the z axis, degrees
 * @param labelDensityPerNm2 detected fluorophores per nm^2 of coat surface
 * @param blinksMean mean number of localizations per fluorophore (geometric, at least 1)
 * @param lateralPrecisionNm median lateral localization precision (sigma), nm
 * @param axialPrecisionFactor axial precision relative to lateral (astigmatic 3D STORM: 2 to 3)
 * @param photonsMedian median photons per localization; precision scales with 1/sqrt(photons)
 * @param backgroundFraction background localizations, as a fraction of the structure's, uniform in the crop box
 * @param cropHalfWidthNm half the lateral size of the crop box around each structure, nm
 * @param cropHalfDepthNm half the axial size of the crop box, nm
 * @param fieldSizeNm structures are placed uniformly in a field of this size in x and y, nm
 * @param fieldDepthNm structure centres lie within +-half of this in z, nm
 * @param frames frames of the movie; each localization gets a random frame in [1, frames]
 */
public record SimulationConfig(int structures, int labelled, long seed, double yesFraction, double radiusMinNm,
	double radiusMaxNm, double noMaxAngleDeg, double yesMinAngleDeg, double maxTiltDeg, double labelDensityPerNm2,
	double blinksMean, double lateralPrecisionNm, double axialPrecisionFactor, double photonsMedian,
	double backgroundFraction, double cropHalfWidthNm, double cropHalfDepthNm, double fieldSizeNm,
	double fieldDepthNm, int frames)
{

	public SimulationConfig {
		check(structures >= 1 && structures <= 1_000_000, "structures must be 1 to 1,000,000, got " + structures);
		check(labelled >= 0 && labelled <= structures, "labelled must be 0 to structures (" + structures + "), got " + labelled);
		check(yesFraction >= 0 && yesFraction <= 1, "yes fraction must be in [0, 1], got " + yesFraction);
		check(radiusMinNm > 0 && radiusMinNm <= radiusMaxNm && radiusMaxNm <= 10_000,
			"radii must satisfy 0 < min <= max <= 10000 nm, got " + radiusMinNm + " and " + radiusMaxNm);
		check(noMaxAngleDeg >= 0 && noMaxAngleDeg <= yesMinAngleDeg && yesMinAngleDeg <= 180,
			"closing angles must satisfy 0 <= no max <= yes min <= 180, got " + noMaxAngleDeg + " and " + yesMinAngleDeg);
		check(maxTiltDeg >= 0 && maxTiltDeg <= 90, "max tilt must be 0 to 90 degrees, got " + maxTiltDeg);
		check(labelDensityPerNm2 > 0 && labelDensityPerNm2 <= 1, "label density must be in (0, 1] per nm^2, got " + labelDensityPerNm2);
		check(blinksMean >= 1 && blinksMean <= 1000, "mean blinks must be 1 to 1000, got " + blinksMean);
		check(lateralPrecisionNm > 0 && lateralPrecisionNm <= 1000, "lateral precision must be in (0, 1000] nm, got " + lateralPrecisionNm);
		check(axialPrecisionFactor > 0 && axialPrecisionFactor <= 100, "axial precision factor must be in (0, 100], got " + axialPrecisionFactor);
		check(photonsMedian >= 10, "median photons must be at least 10, got " + photonsMedian);
		check(backgroundFraction >= 0 && backgroundFraction < 10, "background fraction must be in [0, 10), got " + backgroundFraction);
		check(cropHalfWidthNm > 0 && cropHalfDepthNm > 0, "crop box sizes must be positive");
		check(fieldSizeNm >= 0 && fieldDepthNm >= 0, "field sizes must not be negative");
		check(frames >= 1, "frames must be at least 1, got " + frames);
	}

	/** The defaults: the study's counts (899 structures, 280 labelled) and typical 3D STORM of clathrin. */
	public static SimulationConfig defaults() {
		return new SimulationConfig(899, 280, 1, 0.5, 50, 120, 60, 70, 25, 0.004, 3, 10, 2.5, 2000, 0.03, 300, 300,
			20_000, 200, 30_000);
	}

	public SimulationConfig withSeed(long newSeed) {
		return new SimulationConfig(structures, labelled, newSeed, yesFraction, radiusMinNm, radiusMaxNm, noMaxAngleDeg,
			yesMinAngleDeg, maxTiltDeg, labelDensityPerNm2, blinksMean, lateralPrecisionNm, axialPrecisionFactor,
			photonsMedian, backgroundFraction, cropHalfWidthNm, cropHalfDepthNm, fieldSizeNm, fieldDepthNm, frames);
	}

	public SimulationConfig withCounts(int newStructures, int newLabelled) {
		return new SimulationConfig(newStructures, newLabelled, seed, yesFraction, radiusMinNm, radiusMaxNm, noMaxAngleDeg,
			yesMinAngleDeg, maxTiltDeg, labelDensityPerNm2, blinksMean, lateralPrecisionNm, axialPrecisionFactor,
			photonsMedian, backgroundFraction, cropHalfWidthNm, cropHalfDepthNm, fieldSizeNm, fieldDepthNm, frames);
	}

	/** The same model with another class boundary: harder (closer angles) or easier problems. */
	public SimulationConfig withAngles(double newNoMaxDeg, double newYesMinDeg) {
		return new SimulationConfig(structures, labelled, seed, yesFraction, radiusMinNm, radiusMaxNm, newNoMaxDeg,
			newYesMinDeg, maxTiltDeg, labelDensityPerNm2, blinksMean, lateralPrecisionNm, axialPrecisionFactor,
			photonsMedian, backgroundFraction, cropHalfWidthNm, cropHalfDepthNm, fieldSizeNm, fieldDepthNm, frames);
	}

	/** Without background localizations: for tests of the geometry. */
	public SimulationConfig withBackground(double newFraction) {
		return new SimulationConfig(structures, labelled, seed, yesFraction, radiusMinNm, radiusMaxNm, noMaxAngleDeg,
			yesMinAngleDeg, maxTiltDeg, labelDensityPerNm2, blinksMean, lateralPrecisionNm, axialPrecisionFactor,
			photonsMedian, newFraction, cropHalfWidthNm, cropHalfDepthNm, fieldSizeNm, fieldDepthNm, frames);
	}

	private static void check(boolean ok, String message) {
		if (!ok) throw new InputException("simulation: " + message);
	}
}
