package io.github.clathrin.fiji;

import ij.IJ;
import ij.Prefs;

import java.awt.Dialog;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/**
 * Run in a child JVM on a display: opens the real Train dialog with typical values, captures it from
 * the screen with {@link Robot} into the PNG named by the first argument, and closes it.
 */
public final class DialogScreenshot {

	public static void main(String[] args) throws Exception {
		Prefs.set("clathrin.input", "/data/clathrin-demo/structures");
		Prefs.set("clathrin.labels", "/data/clathrin-demo/labels.csv");
		Prefs.set("clathrin.model", "/data/clathrin-demo/model.zip");
		Prefs.set("clathrin.encoder", "pca");
		Thread plugin = new Thread(() -> IJ.runPlugIn(TrainPlugin.class.getName(), ""), "Train dialog");
		plugin.setDaemon(true);
		plugin.start();
		Window dialog = null;
		for (int i = 0; i < 100 && dialog == null; i++) {
			Thread.sleep(100);
			for (Window w : Window.getWindows())
				if (w instanceof Dialog d && d.isShowing() && "Train Clathrin Model".equals(d.getTitle())) dialog = w;
		}
		if (dialog == null) throw new IllegalStateException("the Train dialog did not open");
		Thread.sleep(1500); // let it paint
		Rectangle r = new Rectangle(dialog.getLocationOnScreen(), dialog.getSize());
		BufferedImage shot = new Robot().createScreenCapture(r);
		File out = new File(args[0]);
		out.getParentFile().mkdirs();
		ImageIO.write(shot, "png", out);
		System.out.println("SCREENSHOT " + out + " " + r.width + "x" + r.height);
		dialog.dispose();
		System.exit(0);
	}
}
