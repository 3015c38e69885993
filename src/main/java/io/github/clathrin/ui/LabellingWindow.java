package io.github.clathrin.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import javax.swing.ActionMap;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.InputMap;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.KeyStroke;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;

import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.LabellingSession;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.task.CancelledException;
import io.github.clathrin.task.Progress;

/**
 * Walks a person through the unlabelled structures of a {@link LabellingSession}: the current structure
 * in 3D with the model's prediction, one button (and key) per class, skip, undo, the counts per class,
 * the order, and "Retrain", which trains in a background {@link SwingWorker} with progress and Cancel.
 * Keys are bound on the root pane for the whole window, so they work whichever control has the focus:
 * Y / N (yes / no), 1..9 (class by number), S (skip), U or Ctrl+Z (undo), arrows (rotate), T / F / R
 * (xy, xz, yz plane), V (3D view), C (colour by z or depth), P (zoom to each structure). All structures
 * are drawn at one nm scale, so sizes compare from one structure to the next, unless P zooms to each.
 */
public final class LabellingWindow extends JFrame {

	private static final long serialVersionUID = 1L;

	/** Degrees per arrow key press. */
	static final double ROTATE_STEP = 15;

	/** Encoder and seed of "Retrain": the fast hand-made features, so that a retrain takes seconds. */
	static final String RETRAIN_ENCODER = "lab";
	static final long RETRAIN_SEED = 1;

	private final transient LabellingSession session;
	private transient StructureRenderer renderer;
	/** The scale and z colours shared by all structures of the session, as in the gallery. */
	private final StructureRenderer common;
	private final JCheckBox perStructureZoom = new JCheckBox("Zoom to each structure (P)");
	private final JLabel orderNote = new JLabel(" ");
	private final JPanel viewerHolder = new JPanel(new BorderLayout());
	private transient StructureViewer viewer;
	private transient View view = View.DEFAULT;
	private transient Structure current;
	private final JLabel title = new JLabel(" ");
	private final JLabel counts = new JLabel(" ");
	private final JLabel status = new JLabel(" ");
	private final JComboBox<LabellingSession.Order> order = new JComboBox<>(LabellingSession.Order.values());
	private final List<JButton> classButtons = new ArrayList<>();
	private final JButton skip = new JButton("Skip (S)");
	private final JButton undo = new JButton("Undo (U)");
	private final JButton retrain = new JButton("Retrain");
	private final JButton cancel = new JButton("Cancel");
	private final JProgressBar progress = new JProgressBar();
	private transient SwingWorker<?, ?> training;
	private volatile boolean cancelRequested;

	/** Builds the window on the event thread; call {@link #setVisible} to show it. */
	public LabellingWindow(LabellingSession session) {
		super("Label Structures - " + session.labelsFile().getFileName());
		this.session = session;
		this.common = Gallery.commonScale(new StructureRenderer(new Legend(session.classNames())),
			session.structures());
		this.renderer = common;
		setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

		title.setFont(title.getFont().deriveFont(Font.BOLD, 14f));
		JPanel top = new JPanel(new BorderLayout(8, 0));
		top.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
		top.add(title, BorderLayout.WEST);
		JPanel orderPanel = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
		orderPanel.add(new JLabel("Order:"));
		order.setSelectedItem(session.order());
		order.addActionListener(e -> {
			session.setOrder((LabellingSession.Order) order.getSelectedItem());
			showNext();
		});
		orderPanel.add(order);
		orderNote.setForeground(new Color(0xB04000));
		orderPanel.add(orderNote);
		top.add(orderPanel, BorderLayout.EAST);

		viewerHolder.setPreferredSize(new Dimension(480, 480));
		viewerHolder.setBackground(Legend.BACKGROUND);
		JPanel viewControls = StructureViewer.controls(getRootPane(), renderer.colouring(), this::showPlane,
			c -> setRenderer(renderer.withColouring(c)));
		perStructureZoom.setFocusable(false);
		perStructureZoom.setToolTipText("Off: every structure at the same nm scale, so sizes compare");
		perStructureZoom.addActionListener(e -> setRenderer(renderer(common, perStructureZoom.isSelected())
			.withColouring(renderer.colouring())));
		viewControls.add(perStructureZoom);
		StructureViewer.bindKey(getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW),
			getRootPane().getActionMap(), "zoom-each", perStructureZoom::doClick, KeyStroke.getKeyStroke(KeyEvent.VK_P, 0));
		JPanel centre = new JPanel(new BorderLayout());
		centre.add(viewControls, BorderLayout.NORTH);
		centre.add(viewerHolder, BorderLayout.CENTER);

		JPanel side = new JPanel();
		side.setLayout(new BoxLayout(side, BoxLayout.Y_AXIS));
		side.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
		JPanel classes = new JPanel(new GridLayout(0, 1, 0, 4));
		List<String> names = session.classNames();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			JButton b = new JButton(buttonText(i, name, session.isYesNo()));
			b.addActionListener(e -> label(name));
			classButtons.add(b);
			classes.add(b);
		}
		classes.add(skip);
		classes.add(undo);
		skip.addActionListener(e -> skip());
		undo.addActionListener(e -> undo());
		side.add(align(classes));
		side.add(Box.createVerticalStrut(12));
		counts.setVerticalAlignment(JLabel.TOP);
		side.add(align(counts));
		side.add(Box.createVerticalStrut(12));
		JPanel train = new JPanel(new GridLayout(0, 1, 0, 4));
		train.add(retrain);
		train.add(progress);
		train.add(cancel);
		retrain.setToolTipText("Train a model on the labels so far and reorder by its uncertainty");
		retrain.addActionListener(e -> retrain());
		cancel.addActionListener(e -> cancelRetrain());
		cancel.setEnabled(false);
		progress.setStringPainted(true);
		progress.setString("");
		side.add(align(train));
		side.add(Box.createVerticalGlue());
		JLabel help = new JLabel("<html>Keys: " + (session.isYesNo() ? "Y yes, N no, " : "")
			+ "1-" + Math.min(9, names.size()) + " class,<br>S skip, U / Ctrl+Z undo,<br>arrows rotate, drag rotates,"
			+ "<br>wheel zooms, T F R: xy xz yz,<br>V 3D, C colour, P zoom each</html>");
		help.setForeground(Color.GRAY);
		side.add(align(help));

		status.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
		add(top, BorderLayout.NORTH);
		add(centre, BorderLayout.CENTER);
		add(side, BorderLayout.EAST);
		add(status, BorderLayout.SOUTH);

		// Buttons and the combo never take the focus, so no focused control swallows a key.
		for (Component c : List.of(skip, undo, retrain, cancel, order)) c.setFocusable(false);
		classButtons.forEach(b -> b.setFocusable(false));
		bindKeys(names);
		showNext();
		pack();
		setLocationByPlatform(true);
	}

	private static String buttonText(int i, String name, boolean yesNo) {
		String key = i < 9 ? String.valueOf(i + 1) : "";
		if (name.equals("yes") && i == 0) key = "Y";
		else if (name.equals("no") && i == 1) key = "N";
		String shown = yesNo ? "CME match: " + name : name;
		return key.isEmpty() ? shown : shown + " (" + key + ")";
	}

	/**
	 * The renderer of the window: every structure at the common scale (so that a 200 nm structure is as
	 * large on screen as the next 200 nm structure), or each fitted on its own (scale and z colours).
	 */
	static StructureRenderer renderer(StructureRenderer common, boolean perStructure) {
		return perStructure ? common.withFieldRadius(Double.NaN).withZRange(Double.NaN) : common;
	}

	private void showPlane(View plane) {
		if (viewer != null) {
			viewer.showPlane(plane);
			view = viewer.getView();
		}
		else view = view.lookingAs(plane);
	}

	private void setRenderer(StructureRenderer r) {
		renderer = r;
		if (viewer != null) viewer.setRenderer(r);
	}

	private static JComponent align(JComponent c) {
		c.setAlignmentX(Component.LEFT_ALIGNMENT);
		c.setMaximumSize(new Dimension(Integer.MAX_VALUE, c.getPreferredSize().height));
		return c;
	}

	private void bindKeys(List<String> names) {
		InputMap in = getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
		ActionMap actions = getRootPane().getActionMap();
		if (session.isYesNo()) {
			StructureViewer.bindKey(in, actions, "yes", () -> label(names.get(0)), KeyStroke.getKeyStroke(KeyEvent.VK_Y, 0));
			StructureViewer.bindKey(in, actions, "no", () -> label(names.get(1)), KeyStroke.getKeyStroke(KeyEvent.VK_N, 0));
		}
		for (int i = 0; i < Math.min(9, names.size()); i++) {
			String name = names.get(i);
			StructureViewer.bindKey(in, actions, "class" + (i + 1), () -> label(name), KeyStroke.getKeyStroke(KeyEvent.VK_1 + i, 0),
				KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD1 + i, 0));
		}
		StructureViewer.bindKey(in, actions, "skip", this::skip, KeyStroke.getKeyStroke(KeyEvent.VK_S, 0));
		StructureViewer.bindKey(in, actions, "undo", this::undo, KeyStroke.getKeyStroke(KeyEvent.VK_U, 0),
			KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK));
		StructureViewer.bindKey(in, actions, "left", () -> rotate(-ROTATE_STEP, 0), KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, 0));
		StructureViewer.bindKey(in, actions, "right", () -> rotate(ROTATE_STEP, 0), KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, 0));
		StructureViewer.bindKey(in, actions, "up", () -> rotate(0, -ROTATE_STEP), KeyStroke.getKeyStroke(KeyEvent.VK_UP, 0));
		StructureViewer.bindKey(in, actions, "down", () -> rotate(0, ROTATE_STEP), KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0));
	}


	/** The structure on screen, or null when every structure is labelled or skipped. */
	public Structure current() {
		return current;
	}

	public LabellingSession session() {
		return session;
	}

	// ---- actions (event thread)

	private void label(String className) {
		if (current == null) return;
		try {
			session.label(current.key(), className);
			status.setText("Labelled " + current.key() + " as " + className + ", saved to " + session.labelsFile()
				+ (session.backup() == null ? "" : " (its other columns are kept in " + session.backup().getFileName() + ")"));
		}
		catch (IOException | RuntimeException e) {
			error("Could not save the label of " + current.key() + " to " + session.labelsFile() + ":\n" + e.getMessage());
			return;
		}
		showNext();
	}

	private void skip() {
		if (current == null) return;
		session.skip(current.key());
		status.setText("Skipped " + current.key());
		showNext();
	}

	private void undo() {
		try {
			Optional<String> key = session.undo();
			status.setText(key.map(k -> "Undone: " + k).orElse("Nothing to undo"));
		}
		catch (IOException | RuntimeException e) {
			error("Could not undo in " + session.labelsFile() + ":\n" + e.getMessage());
			return;
		}
		showNext();
	}

	private void rotate(double yaw, double pitch) {
		if (viewer != null) {
			viewer.rotateBy(yaw, pitch);
			view = viewer.getView();
		}
	}

	private void error(String message) {
		status.setText(message.replace('\n', ' '));
		JOptionPane.showMessageDialog(this, message, "Label Structures", JOptionPane.ERROR_MESSAGE);
	}

	/** Shows the session's next structure (keeping the user's rotation) and refreshes the counts. */
	private void showNext() {
		current = session.next().orElse(null);
		if (viewer != null) view = viewer.getView();
		viewerHolder.removeAll();
		if (current == null) {
			viewer = null;
			JLabel done = new JLabel("All structures are labelled or skipped.", JLabel.CENTER);
			done.setForeground(Color.LIGHT_GRAY);
			viewerHolder.add(done, BorderLayout.CENTER);
			title.setText("Done");
		}
		else {
			Optional<Classification.Prediction> p = session.prediction(current.key());
			Overlay overlay = p.map(pr -> new Overlay(pr.predicted(), pr.probability(), null)).orElse(null);
			viewer = new StructureViewer(current, overlay, renderer, view);
			viewerHolder.add(viewer, BorderLayout.CENTER);
			title.setText(current.key() + (p.isPresent() ? "" : "  (no prediction)"));
		}
		String note = session.orderNote();
		orderNote.setText(note.isEmpty() ? "" : note);
		viewerHolder.revalidate();
		viewerHolder.repaint();
		for (JButton b : classButtons) b.setEnabled(current != null);
		skip.setEnabled(current != null);
		undo.setEnabled(session.canUndo());
		updateCounts();
	}

	private void updateCounts() {
		StringBuilder sb = new StringBuilder("<html><b>Labelled</b><br>");
		for (Map.Entry<String, Integer> e : session.counts().entrySet())
			sb.append(escape(e.getKey())).append(": ").append(e.getValue()).append("<br>");
		sb.append("to label: ").append(session.remaining()).append(" of ").append(session.structures().size())
			.append("</html>");
		counts.setText(sb.toString());
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	// ---- retrain in the background

	private void retrain() {
		if (training != null) return;
		cancelRequested = false;
		retrain.setEnabled(false);
		cancel.setEnabled(true);
		progress.setIndeterminate(true);
		progress.setString("Training...");
		Progress listener = new Progress() {

			@Override
			public void report(String stage, long done, long total) {
				javax.swing.SwingUtilities.invokeLater(() -> {
					if (training == null) return;
					progress.setIndeterminate(total <= 0);
					if (total > 0) progress.setValue((int) Math.round(100.0 * done / total));
					progress.setString(stage);
				});
			}

			@Override
			public boolean isCancelled() {
				return cancelRequested;
			}
		};
		SwingWorker<Void, Void> worker = new SwingWorker<>() {

			@Override
			protected Void doInBackground() {
				session.retrain(RETRAIN_ENCODER, RETRAIN_SEED, listener);
				return null;
			}

			@Override
			protected void done() {
				training = null;
				retrain.setEnabled(true);
				cancel.setEnabled(false);
				progress.setIndeterminate(false);
				progress.setValue(0);
				try {
					get();
					progress.setString("Retrained");
					status.setText("Retrained; predictions and order refreshed");
					showNext();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				catch (ExecutionException e) {
					Throwable cause = e.getCause() != null ? e.getCause() : e;
					if (cause instanceof CancelledException) {
						progress.setString("Cancelled");
						status.setText("Retrain cancelled; the previous predictions stay");
					}
					else {
						progress.setString("Failed");
						error("Retrain failed: " + (cause.getMessage() != null ? cause.getMessage() : cause));
					}
				}
			}
		};
		training = worker;
		worker.execute();
	}

	private void cancelRetrain() {
		// Cooperative: the training loops check Progress.isCancelled between units of work.
		cancelRequested = true;
		cancel.setEnabled(false);
		progress.setString("Cancelling...");
	}

	/** True while a retrain runs; for tests. */
	public boolean isRetraining() {
		return training != null;
	}

	@Override
	public void dispose() {
		cancelRequested = true;
		super.dispose();
	}
}
