package io.github.clathrin.fiji;

import ij.IJ;
import ij.Macro;

import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/**
 * Run in a child JVM on a display: runs Show Structures in 3D... with the options of the second argument
 * (as a macro would, but not in batch mode, so the plugin opens its gallery window), waits for the tiles,
 * captures the window into the PNG named by the first argument, and exits.
 */
public final class GalleryScreenshot {

	public static void main(String[] args) throws Exception {
		// ImageJ hands macro options only to threads named like its macro threads ("Run$_...").
		Thread plugin = new Thread(() -> {
			Macro.setOptions(args[1]);
			IJ.runPlugIn(ShowStructuresPlugin.class.getName(), "");
			Macro.setOptions(null);
		}, "Run$_show_structures");
		plugin.start();
		plugin.join();
		AtomicReference<Frame> window = new AtomicReference<>();
		for (int i = 0; i < 300 && window.get() == null; i++) {
			Thread.sleep(100);
			SwingUtilities.invokeAndWait(() -> {
				for (Frame f : Frame.getFrames())
					if (f.isShowing() && f.getTitle().startsWith("Clathrin structures")) window.set(f);
			});
		}
		if (window.get() == null) throw new IllegalStateException("the gallery window did not open");
		SwingUtilities.invokeAndWait(() -> {
			window.get().setBounds(20, 20, 6 * 160 + 40, 3 * 160 + 120);
			window.get().validate();
		});
		Thread.sleep(8000); // tiles render in the background
		AtomicReference<Rectangle> bounds = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> bounds.set(window.get().getBounds()));
		BufferedImage shot = new Robot().createScreenCapture(bounds.get());
		File out = new File(args[0]);
		out.getParentFile().mkdirs();
		ImageIO.write(shot, "png", out);
		System.out.println("SCREENSHOT " + out + " " + shot.getWidth() + "x" + shot.getHeight());
		System.exit(0);
	}
}
