package io.github.clathrin.voxels;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A 3D volume of float voxels backed by an ImgLib2 {@link ArrayImg}; x varies fastest, then y, then z
 * (ImgLib2's flat order).
 */
public final class Volume {

	private final ArrayImg<FloatType, FloatArray> img;
	private final float[] data;

	public Volume(int nx, int ny, int nz, float[] data) {
		if ((long) nx * ny * nz != data.length)
			throw new IllegalArgumentException("data length " + data.length + " != " + nx + "x" + ny + "x" + nz);
		this.data = data;
		this.img = ArrayImgs.floats(data, nx, ny, nz);
	}

	public static Volume zeros(int nx, int ny, int nz) {
		return new Volume(nx, ny, nz, new float[nx * ny * nz]);
	}

	public ArrayImg<FloatType, FloatArray> img() {
		return img;
	}

	/** The voxels in flat order (x fastest); shared with {@link #img()}, not a copy. */
	public float[] data() {
		return data;
	}

	public int nx() {
		return (int) img.dimension(0);
	}

	public int ny() {
		return (int) img.dimension(1);
	}

	public int nz() {
		return (int) img.dimension(2);
	}

	public float get(int x, int y, int z) {
		return data[x + nx() * (y + ny() * z)];
	}

	/** The centres of the non-zero voxels as x, y, z triples in voxel units (voxel i spans i to i + 1). */
	public double[] occupiedCentres() {
		float[] d = data;
		int nx = nx(), ny = ny(), count = 0;
		for (float x : d)
			if (x != 0) count++;
		double[] p = new double[3 * count];
		int j = 0;
		for (int i = 0; i < d.length; i++) {
			if (d[i] == 0) continue;
			p[j++] = i % nx + 0.5;
			p[j++] = (i / nx) % ny + 0.5;
			p[j++] = i / (nx * ny) + 0.5;
		}
		return p;
	}

	/**
	 * The positive voxels as mass points: x, y, z triples at the voxel indices (voxel (i, j, k) sits at
	 * (i, j, k)) and the voxel values as weights.
	 */
	public record Mass(double[] points, double[] weights) {}

	/** This volume's {@link Mass}. */
	public Mass mass() {
		float[] d = data;
		int count = 0;
		for (float x : d)
			if (x > 0) count++;
		double[] p = new double[3 * count], w = new double[count];
		int nx = nx(), ny = ny(), j = 0;
		for (int i = 0; i < d.length; i++) {
			if (!(d[i] > 0)) continue;
			p[3 * j] = i % nx;
			p[3 * j + 1] = (i / nx) % ny;
			p[3 * j + 2] = i / (nx * ny);
			w[j++] = d[i];
		}
		return new Mass(p, w);
	}
}
