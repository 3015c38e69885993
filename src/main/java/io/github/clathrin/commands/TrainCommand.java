package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.pipeline.AutomaticChoice;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.Enlargement;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.pipeline.StructureStatus;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.VoxelConfig;

/** Trains an encoder + SVM model on structures and a labels file, and writes the model file. */
@Plugin(type = Command.class, label = "Train Clathrin model")
public class TrainCommand extends LearningCommand {

	/** auto, as the user guide recommends: chosen by cross-validation inside the labelled structures. */
	@Parameter(label = "Encoder", persist = false,
		description = "Encoder: auto is chosen by cross-validation inside the labelled structures, concat takes the "
			+ "encoder option concat.of=lab+pca, and cnn, a supervised 3D CNN, predicts by itself.")
	private String encoder = "auto";

	@Parameter(label = "Model file", persist = false, description = "Model file to write (.zip).")
	private File model;

	@Parameter(type = ItemIO.OUTPUT)
	private Model trained;

	@Override
	protected void execute() {
		given(model, "model file (output)", "model");
		checkCallerOutputs(reads()).file(model, "model file (output)");
		if (!Encoders.names().contains(encoder))
			throw new InputException("unknown encoder '" + encoder + "': choose one of " + Encoders.names());
		VoxelConfig voxels = voxelConfig();
		Map<String, Object> options = encoderOptions(List.of(encoder)).getOrDefault(encoder, Map.of());
		Enlargement more = enlargement();
		StructureInput.Loaded in = loadStructures();
		voxels = gridFromData(voxels, in.set());
		trained = Training.train(in.set(), new Training.Options(voxels, encoder, options, "svm", seed, more),
			progress());
		try {
			ModelFile.write(trained, model.toPath());
		}
		catch (IOException e) {
			throw new InputException(model + ": cannot write the model (" + e.getMessage() + ")", e);
		}
		StringBuilder sb = new StringBuilder();
		in.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
		Map<String, Integer> skipped = trained.training().skipped();
		if (!skipped.isEmpty())
			sb.append("warning: not learned from ").append(skipped.values().stream().mapToInt(Integer::intValue).sum())
				.append(" structures that cannot be classified ").append(skipped).append(" (at least ")
				.append(StructureStatus.MIN_LOCALIZATIONS).append(" localizations and an extent in two axes needed)\n");
		sb.append("Trained ").append(encoder).append(" + ").append(trained.classifier().name()).append(" on ").append(trained.training().labelled())
			.append(" labelled of ").append(in.set().size()).append(" structures ")
			.append(trained.training().perClass()).append('\n');
		long outside = trained.training().localizationsOutsideBox();
		if (outside > 0) sb.append("note: ").append(outside)
			.append(" localizations fell outside the voxel box (").append(voxels.halfX() * 2).append(" x ")
			.append(voxels.halfY() * 2).append(" x ").append(voxels.halfZ() * 2)
			.append(" nm) and were not voxelized\n");
		if (!gridGiven() && in.set().structures().stream().anyMatch(s -> s.hasVolume()))
			sb.append("Grid taken from the volumes: ").append(voxels.nx()).append('x').append(voxels.ny()).append('x')
				.append(voxels.nz()).append('\n');
		if (more.augmentation().enabled()) sb.append("Augmentation: ").append(more.augmentation()).append('\n');
		Map<String, Integer> spreadLabels = trained.training().spreadLabels();
		if (spreadLabels != null) sb.append("Label spreading gave the unlabelled structures: ").append(spreadLabels)
			.append('\n');
		trained.training().warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
		if (trained.encoder() instanceof AutomaticChoice auto)
			sb.append("auto chose: ").append(auto.summary()).append('\n');
		else sb.append("Classifier: ").append(trained.classifier().parameters()).append('\n');
		sb.append("Model written to ").append(model);
		report = sb.toString();
	}

	public Model getModel() {
		return trained;
	}
}
