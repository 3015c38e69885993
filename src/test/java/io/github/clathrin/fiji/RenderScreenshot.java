package io.github.clathrin.fiji;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageWindow;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/**
 * Run in a child JVM on a display: ImageJ's window, then Render Localizations... from a macro call on the
 * localization file named by the first argument; captures the image window (the rendering, coloured by z,
 * with its z colour bar) from the screen into the PNG named by the second argument.
 */
public final class RenderScreenshot {

	public static void main(String[] args) throws Exception {
		new ImageJ(ImageJ.NO_SHOW);
		Thread plugin = new Thread(() -> IJ.run("Render Localizations...", "input=[" + args[0] + "]"), "Run$_render");
		plugin.start();
		plugin.join(120_000);
		ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null || imp.getWindow() == null) throw new IllegalStateException("no image window");
		ImageWindow window = imp.getWindow();
		window.setLocation(20, 20);
		Thread.sleep(1500); // let it paint
		Rectangle r = new Rectangle(window.getLocationOnScreen(), window.getSize());
		BufferedImage shot = new Robot().createScreenCapture(r);
		File out = new File(args[1]);
		out.getParentFile().mkdirs();
		ImageIO.write(shot, "png", out);
		System.out.println("SCREENSHOT " + out + " " + r.width + "x" + r.height + " " + imp.getTitle() + " "
			+ imp.getCalibration().getUnit());
		System.exit(0);
	}
}
