package io.github.clathrin.fiji;

import ij.IJ;
import ij.ImageJ;
import ij.Prefs;
import ij.gui.GenericDialog;

import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Run in a child JVM on a display: drives the real Train dialog as a person would (ImageJ running, no
 * macro), from this thread, while the plugin runs on its own: a model file that exists (the "replace?"
 * question, captured into the PNG named by the first argument; "Choose another" and Cancel), a seed
 * that is not a number and an input folder that does not exist (the dialog opens again with the
 * typed values), and the model path remembered only by a run that succeeded. Prints one line per
 * fact for the test to check. Arguments: screenshot PNG, structures folder, labels file, work folder,
 * and the scenario: replace, mistakes, remember, or label (the same for Label Structures... and its window).
 */
public final class DialogProbe {

	static final String TRAIN = "Train Clathrin Model", REPLACE = "Replace Existing File?";

	public static void main(String[] args) {
		try {
			probe(args);
		}
		catch (Throwable e) {
			e.printStackTrace(System.out);
			System.exit(1); // ImageJ's threads would keep this JVM alive
		}
		System.exit(0);
	}

	private static void probe(String[] args) throws Exception {
		Path png = Path.of(args[0]), structures = Path.of(args[1]), labels = Path.of(args[2]), work = Path.of(args[3]);
		new ImageJ(ImageJ.NO_SHOW);
		Path existing = work.resolve("existing.zip");
		Files.writeString(existing, "an earlier model");
		Prefs.set("clathrin.input", structures.toString());
		Prefs.set("clathrin.labels", labels.toString());
		Prefs.set("clathrin.encoder", "pca");
		Prefs.set("clathrin.model", existing.toString());
		Prefs.set("clathrin.box", "200,200,700");

		Path fresh = work.resolve("fresh.zip");
		switch (args[4]) {
			case "replace" -> replace(png, existing);
			case "mistakes" -> mistakes(structures, work, existing, fresh);
			case "remember" -> remember(labels, work, existing, fresh);
			case "label" -> label(work);
			default -> throw new IllegalArgumentException(args[4]);
		}
	}

	/** The model file exists: the question; "Choose another", Cancel, then Replace. */
	private static void replace(Path png, Path existing) throws Exception {
		Thread plugin = start();
		GenericDialog train = dialog(TRAIN);
		text(train, "200,200,700").setText("150,150,600");
		press(train, "OK");
		GenericDialog question = dialog(REPLACE);
		Thread.sleep(1500); // let it paint
		Rectangle r = new Rectangle(question.getLocationOnScreen(), question.getSize());
		Files.createDirectories(png.getParent());
		ImageIO.write(new Robot().createScreenCapture(r), "png", png.toFile());
		System.out.println("QUESTION " + labelsOf(question));
		press(question, "Choose another"); // the dialog again, as the user left it
		train = dialog(TRAIN);
		System.out.println("REOPENED box=" + has(train, "150,150,600") + " model=" + has(train, existing.toString()));
		press(train, "Cancel");
		plugin.join(10_000);
		System.out.println("AFTER CHOOSE ANOTHER existing=" + Files.readString(existing) + " box pref="
			+ Prefs.get("clathrin.box", "?"));

		plugin = start(); // Cancel in the question: nothing written, no dialog again
		press(dialog(TRAIN), "OK");
		press(dialog(REPLACE), "Cancel");
		plugin.join(10_000);
		System.out.println("AFTER CANCEL alive=" + plugin.isAlive() + " existing=" + Files.readString(existing));

		plugin = start(); // Replace: the earlier file becomes the model
		press(dialog(TRAIN), "OK");
		press(dialog(REPLACE), "Replace");
		plugin.join(120_000);
		System.out.println("AFTER REPLACE existing is a zip=" + isZip(existing));
	}

	/** A seed that is not a number, then an input folder that does not exist: each time the dialog comes back as typed. */
	private static void mistakes(Path structures, Path work, Path existing, Path fresh) throws Exception {
		Thread plugin = start();
		GenericDialog train = dialog(TRAIN);
		text(train, existing.toString()).setText(fresh.toString());
		text(train, "1").setText("1x");
		press(train, "OK");
		press(waitFor(ClathrinPlugIn.TITLE), "OK");
		train = dialog(TRAIN);
		System.out.println("REOPENED AFTER NUMBER seed=" + has(train, "1x") + " model=" + has(train, fresh.toString()));
		text(train, "1x").setText("1");
		text(train, structures.toString()).setText(work.resolve("missing").toString());
		press(train, "OK");
		Dialog error = waitFor(ClathrinPlugIn.TITLE);
		System.out.println("ERROR " + messageOf(error).replace('\n', ' '));
		press(error, "OK");
		train = dialog(TRAIN);
		System.out.println("REOPENED AFTER INPUT input=" + has(train, work.resolve("missing").toString()));
		press(train, "Cancel");
		plugin.join(10_000);
	}

	/** A Train that fails leaves the remembered model as it was; one that succeeds remembers its model. */
	private static void remember(Path labels, Path work, Path existing, Path fresh) throws Exception {
		Path unmatched = work.resolve("labels-of-nothing.csv");
		Files.writeString(unmatched, "structure,label\nnone.csv,yes\n");
		Thread plugin = start();
		GenericDialog train = dialog(TRAIN);
		text(train, existing.toString()).setText(fresh.toString());
		endingWith(train, ".csv").setText(unmatched.toString());
		press(train, "OK");
		press(waitFor(ClathrinPlugIn.TITLE), "OK"); // no label matches a structure
		if (showing(TRAIN, 3000)) press(dialog(TRAIN), "Cancel");
		plugin.join(10_000);
		System.out.println("AFTER FAILURE model pref=" + Prefs.get("clathrin.model", "?") + " fresh exists="
			+ Files.exists(fresh));

		plugin = start();
		train = dialog(TRAIN);
		endingWith(train, ".zip").setText(fresh.toString());
		endingWith(train, ".csv").setText(labels.toString());
		press(train, "OK");
		plugin.join(120_000);
		System.out.println("AFTER SUCCESS model pref=" + Prefs.get("clathrin.model", "?") + " fresh is a zip="
			+ isZip(fresh));
	}

	/**
	 * Label Structures...: a model that does not exist is an error, the dialog comes back as typed and, after
	 * Cancel, nothing of it is remembered; without the model the labelling window opens and the values are
	 * remembered.
	 */
	private static void label(Path work) throws Exception {
		String title = "Label Clathrin Structures";
		Prefs.set("clathrin.labels", work.resolve("new-labels.csv").toString()); // never the shared data's labels
		Path missing = work.resolve("missing.zip");
		Thread plugin = start(LabelStructuresPlugin.class);
		GenericDialog gd = dialog(title);
		field(gd, 3).setText(missing.toString()); // input, labels, roi_column, model, classes
		field(gd, 4).setText("pit,vesicle");
		press(gd, "OK");
		Dialog error = waitFor(ClathrinPlugIn.TITLE);
		System.out.println("LABEL ERROR " + messageOf(error).replace('\n', ' '));
		press(error, "OK");
		gd = dialog(title);
		System.out.println("LABEL REOPENED model=" + has(gd, missing.toString()) + " classes=" + has(gd, "pit,vesicle"));
		press(gd, "Cancel");
		plugin.join(10_000);
		System.out.println("LABEL AFTER FAILURE model pref=" + Prefs.get("clathrin.label_model", "?") + " classes pref="
			+ Prefs.get("clathrin.classes", "?"));

		plugin = start(LabelStructuresPlugin.class);
		gd = dialog(title);
		System.out.println("LABEL FRESH model=" + field(gd, 3).getText().isEmpty() + " classes=" + field(gd, 4).getText()
			.isEmpty());
		field(gd, 4).setText("pit,vesicle");
		press(gd, "OK");
		plugin.join(60_000);
		boolean open = false;
		for (int i = 0; i < 100 && !open; i++) {
			Thread.sleep(100);
			for (Window w : Window.getWindows())
				if (w instanceof io.github.clathrin.ui.LabellingWindow l && l.isShowing()) {
					open = true;
					System.out.println("LABEL WINDOW classes=" + l.session().classNames());
					l.dispose();
				}
		}
		System.out.println("LABEL AFTER SUCCESS window=" + open + " classes pref=" + Prefs.get("clathrin.classes", "?"));
	}

	/** The dialog's i-th text field, in the order added. */
	private static TextField field(GenericDialog gd, int i) {
		return (TextField) gd.getStringFields().get(i);
	}

	private static TextField endingWith(GenericDialog gd, String suffix) {
		for (Component c : components(gd))
			if (c instanceof TextField t && t.getText().endsWith(suffix)) return t;
		throw new IllegalStateException("no field ends with " + suffix);
	}

	private static boolean showing(String title, long millis) throws InterruptedException {
		for (long waited = 0; waited < millis; waited += 100) {
			for (Window w : Window.getWindows())
				if (w instanceof Dialog d && d.isShowing() && title.equals(d.getTitle())) return true;
			Thread.sleep(100);
		}
		return false;
	}

	private static Thread start() {
		return start(TrainPlugin.class);
	}

	private static Thread start(Class<?> plugin) {
		Thread t = new Thread(() -> IJ.runPlugIn(plugin.getName(), ""), plugin.getSimpleName());
		t.setDaemon(true);
		t.start();
		return t;
	}

	private static boolean isZip(Path p) throws Exception {
		return Files.exists(p) && Files.size(p) > 4 && Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)
			.startsWith("PK");
	}

	/** The showing dialog with this title (waiting up to 60 s for it); a GenericDialog, or a plain one. */
	private static GenericDialog dialog(String title) throws InterruptedException {
		Dialog d = waitFor(title);
		if (d instanceof GenericDialog gd) return gd;
		throw new IllegalStateException(title + " is a " + d.getClass().getName() + ", not a GenericDialog");
	}

	private static Dialog waitFor(String title) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			for (Window w : Window.getWindows())
				if (w instanceof Dialog d && d.isShowing() && title.equals(d.getTitle())) {
					Thread.sleep(300); // let it finish laying out
					return d;
				}
			Thread.sleep(100);
		}
		StringBuilder open = new StringBuilder();
		for (Window w : Window.getWindows())
			if (w instanceof Dialog d && d.isShowing()) open.append(" '").append(d.getTitle()).append("'");
		throw new IllegalStateException("no dialog '" + title + "' opened; showing:" + open);
	}

	/** The text field that holds {@code current} (a directory field may add a trailing separator). */
	private static TextField text(GenericDialog gd, String current) {
		for (Component c : components(gd))
			if (c instanceof TextField t && holds(t, current)) return t;
		StringBuilder texts = new StringBuilder();
		for (Component c : components(gd))
			if (c instanceof TextField t) texts.append(" '").append(t.getText()).append("'");
		throw new IllegalStateException("no field holds '" + current + "'; fields:" + texts);
	}

	private static boolean has(GenericDialog gd, String current) {
		for (Component c : components(gd))
			if (c instanceof TextField t && holds(t, current)) return true;
		return false;
	}

	private static boolean holds(TextField t, String text) {
		return t.getText().equals(text) || t.getText().equals(text + File.separator);
	}

	private static String labelsOf(Dialog d) {
		StringBuilder sb = new StringBuilder();
		for (Component c : components(d))
			if (c instanceof Button b) sb.append('[').append(b.getLabel()).append(']');
		return sb + " " + messageOf(d).replace('\n', ' ');
	}

	private static String messageOf(Dialog d) {
		StringBuilder sb = new StringBuilder();
		for (Component c : components(d)) {
			if (c instanceof java.awt.Label l) sb.append(l.getText()).append('\n');
			if (c instanceof ij.gui.MultiLineLabel m) sb.append(String.join("\n", linesOf(m))).append('\n');
		}
		return sb.toString().trim();
	}

	/** The text of ImageJ's multi-line label (a canvas that paints its package-private lines). */
	private static String[] linesOf(ij.gui.MultiLineLabel label) {
		try {
			java.lang.reflect.Field f = ij.gui.MultiLineLabel.class.getDeclaredField("lines");
			f.setAccessible(true);
			return (String[]) f.get(label);
		}
		catch (ReflectiveOperationException e) {
			return new String[] { "(" + e + ")" };
		}
	}

	/** Clicks a button the way AWT does: an action event to its listeners, on the event thread. */
	private static void press(Dialog d, String label) throws Exception {
		for (Component c : components(d))
			if (c instanceof Button b && label.equals(b.getLabel().trim())) {
				java.awt.EventQueue.invokeAndWait(() -> {
					for (ActionListener l : b.getActionListeners())
						l.actionPerformed(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, label));
				});
				return;
			}
		throw new IllegalStateException("no button '" + label + "' in '" + d.getTitle() + "': " + labelsOf(d));
	}

	private static java.util.List<Component> components(Container root) {
		java.util.List<Component> out = new java.util.ArrayList<>();
		for (Component c : root.getComponents()) {
			out.add(c);
			if (c instanceof Container inner) out.addAll(components(inner));
		}
		return out;
	}

}
