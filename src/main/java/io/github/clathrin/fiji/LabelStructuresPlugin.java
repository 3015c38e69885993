package io.github.clathrin.fiji;

import ij.IJ;
import ij.gui.GenericDialog;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.swing.SwingUtilities;

import io.github.clathrin.localizations.LengthUnit;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.ReadOptions;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.LabellingSession;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.InputException;
import io.github.clathrin.ui.LabellingWindow;

/**
 * Plugins &gt; Clathrin &gt; Label Structures...: loads structures (and, optionally, a model for the
 * first predictions) and opens the {@link LabellingWindow} on a labels file, which is created if absent
 * and resumed if it exists. The dialog is recordable; the window itself is interactive.
 */
public class LabelStructuresPlugin extends ClathrinPlugIn {

	static final String[] ORDERS = { "uncertain", "random", "file" };

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addDirectoryField("Input", remembered("input", ""));
		StructureFields.add(gd, "Labels (.csv; read and written, created if absent)");
		gd.addFileField("Model (.zip, optional: first predictions)", remembered("label_model", ""));
		gd.addStringField("Classes (comma-separated; empty = yes,no or the labels file's)",
			remembered("classes", ""), 16);
		gd.addChoice("Order", ORDERS, remembered("order", ORDERS[0]));
	}

	@Override
	void runOnce(String arg) {
		GenericDialog gd = new GenericDialog("Label Clathrin Structures");
		addFields(DialogFields.on(gd));
		if (!show(gd)) return;
		String input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String model = gd.getNextString(), classes = gd.getNextString(), order = gd.getNextChoice();
		String labels = fields.labels(), roi = fields.roiColumn(), units = fields.units();
		double pixel = fields.pixelSize();
		if (!numbersValid(gd)) return;
		remember("input", input);
		fields.remember();
		remember("label_model", model);
		remember("classes", classes);
		remember("order", order);

		if (GraphicsEnvironment.isHeadless()) {
			fail("Label Structures needs a display: it opens an interactive window");
			return;
		}
		File in = file(input), labelsFile = file(labels);
		if (in == null || !in.exists()) {
			mistake("input not found: " + (in == null ? "(none given)" : in));
			return;
		}
		if (labelsFile == null) {
			mistake("give a labels file (.csv): every label is saved there at once");
			return;
		}
		StatusBarProgress progress = new StatusBarProgress();
		try {
			LengthUnit unit = unitsOrNull(units) == null ? null : LengthUnit.parse(units);
			ReadOptions options = new ReadOptions(unit, positiveOrNull(pixel), null);
			StructureSet set = StructureLoader.fromPath(in.toPath(), roi == null || roi.isBlank() ? null : roi.trim(),
				f -> LocalizationReaders.read(f, options, progress), progress);
			if (set.size() == 0) {
				mistake(in + ": no structures found");
				return;
			}
			List<Classification.Prediction> predictions = List.of();
			List<String> classNames = parseClasses(classes);
			File modelFile = file(model);
			if (modelFile != null) {
				Model m = ModelFile.read(modelFile.toPath());
				predictions = Classification.classify(m, set, progress);
				if (classNames.isEmpty() && !isYesNo(m.classNames())) classNames = m.classNames();
			}
			LabellingSession session = new LabellingSession(set, classNames, labelsFile.toPath(), predictions,
				LabellingSession.Order.parse(order), 1);
			for (String w : set.warnings()) IJ.log(TITLE + ": " + w);
			succeeded(); // the window opens: remember this dialog's values
			IJ.showStatus(TITLE + ": " + session);
			SwingUtilities.invokeLater(() -> new LabellingWindow(session).setVisible(true));
		}
		catch (CancelledException e) {
			IJ.showStatus(TITLE + ": cancelled");
		}
		catch (InputException e) {
			mistake(e.getMessage());
		}
		catch (IOException e) {
			fail(e.getMessage() != null ? e.getMessage() : e.toString());
		}
		finally {
			progress.finish();
		}
	}

	static List<String> parseClasses(String text) {
		List<String> out = new ArrayList<>();
		if (text == null) return out;
		for (String s : text.split(","))
			if (!s.isBlank() && !out.contains(s.trim())) out.add(s.trim());
		return out;
	}

	private static boolean isYesNo(List<String> names) {
		return names.size() == 2 && names.contains(Labels.YES) && names.contains(Labels.NO);
	}
}
