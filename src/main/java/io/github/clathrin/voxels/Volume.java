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
}
