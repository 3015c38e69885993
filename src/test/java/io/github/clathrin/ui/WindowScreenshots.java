package io.github.clathrin.ui;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * Opens the real gallery window and a structure viewer and saves screen captures of them to
 * target/screenshots. Needs a display: {@code xvfb-run -a java -cp ... io.github.clathrin.ui.WindowScreenshots}
 * (the unit tests run headless, so this is a main, not a test).
 */
public final class WindowScreenshots {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "target/screenshots");
		Files.createDirectories(dir);
		Screenshots s = Screenshots.get();
		Gallery gallery = Gallery.of(s.set, s.predictions, s.model.classNames());
		AtomicReference<GalleryWindow> window = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			GalleryWindow w = new GalleryWindow("Clathrin structures", gallery, Gallery.Sort.UNCERTAINTY,
				Gallery.DEFAULT_TILE);
			w.setSize(6 * Gallery.DEFAULT_TILE + 40, 2 * Gallery.DEFAULT_TILE + 150);
			w.setLocation(20, 20);
			w.setVisible(true);
			window.set(w);
		});
		long deadline = System.currentTimeMillis() + 60_000;
		while (window.get().renderedTiles() < gallery.entries().size() && System.currentTimeMillis() < deadline)
			Thread.sleep(100);
		Thread.sleep(1500);
		capture(window.get(), dir.resolve("gallery-window.png"));

		Gallery.Entry first = window.get().gallery().entries().get(0);
		AtomicReference<JFrame> viewer = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			JFrame f = StructureViewer.open(first.structure(), first.overlay(), gallery.renderer(), gallery.view());
			f.setLocation(60, 60);
			viewer.set(f);
		});
		Thread.sleep(1000);
		capture(viewer.get(), dir.resolve("viewer-window.png"));
		SwingUtilities.invokeAndWait(() -> {
			viewer.get().dispose();
			window.get().dispose();
		});
		System.exit(0);
	}

	private static void capture(Window w, Path file) throws Exception {
		AtomicReference<Rectangle> bounds = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> bounds.set(w.getBounds()));
		BufferedImage img = new Robot().createScreenCapture(bounds.get());
		ImageIO.write(img, "png", file.toFile());
		System.out.println("wrote " + file + " " + img.getWidth() + "x" + img.getHeight());
	}
}
