package io.github.clathrin.encoders;

import java.util.List;

import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.Volume;

/** An encoder that can also decode: lets a user see (and evaluate report) how well it reconstructs. */
public interface Autoencoder extends Encoder {

	/**
	 * The network's reconstruction of each sample's volume, same size as the input, voxel values in
	 * [0, 1]; only after {@link #fit}.
	 */
	List<Volume> reconstruct(List<Sample> batch);
}
