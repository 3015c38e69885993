package io.github.clathrin.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.Opener;
import ij.io.RoiDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.github.clathrin.structures.CsvRecords;

/** Reads back what the whole-cell plugins wrote: ROI sets, TIFFs with their overlay, and segments.csv. */
final class CellFiles {

	/** A kept structure of segments.csv: its key and bounding box in nm. */
	record Kept(String key, double xMin, double xMax, double yMin, double yMax) {}

	private CellFiles() {}

	/** The ROIs of an ImageJ ROI set, in order. */
	static List<Roi> roiZip(Path zip) throws IOException {
		List<Roi> rois = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;)
				rois.add(new RoiDecoder(in.readAllBytes(), e.getName()).getRoi());
		}
		return rois;
	}

	/** A TIFF as ImageJ opens it, with its calibration and overlay. */
	static ImagePlus tiff(Path file) {
		ImagePlus imp = new Opener().openImage(file.toString());
		if (imp == null) throw new AssertionError("ImageJ cannot open " + file);
		return imp;
	}

	/** The kept rows of a segments.csv. */
	static List<Kept> kept(Path segments) throws IOException {
		List<String> lines = Files.readAllLines(segments);
		List<String> h = CsvRecords.splitLine(lines.get(0));
		List<Kept> kept = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			List<String> f = CsvRecords.splitLine(line);
			if (!f.get(h.indexOf("verdict")).equals("kept")) continue;
			kept.add(new Kept(f.get(h.indexOf("key")), Double.parseDouble(f.get(h.indexOf("x_min"))),
				Double.parseDouble(f.get(h.indexOf("x_max"))), Double.parseDouble(f.get(h.indexOf("y_min"))),
				Double.parseDouble(f.get(h.indexOf("y_max")))));
		}
		return kept;
	}

	/**
	 * The ROIs whose rectangle, in nm through the image's calibration, holds the structure's box and is at
	 * most a pixel (plus the box's 0.1 nm rounding) larger on each side.
	 */
	static List<Roi> outlining(ImagePlus imp, List<Roi> rois, Kept k) {
		ij.measure.Calibration cal = imp.getCalibration();
		double px = cal.pixelWidth, slack = px + 0.1;
		List<Roi> found = new ArrayList<>();
		for (Roi r : rois) {
			java.awt.Rectangle b = r.getBounds();
			double x0 = cal.getX(b.x), x1 = cal.getX(b.x + b.width), y0 = cal.getY(b.y), y1 = cal.getY(b.y + b.height);
			if (x0 <= k.xMin() + 0.1 && x1 >= k.xMax() - 0.1 && y0 <= k.yMin() + 0.1 && y1 >= k.yMax() - 0.1
				&& k.xMin() - x0 <= slack && x1 - k.xMax() <= slack && k.yMin() - y0 <= slack && y1 - k.yMax() <= slack)
				found.add(r);
		}
		return found;
	}
}
