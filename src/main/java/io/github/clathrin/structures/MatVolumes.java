package io.github.clathrin.structures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.clathrin.localizations.Mat5ParticlesReader;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.Volume;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Ready volumes in MATLAB v5 MAT-files, as the 3D ShapeNets data stores them: one 3D numeric array
 * (named {@code instance} there). MATLAB dimensions 1, 2, 3 are volume x, y, z; MATLAB's column-major
 * order is the volume's flat order (x fastest), so values are copied as they are.
 */
final class MatVolumes {

	/** The variable name 3D ShapeNets uses; preferred when a file holds several 3D arrays. */
	static final String SHAPENETS_VARIABLE = "instance";

	private MatVolumes() {}

	/** The file's 3D volume, or null when it holds no 3D numeric array (e.g. a cell array of particles). */
	static Volume read(Path file) {
		try (Mat5File mat = Mat5ParticlesReader.open(file)) {
			List<String> candidates = new ArrayList<>();
			Matrix chosen = null;
			for (MatFile.Entry e : mat.getEntries()) {
				if (!(e.getValue() instanceof Matrix m) || m.getNumDimensions() != 3) continue;
				candidates.add(e.getName());
				if (chosen == null || e.getName().equals(SHAPENETS_VARIABLE)) chosen = m;
			}
			if (chosen == null) return null;
			if (candidates.size() > 1 && !candidates.contains(SHAPENETS_VARIABLE))
				throw InputException.inFile(file, "several 3D arrays (" + String.join(", ", candidates)
					+ "); keep one volume per file, or name it '" + SHAPENETS_VARIABLE + "'");
			int[] d = chosen.getDimensions();
			long n = (long) d[0] * d[1] * d[2];
			if (n > Integer.MAX_VALUE - 16) throw InputException.inFile(file, "volume " + Arrays.toString(d) + " is too large");
			float[] data = new float[(int) n];
			for (int i = 0; i < data.length; i++) data[i] = (float) chosen.getDouble(i);
			return new Volume(d[0], d[1], d[2], data);
		}
		catch (InputException e) {
			throw e;
		}
		catch (Exception e) {
			throw Mat5ParticlesReader.damaged(file, e);
		}
	}
}
