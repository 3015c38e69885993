package io.github.clathrin.fiji;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.measure.Calibration;
import ij.plugin.frame.RoiManager;
import ij.process.FloatProcessor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.render.ImageGrid;
import io.github.clathrin.render.Renderer;
import io.github.clathrin.render.Rendering;
import io.github.clathrin.render.StructureOutlines;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.task.AtomicFiles;

/**
 * A whole cell in ImageJ: its rendering as an ImagePlus calibrated in nm (so that ImageJ's coordinates are
 * the table's), and structures drawn on it as rectangles round their localizations, named and coloured,
 * in the overlay and the ROI Manager, and saved as an ImageJ ROI zip on request.
 */
final class CellImage {

	/** Names are drawn beside the ROIs up to this many; more would hide the cell. */
	static final int MAX_LABELS = 100;

	/** The opacity of a doubtful structure's outline: still readable, but not as bold as a trusted one. */
	static final int DOUBTFUL_ALPHA = 190;

	private CellImage() {}

	/** The default pixel of a rendering ({@link Renderer#automaticPixel}): 10 nm, or larger for a wide field. */
	static double pixelFor(LocalizationTable table) {
		return Renderer.automaticPixel(table);
	}

	/** The table's rendering at {@link #pixelFor} pixels. */
	static Rendering render(LocalizationTable table) {
		return Renderer.histogram(table, pixelFor(table));
	}

	/**
	 * The rendering as a 32-bit image whose calibration maps pixels to the table's nm: pixel width and
	 * height are the pixel size, and the origin is where x = 0, y = 0 nm lies.
	 */
	static ImagePlus image(String title, Rendering rendering) {
		ImageGrid g = rendering.grid();
		ImagePlus imp = new ImagePlus(title, new FloatProcessor(g.width(), g.height(), rendering.pixels()));
		Calibration cal = imp.getCalibration();
		cal.setUnit("nm");
		cal.pixelWidth = cal.pixelHeight = cal.pixelDepth = g.pixelNm();
		cal.xOrigin = -g.originX() / g.pixelNm();
		cal.yOrigin = -g.originY() / g.pixelNm();
		// Most pixels of a histogram are 0 or 1: show the bright sites without letting a few hot pixels wash
		// out the rest.
		imp.setDisplayRange(0, rendering.displayMax());
		return imp;
	}

	/**
	 * Every cluster of a segmentation as an outline ({@link StructureOutlines#ofClusters}): a kept one named by its
	 * structure key, a rejected one "cluster-n (why)", coloured by its verdict as the command line's overlay
	 * colours it; the verdict and the number of localizations are ROI properties, so macros can read them.
	 */
	static List<Roi> candidates(Segmenter.Segmentation segmentation, ImageGrid grid) {
		List<Segmenter.Cluster> clusters = segmentation.clusters();
		List<StructureOutlines.Outline> outlines = StructureOutlines.ofClusters(clusters);
		List<Roi> rois = new ArrayList<>(clusters.size());
		for (int i = 0; i < clusters.size(); i++) {
			Segmenter.Cluster c = clusters.get(i);
			StructureOutlines.Outline o = outlines.get(i);
			Roi roi = rectangle(o.on(grid));
			roi.setName(c.key() != null ? o.key() : o.key() + " (" + c.verdict().words() + ")");
			roi.setStrokeColor(new Color(StructureOutlines.colour(c.verdict())));
			roi.setProperty("verdict", c.verdict().words());
			roi.setProperty("localizations", Integer.toString(c.size()));
			rois.add(roi);
		}
		return rois;
	}

	private static Roi rectangle(StructureOutlines.PixelBox b) {
		return new Roi(b.x(), b.y(), b.width(), b.height());
	}

	/**
	 * Classified structures as outlines named by {@link StructureOutlines.Outline#label()} ("key class
	 * probability"), in their class's colour, and dashed and half transparent, with "(untrusted)" in the name,
	 * when their answer is not to be trusted; prediction, probability and trust are ROI properties.
	 */
	static List<Roi> classified(List<StructureOutlines.Outline> outlines, List<String> classNames, ImageGrid grid) {
		List<Roi> rois = new ArrayList<>(outlines.size());
		for (StructureOutlines.Outline o : outlines) {
			Roi roi = rectangle(o.on(grid));
			roi.setName(o.label() + (o.trusted() ? "" : " (untrusted)"));
			roi.setStrokeColor(new Color(StructureOutlines.colour(o.predicted(), classNames)));
			if (!o.trusted()) markDoubtful(roi);
			roi.setProperty("structure", o.key());
			roi.setProperty("prediction", o.predicted() == null ? "" : o.predicted());
			roi.setProperty("probability", Double.isNaN(o.probability()) ? "" : Double.toString(o.probability()));
			roi.setProperty("trusted", Boolean.toString(o.trusted()));
			rois.add(roi);
		}
		return rois;
	}

	/** Draws an ROI dashed and half transparent: a structure whose answer is not to be trusted. */
	static void markDoubtful(Roi roi) {
		Color c = roi.getStrokeColor();
		roi.setStrokeColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), DOUBTFUL_ALPHA));
		roi.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 4, 3 },
			0));
	}

	/**
	 * Puts the ROIs on the image's overlay, shows the image (in batch mode it becomes the macro's current
	 * image) and lists the ROIs in the ROI Manager, replacing what it held (the batch-mode one in a macro);
	 * the ROI Manager is left alone where no window can open. With {@code numbered}, each ROI's number in the
	 * list is drawn beside it (up to {@link #MAX_LABELS}): the n of a classified structure's key "cell-n".
	 */
	static void show(ImagePlus imp, List<Roi> rois, boolean numbered) {
		Overlay overlay = new Overlay();
		for (Roi r : rois) overlay.add(r);
		if (numbered && rois.size() <= MAX_LABELS) {
			overlay.drawLabels(true);
			overlay.setLabelFontSize(10, "");
			overlay.setLabelColor(Color.WHITE);
		}
		imp.setOverlay(overlay);
		imp.show();
		RoiManager rm = roiManager();
		if (rm == null) return;
		rm.reset();
		for (Roi r : rois) rm.add(imp, (Roi) r.clone(), -1);
	}

	/** The ROI Manager in use (the hidden one of a batch-mode macro), opened if need be; null when headless. */
	static RoiManager roiManager() {
		RoiManager rm = RoiManager.getInstance();
		if (rm != null || GraphicsEnvironment.isHeadless()) return rm;
		return RoiManager.getRoiManager();
	}

	/** Writes the ROIs as an ImageJ ROI set (what ROI Manager &gt; More &gt; Save... writes), atomically. */
	static void saveRoiZip(List<Roi> rois, File zip) throws IOException {
		AtomicFiles.write(zip.toPath(), out -> {
			ZipOutputStream zos = new ZipOutputStream(out);
			DataOutputStream data = new DataOutputStream(new BufferedOutputStream(zos));
			RoiEncoder encoder = new RoiEncoder(data);
			Set<String> used = new HashSet<>();
			for (Roi r : rois) {
				String base = r.getName().replaceAll("[/\\\\:]", "_"), entry = base;
				for (int n = 2; !used.add(entry); n++) entry = base + "-" + n;
				zos.putNextEntry(new ZipEntry(entry + ".roi"));
				encoder.write(r);
				data.flush();
			}
			data.flush();
			zos.finish();
		});
	}
}
