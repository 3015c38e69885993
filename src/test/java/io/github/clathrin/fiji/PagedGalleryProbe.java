package io.github.clathrin.fiji;

import ij.IJ;
import ij.Macro;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

import io.github.clathrin.ui.GalleryWindow;
import io.github.clathrin.ui.StructureViewer;
import io.github.clathrin.ui.View;

/**
 * Run in a child JVM on a display: runs Show Structures in 3D... with the options of the second argument on
 * more structures than a page, checks that the gallery window says "page 1 of N", captures it, goes to the
 * next page with the Page Down key, clicks a tile, captures the structure view that opens (z colours, colour
 * bar, view buttons), presses F for the xz plane and captures it again. Screenshots go to the folder of the
 * first argument; every check prints an "OK" line, a failure "FAIL" and exit code 2.
 */
public final class PagedGalleryProbe {

	public static void main(String[] args) throws Exception {
		File dir = new File(args[0]);
		dir.mkdirs();
		Thread plugin = new Thread(() -> {
			Macro.setOptions(args[1]);
			IJ.runPlugIn(ShowStructuresPlugin.class.getName(), "");
			Macro.setOptions(null);
		}, "Run$_show_structures");
		plugin.start();
		plugin.join();
		GalleryWindow w = (GalleryWindow) waitForWindow(f -> f instanceof GalleryWindow, "the gallery window");
		SwingUtilities.invokeAndWait(() -> {
			w.setBounds(0, 0, 6 * 160 + 40, 3 * 160 + 150);
			w.validate();
		});
		String first = onEdt(w::pageText);
		check(first.matches("page 1 of [2-9]"), "the window shows " + first);
		int pages = onEdt(w::pages);
		waitFor(() -> w.renderedTiles() == 100, "100 tiles of page 1 rendered (" + w.renderedTiles() + ")");
		Thread.sleep(1500);
		capture(w, new File(dir, "gallery-window-paged.png"));

		Robot robot = new Robot();
		robot.setAutoDelay(30);
		boolean focused = focus(w);
		press(robot, w, focused, KeyEvent.VK_PAGE_DOWN);
		waitFor(() -> onEdt(w::page) == 2, "Page Down shows page 2");
		check(onEdt(w::pageText).equals("page 2 of " + pages), "after Page Down: " + onEdt(w::pageText));
		waitFor(() -> w.renderedTiles() > 0, "page 2 rendered");
		press(robot, w, focused, KeyEvent.VK_PAGE_UP);
		waitFor(() -> onEdt(w::page) == 1, "Page Up shows page 1 again");

		// The first tile's tooltip gives its full key and the prediction as people read it.
		String tip = onEdt(() -> {
			javax.swing.JComponent grid = (javax.swing.JComponent) find(w, JScrollPane.class).getViewport().getView();
			return grid.getToolTipText(new java.awt.event.MouseEvent(grid, java.awt.event.MouseEvent.MOUSE_MOVED,
				System.currentTimeMillis(), 0, 80, 80, 0, false));
		});
		check(tip != null && tip.matches("s\\d{4}\\.csv: CME match: (yes|no) [01]\\.\\d\\d.*"), "tooltip of a tile: " + tip);

		// A click on the first tile opens its structure view.
		AtomicReference<Point> tile = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			Component grid = find(w, JScrollPane.class).getViewport().getView();
			Point p = grid.getLocationOnScreen();
			tile.set(new Point(p.x + 80, p.y + 80));
		});
		robot.mouseMove(tile.get().x, tile.get().y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		Window v = waitForWindow(f -> f.getTitle().startsWith("Structure "), "the structure view");
		SwingUtilities.invokeAndWait(() -> {
			v.setBounds(40, 40, 560, 600);
			v.validate();
			v.toFront();
		});
		StructureViewer viewer = find((Container) v, StructureViewer.class);
		Thread.sleep(1000);
		BufferedImage threeD = capture(v, new File(dir, "structure-view.png"));
		boolean viewFocused = focus(v);
		press(robot, v, viewFocused, KeyEvent.VK_F);
		waitFor(() -> Arrays.equals(onEdt(viewer::getView).rotation(), View.XZ.rotation()), "F shows the xz plane");
		Thread.sleep(500);
		BufferedImage xz = capture(v, new File(dir, "structure-view-xz.png"));
		check(!Arrays.equals(pixels(threeD), pixels(xz)), "the xz view differs from the 3D view");
		System.out.println("OK paged gallery: " + first + ", Page Down/Up, tile opened, F = xz");
		System.exit(0);
	}

	private static int[] pixels(BufferedImage img) {
		return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
	}

	private interface Get<T> {
		T get() throws Exception;
	}

	private static <T> T onEdt(Get<T> get) {
		AtomicReference<T> value = new AtomicReference<>();
		try {
			SwingUtilities.invokeAndWait(() -> {
				try {
					value.set(get.get());
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		return value.get();
	}

	private static void check(boolean ok, String what) {
		if (!ok) {
			System.out.println("FAIL " + what);
			System.exit(2);
		}
		System.out.println("OK " + what);
	}

	private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 60_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) check(false, what);
			Thread.sleep(100);
		}
	}

	private static Window waitForWindow(java.util.function.Predicate<Frame> which, String what) throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			AtomicReference<Frame> found = new AtomicReference<>();
			SwingUtilities.invokeAndWait(() -> {
				for (Frame f : Frame.getFrames())
					if (f.isShowing() && which.test(f)) found.set(f);
			});
			if (found.get() != null) return found.get();
			Thread.sleep(100);
		}
		check(false, what + " opened; log: " + IJ.getLog());
		return null;
	}

	private static <T> T find(Container c, Class<T> type) {
		for (Component child : c.getComponents()) {
			if (type.isInstance(child)) return type.cast(child);
			if (child instanceof Container cc) {
				T t = find(cc, type);
				if (t != null) return t;
			}
		}
		return null;
	}

	private static boolean focus(Window w) throws Exception {
		long deadline = System.currentTimeMillis() + 5000;
		while (System.currentTimeMillis() < deadline) {
			if (onEdt(() -> {
				if (!w.isFocused()) {
					w.toFront();
					w.requestFocus();
				}
				return w.isFocused();
			})) return true;
			Thread.sleep(100);
		}
		return false;
	}

	/** A real key press through the X server, or (without focus) a key event dispatched into the window. */
	private static void press(Robot robot, Window w, boolean focused, int key) throws Exception {
		if (focused && onEdt(w::isFocused)) {
			robot.keyPress(key);
			robot.keyRelease(key);
			robot.waitForIdle();
		}
		else SwingUtilities.invokeAndWait(() -> {
			Component c = w.getFocusOwner() != null ? w.getFocusOwner() : ((javax.swing.RootPaneContainer) w).getRootPane();
			long now = System.currentTimeMillis();
			c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_PRESSED, now, 0, key, KeyEvent.CHAR_UNDEFINED));
			c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_RELEASED, now, 0, key, KeyEvent.CHAR_UNDEFINED));
		});
		SwingUtilities.invokeAndWait(() -> {});
		System.out.println("KEY " + KeyEvent.getKeyText(key) + (focused ? " (robot)" : " (dispatched)"));
	}

	private static BufferedImage capture(Window w, File out) throws Exception {
		AtomicReference<Rectangle> bounds = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> bounds.set(w.getBounds()));
		BufferedImage shot = new Robot().createScreenCapture(bounds.get());
		ImageIO.write(shot, "png", out);
		System.out.println("SCREENSHOT " + out + " " + shot.getWidth() + "x" + shot.getHeight());
		return shot;
	}
}
