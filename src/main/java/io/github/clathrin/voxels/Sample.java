package io.github.clathrin.voxels;

/**
 * What an encoder sees of one structure: its volume, and its localizations in nm when it has them
 * (ready-made volumes such as ModelNet10 have none).
 *
 * @param volume the voxelized structure
 * @param points x,y,z in nm interleaved, or null
 */
public record Sample(Volume volume, double[] points) {}
