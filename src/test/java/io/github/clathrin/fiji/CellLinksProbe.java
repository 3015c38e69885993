package io.github.clathrin.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import ij.text.TextPanel;
import ij.text.TextWindow;

import java.awt.Canvas;
import java.awt.Component;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.io.File;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/**
 * Run in a child JVM on a display: classifies a whole cell with Classify (segment, from macro options but not in
 * batch mode, so its windows open), then clicks a results row, selects an ROI in the ROI Manager and alt-clicks
 * an ROI on the image, printing after each what got selected and which 3D views are open; with a third argument,
 * captures the cell image and the results table into that folder. Arguments: model, cell table, results CSV
 * [, screenshot folder].
 */
public final class CellLinksProbe {

	public static void main(String[] args) throws Exception {
		File shots = args.length > 3 ? new File(args[3]) : null;
		if (shots != null) {
			// Find Structures first, for its picture of every candidate coloured by verdict.
			File found = new File(new File(args[2]).getParentFile(), "found");
			Thread find = new Thread(() -> {
				Macro.setOptions("input=[" + args[1] + "] output=[" + found + "]");
				IJ.runPlugIn(FindStructuresPlugin.class.getName(), "");
				Macro.setOptions(null);
			}, "Run$_find_structures");
			find.start();
			find.join();
			Thread.sleep(1000);
			ImagePlus candidates = WindowManager.getCurrentImage();
			zoomed(candidates);
			Thread.sleep(1500);
			capture(candidates.getWindow(), new File(shots, "cell-candidates.png"));
			// Selecting a kept structure in the ROI Manager opens it in 3D; a rejected cluster opens nothing.
			RoiManager rm = RoiManager.getInstance();
			int kept = -1, rejected = -1;
			for (int i = 0; i < rm.getCount(); i++) {
				if ("kept".equals(rm.getRoi(i).getProperty("verdict"))) kept = kept < 0 ? i : kept;
				else rejected = rejected < 0 ? i : rejected;
			}
			int k = kept, x = rejected;
			SwingUtilities.invokeAndWait(() -> rm.select(candidates, x));
			Thread.sleep(1000);
			System.out.println("FIND rejected=" + rm.getName(x) + " views=" + views());
			SwingUtilities.invokeAndWait(() -> rm.select(candidates, k));
			Thread.sleep(1500);
			System.out.println("FIND kept=" + rm.getName(k) + " views=" + views());
			SwingUtilities.invokeAndWait(() -> {
				for (Frame f : Frame.getFrames()) if (f.getTitle().startsWith("Structure ")) f.dispose();
			});
		}
		Thread plugin = new Thread(() -> {
			Macro.setOptions("model=[" + args[0] + "] input=[" + args[1] + "] output=[" + args[2] + "] segment");
			IJ.runPlugIn(ClassifyPlugin.class.getName(), "");
			Macro.setOptions(null);
		}, "Run$_classify_cell");
		plugin.start();
		plugin.join();
		ImagePlus imp = null;
		TextWindow results = null;
		for (int i = 0; i < 100 && (imp == null || results == null || !imp.getWindow().isShowing()); i++) {
			Thread.sleep(100);
			imp = WindowManager.getCurrentImage();
			Window w = WindowManager.getWindow(ResultsTables.RESULTS);
			results = w instanceof TextWindow tw ? tw : null;
		}
		if (imp == null || results == null) throw new IllegalStateException("no cell image or results table");
		ImagePlus cell = imp;
		TextWindow resultsWindow = results;
		TextPanel table = results.getTextPanel();
		ResultsTable rt = table.getResultsTable();
		RoiManager rm = RoiManager.getInstance();
		System.out.println("OPEN " + cell.getTitle() + " rows=" + rt.size() + " rois=" + rm.getCount());

		// A click on row 2 of the results.
		SwingUtilities.invokeAndWait(() -> {
			table.setSelection(2, 2);
			Component canvas = canvasOf(table);
			canvas.dispatchEvent(new MouseEvent(canvas, MouseEvent.MOUSE_RELEASED, System.currentTimeMillis(), 0, 20, 20,
				1, false, MouseEvent.BUTTON1));
		});
		Thread.sleep(1500);
		System.out.println("ROW key=" + rt.getStringValue("structure", 2) + " roi=" + name(cell.getRoi()) + " manager="
			+ rm.getName(Math.max(0, rm.getSelectedIndex())) + " views=" + views());

		// A click on ROI 5 in the ROI Manager's list.
		SwingUtilities.invokeAndWait(() -> rm.select(cell, 5));
		Thread.sleep(1500);
		int row = table.getSelectionStart();
		System.out.println("MANAGER roi=" + rm.getName(5) + " row=" + (row < 0 ? "none" : rt.getStringValue(
			"structure", row)) + " views=" + views());

		// An alt-click inside ROI 7 on the image, as ImageJ selects an overlay element.
		Roi seven = cell.getOverlay().get(7);
		Rectangle b = seven.getBounds();
		SwingUtilities.invokeAndWait(() -> {
			cell.deleteRoi();
			ImageCanvas c = cell.getCanvas();
			int sx = c.screenX(b.x + b.width / 2), sy = c.screenY(b.y + b.height / 2);
			long now = System.currentTimeMillis();
			c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_PRESSED, now, InputEvent.ALT_DOWN_MASK, sx, sy, 1, false,
				MouseEvent.BUTTON1));
			c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_RELEASED, now + 50, InputEvent.ALT_DOWN_MASK, sx, sy, 1,
				false, MouseEvent.BUTTON1));
		});
		Thread.sleep(1500);
		row = table.getSelectionStart();
		System.out.println("IMAGE roi=" + seven.getName() + " selected=" + name(cell.getRoi()) + " row=" + (row < 0
			? "none" : rt.getStringValue("structure", row)) + " views=" + views());

		if (shots != null) {
			SwingUtilities.invokeAndWait(() -> {
				for (Frame f : Frame.getFrames()) if (f.getTitle().startsWith("Structure ")) f.dispose();
				resultsWindow.setBounds(20, 20, 1240, 330);
				cell.deleteRoi();
				table.setSelection(7, 7);
			});
			zoomed(cell);
			Thread.sleep(1500);
			capture(cell.getWindow(), new File(shots, "cell-classified.png"));
			capture(resultsWindow, new File(shots, "cell-results.png"));
		}
		System.exit(0);
	}

	/** The image at 150 %, top left, so that outlines of 100 nm structures can be seen. */
	private static void zoomed(ImagePlus imp) throws Exception {
		WindowManager.setCurrentWindow(imp.getWindow());
		IJ.run(imp, "Set... ", "zoom=150");
		Thread.sleep(500);
		SwingUtilities.invokeAndWait(() -> {
			imp.getWindow().setLocation(20, 20);
			imp.getWindow().pack();
		});
	}

	private static String name(Roi roi) {
		return roi == null ? "none" : roi.getName();
	}

	private static Component canvasOf(TextPanel panel) {
		for (Component c : panel.getComponents()) if (c instanceof Canvas) return c;
		throw new IllegalStateException("no text canvas");
	}

	/** The titles of the open 3D views ("Structure key"), in no particular order. */
	private static String views() throws Exception {
		AtomicReference<String> s = new AtomicReference<>("");
		SwingUtilities.invokeAndWait(() -> {
			StringBuilder sb = new StringBuilder("[");
			for (Frame f : Frame.getFrames())
				if (f.isShowing() && f.getTitle().startsWith("Structure ")) sb.append(f.getTitle().substring(10)).append(';');
			s.set(sb.append(']').toString());
		});
		return s.get();
	}

	private static void capture(Window w, File png) throws Exception {
		AtomicReference<Rectangle> bounds = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			w.toFront();
			bounds.set(w.getBounds());
		});
		Thread.sleep(800);
		png.getParentFile().mkdirs();
		System.out.println("CAPTURE " + bounds.get());
		ImageIO.write(new Robot().createScreenCapture(bounds.get()), "png", png);
		System.out.println("SCREENSHOT " + png);
	}
}
