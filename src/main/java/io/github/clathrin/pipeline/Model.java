package io.github.clathrin.pipeline;

import java.util.List;

import io.github.clathrin.classifier.Classifier;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * A trained model: how to voxelize, the fitted encoder, the fitted classifier, the class names (index
 * = classifier class) and where it came from. Everything needed to classify new structures exactly as
 * the training ones were seen.
 *
 * @param voxels voxelization settings used in training
 * @param encoder fitted encoder
 * @param classifier fitted classifier on the encoder's features
 * @param classNames class names, in the classifier's class order
 * @param training what the model learned from (counts, seed, range, enlargement), for the manifest
 */
public record Model(VoxelConfig voxels, Encoder encoder, Classifier classifier, List<String> classNames,
	TrainingSummary training)
{
	public Model {
		classNames = List.copyOf(classNames);
	}
}
