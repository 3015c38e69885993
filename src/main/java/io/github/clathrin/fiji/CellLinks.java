package io.github.clathrin.fiji;

import ij.ImageListener;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.gui.RoiListener;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import ij.text.TextPanel;
import ij.text.TextWindow;

import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import io.github.clathrin.ui.Gallery;
import io.github.clathrin.ui.StructureViewer;

/**
 * Keeps a cell image, its structures' ROIs and the results table in step: selecting a structure's ROI (in the
 * ROI Manager, or by clicking it on the image) selects its row of "Clathrin Results" and opens the structure
 * in the 3D view; clicking a row selects its ROI, which does the same. One cell is linked at a time: the
 * latest Find Structures or Classify.
 */
final class CellLinks implements RoiListener, ImageListener {

	private static CellLinks current;

	/** Table panels that already forward their clicks to {@link #current} (one listener each, however often linked). */
	private static final Set<TextPanel> LISTENING = java.util.Collections.newSetFromMap(new WeakHashMap<>());

	private final ImagePlus imp;
	private final List<Roi> rois;
	/** Structure key of each ROI by its name; ROIs of rejected clusters have none. */
	private final Map<String, String> keyOfName = new HashMap<>();
	private final Map<String, Integer> roiOfKey = new HashMap<>();
	private final String table;
	private final Consumer<String> open;
	private String selected;

	private CellLinks(ImagePlus imp, List<Roi> rois, List<String> keys, String table, Consumer<String> open) {
		this.imp = imp;
		this.rois = rois;
		this.table = table;
		this.open = open;
		for (int i = 0; i < rois.size(); i++) {
			if (keys.get(i) == null) continue;
			keyOfName.put(rois.get(i).getName(), keys.get(i));
			roiOfKey.put(keys.get(i), i);
		}
	}

	/**
	 * Links a shown cell image to its ROIs (in the order they were added to the ROI Manager), the structure key
	 * of each (null for none), the results table of that title (null for none) and what opens a structure.
	 */
	static synchronized CellLinks link(ImagePlus imp, List<Roi> rois, List<String> keys, String table,
		Consumer<String> open)
	{
		if (current != null) current.unlink();
		current = new CellLinks(imp, rois, keys, table, open);
		Roi.addRoiListener(current);
		ImagePlus.addImageListener(current);
		TextPanel panel = panel(table);
		if (panel != null && LISTENING.add(panel)) panel.addMouseListener(new MouseAdapter() {

			@Override
			public void mouseReleased(MouseEvent e) {
				CellLinks links = current();
				if (links != null) links.rowClicked(panel);
			}
		});
		return current;
	}

	/** Opens a structure of a gallery in the built-in 3D view, once: a second request brings its window forward. */
	static Consumer<String> viewerOf(Gallery gallery) {
		Map<String, Gallery.Entry> byKey = new HashMap<>();
		for (Gallery.Entry e : gallery.entries()) byKey.put(e.structure().key(), e);
		Map<String, JFrame> open = new HashMap<>();
		return key -> SwingUtilities.invokeLater(() -> {
			Gallery.Entry e = byKey.get(key);
			if (e == null) return;
			JFrame f = open.get(key);
			if (f != null && f.isShowing()) f.toFront();
			else open.put(key, StructureViewer.open(e.structure(), e.overlay(), gallery.renderer(), gallery.view()));
		});
	}

	static synchronized CellLinks current() {
		return current;
	}

	/** The structure selected last, or null. */
	synchronized String selected() {
		return selected;
	}

	private void unlink() {
		Roi.removeRoiListener(this);
		ImagePlus.removeImageListener(this);
	}

	@Override
	public void roiModified(ImagePlus img, int id) {
		if (img != imp || id != RoiListener.CREATED || img.getRoi() == null) return;
		String key = keyOfName.get(img.getRoi().getName());
		if (key == null) return;
		synchronized (this) {
			selected = key;
		}
		selectRow(key);
		open.accept(key);
	}

	/** A click in the results table: the ROI of the selected row's structure becomes the image's selection. */
	private void rowClicked(TextPanel panel) {
		int row = panel.getSelectionStart();
		ResultsTable rt = panel.getResultsTable();
		if (row < 0 || rt == null || row >= rt.size() || rt.getColumnIndex("structure") == ResultsTable.COLUMN_NOT_FOUND)
			return;
		Integer index = roiOfKey.get(rt.getStringValue("structure", row));
		if (index == null) return;
		RoiManager rm = RoiManager.getInstance();
		if (rm != null && index < rm.getCount() && rois.get(index).getName().equals(rm.getName(index)))
			rm.selectAndMakeVisible(imp, index);
		else imp.setRoi((Roi) rois.get(index).clone());
	}

	private void selectRow(String key) {
		TextPanel panel = panel(table);
		if (panel == null || panel.getResultsTable() == null) return;
		ResultsTable rt = panel.getResultsTable();
		if (rt.getColumnIndex("structure") == ResultsTable.COLUMN_NOT_FOUND) return;
		for (int row = 0; row < rt.size(); row++)
			if (key.equals(rt.getStringValue("structure", row))) {
				if (panel.getSelectionStart() != row || panel.getSelectionEnd() != row) panel.setSelection(row, row);
				return;
			}
	}

	private static TextPanel panel(String title) {
		if (title == null) return null;
		Window w = WindowManager.getWindow(title);
		return w instanceof TextWindow tw ? tw.getTextPanel() : null;
	}

	@Override
	public void imageOpened(ImagePlus img) {}

	@Override
	public void imageUpdated(ImagePlus img) {}

	@Override
	public void imageClosed(ImagePlus img) {
		if (img != imp) return;
		synchronized (CellLinks.class) {
			if (current == this) {
				unlink();
				current = null;
			}
		}
	}
}
