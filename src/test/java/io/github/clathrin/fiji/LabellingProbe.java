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
import javax.swing.SwingUtilities;

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

/**
 * Run in a child JVM on a display (see {@link LabellingWindowTest}): opens the real labelling window on
 * a small simulated data set, types Y, N, U, S as a user would (java.awt.Robot; key events dispatched
 * into the window only if it never gets the focus), checks the labels file after each key, saves a
 * screenshot, then reopens the window, checks that it resumes, and tries Ctrl+Z and a number key. Prints
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

		Thread.sleep(500);
		capture(w, screenshot);
		SwingUtilities.invokeAndWait(w::dispose);

		LabellingWindow again = open(set, labels, predictions);
		focus(again);
		expect(again, map(keys.get(0), "yes"), keys.get(1), labels);
		System.out.println("OK resumed at " + keys.get(1));
		type(robot, again, KeyEvent.VK_Y);
		expect(again, map(keys.get(0), "yes", keys.get(1), "yes"), keys.get(2), labels);
		type(robot, again, KeyEvent.VK_Z, true); // Ctrl+Z undoes too
		expect(again, map(keys.get(0), "yes"), keys.get(1), labels);
		type(robot, again, KeyEvent.VK_2); // the second class by number
		expect(again, map(keys.get(0), "yes", keys.get(1), "no"), keys.get(2), labels);
		SwingUtilities.invokeAndWait(again::dispose);
		System.exit(0);
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
