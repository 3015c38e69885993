package io.github.clathrin.fiji;

import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.SwingUtilities;

import ij.IJ;
import ij.ImageJ;

import io.github.clathrin.datasets.ClathrinSimulator;
import io.github.clathrin.datasets.SimulatedDataset;
import io.github.clathrin.datasets.SimulationConfig;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.LabellingSession;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.pipeline.Training;
import io.github.clathrin.structures.Labels;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.Progress;
import io.github.clathrin.ui.LabellingWindow;
import io.github.clathrin.ui.StructureViewer;
import io.github.clathrin.ui.View;

/**
 * Run in a child JVM on a display (see {@link LabellingWindowTest}): opens the real labelling window on
 * a small simulated data set, types Y, N, U, S as a user would (java.awt.Robot; key events dispatched
 * into the window only if it never gets the focus), checks the labels file after each key, saves a
 * screenshot, then reopens the window through the real "Label Structures..." command (IJ.run with
 * macro options), checks that it resumes, tries Ctrl+Z and a number key, and presses Retrain. Prints
 * {@code OK ...} lines; exits non-zero with a message on the first mismatch.
 */
public final class LabellingProbe {

	private static boolean robotKeys;

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		Path screenshot = Path.of(args[1]);
		new ClathrinSimulator(SimulationConfig.defaults().withCounts(6, 4).withSeed(11)).simulate(Progress.NONE)
			.write(dir.resolve("data"));
		StructureSet set = StructureLoader.fromFolder(dir.resolve("data").resolve(SimulatedDataset.STRUCTURES_DIR),
			f -> LocalizationReaders.read(f, null, Progress.NONE));
		StructureSet training = new ClathrinSimulator(SimulationConfig.defaults().withCounts(30, 20).withSeed(5))
			.simulate(Progress.NONE).toStructureSet();
		Model model = Training.train(training, Training.Options.defaults("lab", 5), Progress.NONE);
		List<Classification.Prediction> predictions = Classification.classify(model, set, Progress.NONE);
		Path labels = dir.resolve("labels.csv");
		List<String> keys = set.keys();

		LabellingWindow w = open(set, labels, predictions);
		Robot robot = new Robot();
		robot.setAutoDelay(30);
		robotKeys = focus(w);
		System.out.println("KEYS " + (robotKeys ? "robot" : "dispatched"));
		expect(w, null, keys.get(0), labels);

		type(robot, w, KeyEvent.VK_Y);
		expect(w, map(keys.get(0), "yes"), keys.get(1), labels);
		type(robot, w, KeyEvent.VK_N);
		expect(w, map(keys.get(0), "yes", keys.get(1), "no"), keys.get(2), labels);
		type(robot, w, KeyEvent.VK_U);
		expect(w, map(keys.get(0), "yes"), keys.get(1), labels);
		type(robot, w, KeyEvent.VK_S);
		expect(w, map(keys.get(0), "yes"), keys.get(2), labels);
		type(robot, w, KeyEvent.VK_RIGHT); // rotates; writes nothing
		expect(w, map(keys.get(0), "yes"), keys.get(2), labels);
		type(robot, w, KeyEvent.VK_F); // the xz plane; writes nothing
		waitFor(() -> java.util.Arrays.equals(viewer(w).getView().rotation(), View.XZ.rotation()), "F shows the xz plane");
		System.out.println("OK plane xz");
		double common = viewer(w).renderer().fieldRadius();
		type(robot, w, KeyEvent.VK_P); // zoom to each structure
		waitFor(() -> Double.isNaN(viewer(w).renderer().fieldRadius()) && !Double.isNaN(common),
			"P zooms to each structure (common field " + common + " nm before)");
		type(robot, w, KeyEvent.VK_P);
		type(robot, w, KeyEvent.VK_V); // back to the 3D view for the screenshot
		waitFor(() -> viewer(w).renderer().fieldRadius() == common, "P again: the common scale");
		System.out.println("OK zoom each and back to the common scale of " + Math.round(common) + " nm");
		expect(w, map(keys.get(0), "yes"), keys.get(2), labels);

		Thread.sleep(500);
		capture(w, screenshot);
		SwingUtilities.invokeAndWait(w::dispose);

		// Reopen through the menu command, as a user would: real ImageJ, our plugins.config, the dialog
		// filled by macro options.
		new ImageJ(ImageJ.NO_SHOW);
		IJ.run("Label Structures...", "input=[" + dir.resolve("data").resolve(SimulatedDataset.STRUCTURES_DIR)
			+ "] labels=[" + labels + "] order=uncertain");
		LabellingWindow again = find();
		focus(again);
		// Without a model "most uncertain first" is file order, and the window says so until Retrain.
		waitFor(() -> shows(again, NO_MODEL), "the window says the uncertain order is file order without a model");
		System.out.println("OK order note: " + NO_MODEL);
		expect(again, map(keys.get(0), "yes"), keys.get(1), labels);
		System.out.println("OK resumed at " + keys.get(1));
		type(robot, again, KeyEvent.VK_Y);
		expect(again, map(keys.get(0), "yes", keys.get(1), "yes"), keys.get(2), labels);
		type(robot, again, KeyEvent.VK_Z, true); // Ctrl+Z undoes too
		expect(again, map(keys.get(0), "yes"), keys.get(1), labels);
		type(robot, again, KeyEvent.VK_2); // the second class by number
		expect(again, map(keys.get(0), "yes", keys.get(1), "no"), keys.get(2), labels);
		type(robot, again, KeyEvent.VK_Y);
		type(robot, again, KeyEvent.VK_N);
		expect(again, map(keys.get(0), "yes", keys.get(1), "no", keys.get(2), "yes", keys.get(3), "no"), keys.get(4),
			labels);
		retrain(again);
		waitFor(() -> !shows(again, NO_MODEL), "the note goes after Retrain");
		System.out.println("OK order note gone after Retrain");
		SwingUtilities.invokeAndWait(again::dispose);
		System.exit(0);
	}

	static final String NO_MODEL = "no model yet: file order until the first Retrain";

	/** The structure viewer on screen in the window. */
	private static StructureViewer viewer(LabellingWindow w) {
		AtomicReference<StructureViewer> found = new AtomicReference<>();
		try {
			SwingUtilities.invokeAndWait(() -> {
				for (java.awt.Component c : components(w.getContentPane()))
					if (c instanceof StructureViewer v) found.set(v);
			});
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		return found.get();
	}

	/** Whether a label of the window shows exactly this text. */
	private static boolean shows(LabellingWindow w, String text) {
		AtomicReference<Boolean> found = new AtomicReference<>(false);
		try {
			SwingUtilities.invokeAndWait(() -> {
				for (java.awt.Component c : components(w.getContentPane()))
					if (c instanceof javax.swing.JLabel l && text.equals(l.getText()) && l.isShowing()) found.set(true);
			});
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		return found.get();
	}

	private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws Exception {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				System.out.println("FAIL " + what);
				System.exit(6);
			}
			Thread.sleep(50);
		}
	}

	private static LabellingWindow open(StructureSet set, Path labels, List<Classification.Prediction> p)
		throws Exception
	{
		LabellingSession session = new LabellingSession(set, null, labels, p, LabellingSession.Order.FILE, 1);
		AtomicReference<LabellingWindow> ref = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			LabellingWindow w = new LabellingWindow(session);
			w.setLocation(0, 0);
			w.setVisible(true);
			w.toFront();
			w.requestFocus();
			ref.set(w);
		});
		return ref.get();
	}

	/** The labelling window the plugin opened (it opens it later, on the event thread). */
	private static LabellingWindow find() throws Exception {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			AtomicReference<LabellingWindow> found = new AtomicReference<>();
			SwingUtilities.invokeAndWait(() -> {
				for (Window w : Window.getWindows())
					if (w instanceof LabellingWindow l && l.isShowing()) found.set(l);
			});
			if (found.get() != null) return found.get();
			Thread.sleep(100);
		}
		System.out.println("FAIL the plugin opened no labelling window; log: " + IJ.getLog());
		System.exit(3);
		return null;
	}

	/**
	 * Presses Retrain and checks that predictions appear for every structure, and that the event thread
	 * stays responsive while training runs.
	 */
	private static void retrain(LabellingWindow w) throws Exception {
		SwingUtilities.invokeAndWait(() -> {
			for (java.awt.Component c : components(w.getContentPane()))
				if (c instanceof JButton b && b.getText().equals("Retrain")) b.doClick();
		});
		long worst = 0, deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			long t0 = System.nanoTime();
			AtomicReference<Boolean> running = new AtomicReference<>();
			SwingUtilities.invokeAndWait(() -> running.set(w.isRetraining()));
			worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
			if (!running.get()) break;
			if (System.currentTimeMillis() > deadline) {
				System.out.println("FAIL retrain did not finish in 2 minutes");
				System.exit(4);
			}
			Thread.sleep(20);
		}
		for (String key : w.session().structures().keys())
			if (w.session().prediction(key).isEmpty()) {
				System.out.println("FAIL no prediction after retrain for " + key);
				System.exit(5);
			}
		System.out.println("OK retrained; slowest event-thread round trip " + worst + " ms");
	}

	private static List<java.awt.Component> components(java.awt.Container c) {
		List<java.awt.Component> all = new java.util.ArrayList<>();
		for (java.awt.Component child : c.getComponents()) {
			all.add(child);
			if (child instanceof java.awt.Container k) all.addAll(components(k));
		}
		return all;
	}

	/** Waits for the window to get the keyboard focus; false if it never does (no window manager). */
	private static boolean focus(Window w) throws Exception {
		long deadline = System.currentTimeMillis() + 5000;
		while (System.currentTimeMillis() < deadline) {
			AtomicReference<Boolean> focused = new AtomicReference<>(false);
			SwingUtilities.invokeAndWait(() -> {
				focused.set(w.isFocused());
				if (!focused.get()) {
					w.toFront();
					w.requestFocus();
				}
			});
			if (focused.get()) return true;
			Thread.sleep(100);
		}
		return false;
	}

	/** A real key press through the X server, or (without focus) a key event dispatched into the window. */
	private static void type(Robot robot, LabellingWindow w, int key) throws Exception {
		type(robot, w, key, false);
	}

	private static void type(Robot robot, LabellingWindow w, int key, boolean ctrl) throws Exception {
		int modifiers = ctrl ? KeyEvent.CTRL_DOWN_MASK : 0;
		if (robotKeys && w.isFocused()) {
			if (ctrl) robot.keyPress(KeyEvent.VK_CONTROL);
			robot.keyPress(key);
			robot.keyRelease(key);
			if (ctrl) robot.keyRelease(KeyEvent.VK_CONTROL);
			robot.waitForIdle();
		}
		else SwingUtilities.invokeAndWait(() -> {
			Window target = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusedWindow();
			java.awt.Component c = target == w && w.getFocusOwner() != null ? w.getFocusOwner() : w.getRootPane();
			long now = System.currentTimeMillis();
			c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_PRESSED, now, modifiers, key, KeyEvent.CHAR_UNDEFINED));
			c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_RELEASED, now, modifiers, key, KeyEvent.CHAR_UNDEFINED));
		});
		SwingUtilities.invokeAndWait(() -> {});
		System.out.println("KEY " + (ctrl ? "Ctrl+" : "") + KeyEvent.getKeyText(key));
	}

	/** The labels file holds exactly {@code rows} (absent for null) and the window shows {@code current}. */
	private static void expect(LabellingWindow w, Map<String, String> rows, String current, Path labels)
		throws Exception
	{
		long deadline = System.currentTimeMillis() + 5000;
		String problem;
		do {
			problem = null;
			Map<String, String> actual = Files.exists(labels) ? Labels.read(labels).asMap() : null;
			if (rows == null ? actual != null : !rows.equals(actual))
				problem = "labels file holds " + actual + ", expected " + rows;
			AtomicReference<String> shown = new AtomicReference<>();
			SwingUtilities.invokeAndWait(() -> shown.set(w.current() == null ? null : w.current().key()));
			if (problem == null && !current.equals(shown.get()))
				problem = "window shows " + shown.get() + ", expected " + current;
			if (problem == null) {
				System.out.println("OK " + (rows == null ? "{}" : rows) + " showing " + current);
				System.out.println("FILE " + (Files.exists(labels) ? Files.readString(labels).replace("\n", "|") : ""));
				return;
			}
			Thread.sleep(50);
		}
		while (System.currentTimeMillis() < deadline);
		System.out.println("FAIL " + problem);
		System.exit(2);
	}

	private static Map<String, String> map(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
		return m;
	}

	private static void capture(Window w, Path file) throws Exception {
		AtomicReference<Rectangle> bounds = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> bounds.set(w.getBounds()));
		BufferedImage img = new Robot().createScreenCapture(bounds.get());
		Files.createDirectories(file.toAbsolutePath().getParent());
		ImageIO.write(img, "png", file.toFile());
		System.out.println("SCREENSHOT " + file + " " + img.getWidth() + "x" + img.getHeight());
	}
}
