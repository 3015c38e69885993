package io.github.clathrin.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.process.StackConverter;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.List;

import javax.swing.SwingUtilities;

import io.github.clathrin.commands.ShowStructuresCommand;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.ui.Gallery;
import io.github.clathrin.ui.GalleryWindow;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Plugins &gt; Clathrin &gt; Show Structures in 3D...: structures coloured by predicted class (from a model or a
 * results CSV) in the gallery window, or, from a macro, in batch mode, or with a gallery path, written as
 * one PNG/TIFF sheet without any window. A click on a tile opens the built-in 3D view, or Fiji's 3D
 * Viewer when the user chose it and it is installed (found by reflection; it is not a dependency).
 */
public class ShowStructuresPlugin extends DialogPlugIn {

	public ShowStructuresPlugin() {
		super("Show Structures in 3D", ShowStructuresPlugin::addFields);
	}

	static final String[] SORTS = { "class", "probability", "uncertainty", "name" };
	static final String BUILT_IN = "built-in", VIEWER_3D = "3D Viewer";
	static final String[] VIEWERS = { BUILT_IN, VIEWER_3D };

	/** The class of Fiji's 3D Viewer that tells us it is installed. */
	static final String UNIVERSE_CLASS = "ij3d.Image3DUniverse";

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addDirectoryField("Input", remembered("input", ""));
		StructureFields.add(gd, "Labels (optional: shown beside the prediction)");
		gd.addMessage("Predictions (optional, one of the two):");
		gd.addFileField("Model (.zip)", remembered("show_model", ""));
		gd.addFileField("Results (.csv from Classify)", remembered("show_results", ""));
		gd.addChoice("Sort", SORTS, remembered("show_sort", SORTS[0]));
		// Not remembered: a path left over from one batch run would silently stop the window from opening.
		gd.addFileField("Gallery (optional .png/.tif: write, no window)", "");
		gd.addChoice("Viewer", VIEWERS, remembered("show_viewer", BUILT_IN));
	}

	@Override
	void answered(GenericDialog gd) {
		String input = gd.getNextString();
		StructureFields fields = StructureFields.read(gd);
		String model = gd.getNextString(), results = gd.getNextString(),
			sort = gd.getNextChoice(), gallery = gd.getNextString(), viewer = gd.getNextChoice();
		if (!numbersValid(gd)) return;
		File galleryFile = file(gallery);
		if (galleryFile != null && (!galleryPathValid(galleryFile) || !mayReplaceGallery(galleryFile))) return;
		boolean window = galleryFile == null;
		if (window && noWindowPossible()) {
			fail("no window can open here (batch mode or headless): give gallery=[file.png] or [file.tif] to "
				+ "write the gallery image");
			return;
		}
		remember("input", input);
		fields.remember();
		remember("show_model", model);
		remember("show_results", results);
		remember("show_sort", sort);
		remember("show_viewer", viewer);

		boolean use3dViewer = VIEWER_3D.equals(viewer);
		if (use3dViewer && !threeDViewerInstalled())
			say("Fiji's 3D Viewer (" + UNIVERSE_CLASS + ") is not installed: the built-in viewer is used");

		ShowStructuresCommand done = run(ShowStructuresCommand.class, fields.addTo(inputs("input", file(input), "model",
			file(model), "results", file(results), "also_writes", galleryFile == null ? null : new File[] { galleryFile })));
		if (done == null) return;
		showReport(done.getReport());
		Gallery all = Gallery.of(done.getStructures(), done.getPredictions(), done.getClassNames());
		Gallery.Sort order = Gallery.Sort.parse(sort);
		if (!window) {
			writeGallery(all.sortedBy(order), galleryFile);
			return;
		}
		String title = "Clathrin structures: " + new File(input).getName();
		VoxelConfig voxels = done.getVoxels();
		boolean viaViewer = use3dViewer && threeDViewerInstalled();
		SwingUtilities.invokeLater(() -> {
			GalleryWindow w = GalleryWindow.open(title, all, order);
			if (viaViewer) w.setOpenAction(entry -> new Thread(() -> openIn3DViewer(entry, all, voxels),
				"Clathrin 3D Viewer").start());
		});
	}

	/** Batch mode or a headless JVM: a window would fail or never be seen. */
	static boolean noWindowPossible() {
		return Interpreter.isBatchMode() || GraphicsEnvironment.isHeadless();
	}

	/** A message for the log (always seen in batch mode) and the status bar. */
	static void say(String message) {
		IJ.log(TITLE + ": " + message);
		IJ.showStatus(message);
	}

	static boolean galleryPathValid(File file) {
		try {
			Gallery.ImageFormat.of(file.toPath());
			return true;
		}
		catch (IllegalArgumentException e) {
			mistake(e.getMessage());
			return false;
		}
	}

	/** Renders and writes the gallery with progress on the status bar; false after showing a failure. */
	static boolean writeGallery(Gallery gallery, File file) {
		StatusBarProgress progress = new StatusBarProgress();
		try {
			List<java.nio.file.Path> written = gallery.write(file.toPath(), Gallery.DEFAULT_TILE, progress);
			say("gallery of " + gallery.entries().size() + " structures written to " + Gallery.describe(written));
			return true;
		}
		catch (IOException e) {
			fail(file + ": cannot write the gallery (" + e.getMessage() + ")");
			return false;
		}
		finally {
			progress.finish();
		}
	}

	/** Whether Fiji's 3D Viewer can be used: its classes are on ImageJ's class path. */
	static boolean threeDViewerInstalled() {
		return universeClass() != null;
	}

	private static Class<?> universeClass() {
		for (ClassLoader loader : new ClassLoader[] { ShowStructuresPlugin.class.getClassLoader(),
			IJ.getClassLoader() })
		{
			try {
				return Class.forName(UNIVERSE_CLASS, false, loader);
			}
			catch (ClassNotFoundException | LinkageError e) {
				// try the next loader
			}
		}
		return null;
	}

	/** Whether a 3D Viewer window is open already (its static list of universes is not empty). */
	private static boolean threeDViewerOpen() {
		try {
			Class<?> universe = universeClass();
			return universe != null && universe.getField("universes").get(null) instanceof java.util.Collection<?> c
				&& !c.isEmpty();
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
			return false;
		}
	}

	/**
	 * Shows the structure's volume in Fiji's 3D Viewer through its macro interface ({@code
	 * ij3d.ImageJ3DViewer}), coloured like its predicted class in our legend. Runs off the event thread.
	 */
	static void openIn3DViewer(Gallery.Entry entry, Gallery gallery, VoxelConfig voxels) {
		String key = entry.structure().key();
		String title = ("Clathrin " + key).replace('"', '\'');
		ImagePlus imp = VolumeStacks.of(title, List.of(entry.structure()), voxels);
		new StackConverter(imp).convertToGray8(); // the 3D Viewer renders 8-bit volumes
		imp.show();
		Classification.Prediction p = entry.prediction();
		Color c = p == null ? Color.WHITE : gallery.renderer().legend().colour(p.predicted());
		String q = "\"" + title + "\"";
		if (!threeDViewerOpen()) IJ.run("3D Viewer");
		// add(image, colour, name, threshold, red, green, blue, resampling, type 0 = volume); our volumes are
		// small (30^3 by default), so no resampling.
		String macro = "call(\"ij3d.ImageJ3DViewer.add\", " + q + ", \"None\", " + q
			+ ", \"0\", \"true\", \"true\", \"true\", \"1\", \"0\");\n"
			+ "call(\"ij3d.ImageJ3DViewer.select\", " + q + ");\n"
			+ "call(\"ij3d.ImageJ3DViewer.setColor\", \"" + c.getRed() + "\", \"" + c.getGreen() + "\", \"" + c.getBlue()
			+ "\");\n";
		IJ.runMacro(macro);
		IJ.showStatus(key + (p == null ? "" : ": " + p.predicted()) + " in the 3D Viewer");
	}

}
