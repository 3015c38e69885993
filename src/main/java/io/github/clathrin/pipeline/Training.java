package io.github.clathrin.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.clathrin.augment.Augmenter;
import io.github.clathrin.classifier.ArgmaxClassifier;
import io.github.clathrin.classifier.Classifier;
import io.github.clathrin.classifier.Classifiers;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.encoders.SupervisedEncoder;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Trains a model: the encoder learns from every structure, labelled or not (the semi-supervised point
 * of the method), and the classifier from the encodings of the labelled ones.
 */
public final class Training {

	/**
	 * What to train.
	 *
	 * @param voxels voxelization settings
	 * @param encoder encoder name (see {@link Encoders#names()})
	 * @param encoderOptions encoder options, empty for defaults
	 * @param classifier classifier name (see {@link Classifiers#names()})
	 * @param seed seed for every random choice
	 * @param enlargement augmented copies and label spreading, {@link Enlargement#NONE} for neither
	 */
	public record Options(VoxelConfig voxels, String encoder, Map<String, Object> encoderOptions,
		String classifier, long seed, Enlargement enlargement)
	{
		public Options {
			encoderOptions = Map.copyOf(encoderOptions);
			if (enlargement == null) enlargement = Enlargement.NONE;
		}

		public Options(VoxelConfig voxels, String encoder, Map<String, Object> encoderOptions, String classifier,
			long seed)
		{
			this(voxels, encoder, encoderOptions, classifier, seed, Enlargement.NONE);
		}

		public static Options defaults(String encoder, long seed) {
			return new Options(VoxelConfig.DEFAULT, encoder, Map.of(), "svm", seed);
		}
	}

	private Training() {}

	/**
	 * Trains on the usable structures of the set: those that cannot be classified ({@link StructureStatus})
	 * are left out and counted in the summary's {@code skipped}, so the model never learns from an empty or
	 * degenerate volume.
	 */
	public static Model train(StructureSet input, Options options, Progress progress) {
		Map<String, Integer> skipped = new LinkedHashMap<>();
		List<Structure> usable = new ArrayList<>(input.size());
		for (Structure s : input.structures()) {
			StructureStatus status = StructureStatus.of(s);
			if (status == StructureStatus.OK) usable.add(s);
			else skipped.merge(status.text(), 1, Integer::sum);
		}
		StructureSet set = skipped.isEmpty() ? input : new StructureSet(usable, input.warnings());
		Labelled labelled = Labelled.of(set);
		Featurizer.Samples all = Featurizer.samples(set.structures(), options.voxels(), progress);
		List<Sample> samples = all.samples();
		Enlargement more = options.enlargement();
		Augmenter augmenter = new Augmenter(options.voxels(), more.augmentation(), options.seed());

		Encoder encoder = Encoders.create(options.encoder(), options.encoderOptions());
		progress.report("Fitting " + encoder.name(), 0, 1);
		Classifier classifier;
		double[][] x;
		int[] y;
		int[] spreadCounts = new int[0];
		if (encoder instanceof SupervisedEncoder supervised) {
			if (more.spreads()) throw new InputException(encoder.name() + " learns from labelled structures only; "
				+ "label spreading applies to the unsupervised encoders");
			List<Sample> labelledSamples = new ArrayList<>();
			for (int i : labelled.indices()) labelledSamples.add(samples.get(i));
			supervised.fitLabelled(labelledSamples, labelled.y(), labelled.classNames().size(), augmenter, options.seed(),
				progress);
			x = Encoders.encodeAll(encoder, labelledSamples, progress);
			y = labelled.y();
			classifier = Classifiers.create(ArgmaxClassifier.NAME);
		}
		else {
			encoder.fit(samples, augmenter, options.seed(), progress);
			int[] unlabelled = more.spreads() ? Encodings.complement(samples.size(), labelled.indices()) : new int[0];
			int[] needed = more.spreads() ? IntStream.range(0, samples.size()).toArray() : labelled.indices();
			double[][] codes = Encodings.of(encoder, samples, needed, progress);
			double[][][] copies = Encodings.copies(encoder, samples, labelled.indices(), augmenter, progress);
			ClassifierTrainingSet.Built built = ClassifierTrainingSet.build(codes, copies, labelled.indices(),
				labelled.y(), unlabelled, labelled.classNames().size(), more.spreading(), progress);
			x = built.x();
			y = built.y();
			spreadCounts = built.spreadCounts();
			classifier = Classifiers.create(options.classifier());
		}
		progress.report("Training " + classifier.name(), 0, 1);
		classifier.fit(x, y, labelled.classNames().size(), options.seed(), progress);
		progress.report("Training " + classifier.name(), 1, 1);
		int[] fitted = new int[x.length];
		for (int i = 0; i < x.length; i++) fitted[i] = classifier.predict(x[i]);
		List<String> warnings = CollapseCheck.of(encoder.name(), x, y, fitted, labelled.classNames(),
			"structures it was trained on");

		boolean enlarged = more.augmentation().enabled() || more.spreads();
		Map<String, Integer> spread = null;
		if (more.spreads()) {
			spread = new LinkedHashMap<>();
			for (int c = 0; c < spreadCounts.length; c++) spread.put(labelled.classNames().get(c), spreadCounts[c]);
		}
		TrainingSummary summary = new TrainingSummary(set.structures().size(), labelled.indices().length,
			labelled.counts(), all.pointsOutside(), all.structuresClipped(), options.seed(), skipped,
			TrainingRange.measure(set.structures(), samples), enlarged ? more.toMap() : null, enlarged ? x.length : null,
			spread, warnings, Map.of());
		return new Model(options.voxels(), encoder, classifier, labelled.classNames(), summary);
	}

	/** The labelled structures of a set as class indices, with checks that training makes sense. */
	record Labelled(List<String> classNames, int[] indices, int[] y, Map<String, Integer> counts) {

		static Labelled of(StructureSet set) {
			List<String> names = set.classNames();
			List<Structure> structures = set.structures();
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (String c : names) counts.put(c, 0);
			List<Integer> idx = new ArrayList<>();
			for (int i = 0; i < structures.size(); i++) {
				String label = structures.get(i).label();
				if (label == null) continue;
				idx.add(i);
				counts.merge(label, 1, Integer::sum);
			}
			if (names.size() < 2 || counts.values().stream().anyMatch(c -> c < 2))
				throw new InputException("training needs at least two labelled structures in each of at least "
					+ "two classes; found " + (counts.isEmpty() ? "no labels" : counts)
					+ " (give a labels file with --labels, first column the structure key, a 'label' column)");
			int[] indices = idx.stream().mapToInt(Integer::intValue).toArray();
			int[] y = new int[indices.length];
			for (int k = 0; k < indices.length; k++)
				y[k] = names.indexOf(structures.get(indices[k]).label());
			return new Labelled(names, indices, y, counts);
		}
	}
}
