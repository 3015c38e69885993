package io.github.clathrin.voxels;

/**
 * Eigenvalues and eigenvectors of a symmetric 3 x 3 matrix by cyclic Jacobi rotations: exact enough,
 * allocation-light and thread-safe, which a native LAPACK call per structure is not worth. Lives in
 * voxels because canonical poses need it before voxelization; encoders use it too.
 */
public final class SymmetricEigen3 {

	/** Eigenvalues, largest first. */
	public final double[] values = new double[3];
	/** vectors[j] is the unit eigenvector of values[j]. */
	public final double[][] vectors = new double[3][3];

	public SymmetricEigen3(double[][] matrix) {
		double[][] a = { matrix[0].clone(), matrix[1].clone(), matrix[2].clone() };
		double[][] v = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		for (int sweep = 0; sweep < 50; sweep++) {
			double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
			double diag = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
			if (off <= 1e-30 * diag || off == 0) break;
			for (int p = 0; p < 2; p++)
				for (int q = p + 1; q < 3; q++) rotate(a, v, p, q);
		}
		Integer[] order = { 0, 1, 2 };
		java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
		for (int j = 0; j < 3; j++) {
			values[j] = a[order[j]][order[j]];
			for (int i = 0; i < 3; i++) vectors[j][i] = v[i][order[j]];
		}
	}

	private static void rotate(double[][] a, double[][] v, int p, int q) {
		if (a[p][q] == 0) return;
		double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
		double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
		if (theta == 0) t = 1;
		double c = 1 / Math.sqrt(t * t + 1), s = t * c;
		for (int k = 0; k < 3; k++) { // columns p, q of A
			double akp = a[k][p], akq = a[k][q];
			a[k][p] = c * akp - s * akq;
			a[k][q] = s * akp + c * akq;
		}
		for (int k = 0; k < 3; k++) { // rows p, q of A
			double apk = a[p][k], aqk = a[q][k];
			a[p][k] = c * apk - s * aqk;
			a[q][k] = s * apk + c * aqk;
		}
		for (int k = 0; k < 3; k++) {
			double vkp = v[k][p], vkq = v[k][q];
			v[k][p] = c * vkp - s * vkq;
			v[k][q] = s * vkp + c * vkq;
		}
	}
}
