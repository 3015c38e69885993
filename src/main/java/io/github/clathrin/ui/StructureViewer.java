package io.github.clathrin.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;

import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.ActionMap;
import javax.swing.InputMap;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRootPane;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;

import io.github.clathrin.structures.Structure;

/**
 * One structure in 3D: drag with the mouse to rotate, turn the wheel to zoom, jump to the xy, xz or yz
 * plane (buttons, keys T, F, R; V back to the 3D view), colour by z or by depth (C); the prediction overlay
 * stays in the corner. Painting a structure takes milliseconds, so it happens on the event thread.
 */
public final class StructureViewer extends JPanel {

	private static final long serialVersionUID = 1L;

	/** Degrees of rotation per pixel of mouse drag. */
	private static final double DEGREES_PER_PIXEL = 0.5;

	private transient StructureRenderer renderer;
	private final transient Structure structure;
	private final transient Overlay overlay;
	private transient View view;

	public StructureViewer(Structure structure, Overlay overlay, StructureRenderer renderer, View view) {
		this.structure = structure;
		this.overlay = overlay;
		this.renderer = renderer;
		this.view = view;
		setPreferredSize(new Dimension(520, 520));
		MouseAdapter mouse = new MouseAdapter() {

			private int lastX, lastY;

			@Override
			public void mousePressed(MouseEvent e) {
				lastX = e.getX();
				lastY = e.getY();
			}

			@Override
			public void mouseDragged(MouseEvent e) {
				rotateBy((e.getX() - lastX) * DEGREES_PER_PIXEL, (e.getY() - lastY) * DEGREES_PER_PIXEL);
				lastX = e.getX();
				lastY = e.getY();
			}

			@Override
			public void mouseWheelMoved(MouseWheelEvent e) {
				zoomBy(Math.pow(1.1, -e.getPreciseWheelRotation()));
			}
		};
		addMouseListener(mouse);
		addMouseMotionListener(mouse);
		addMouseWheelListener(mouse);
		setToolTipText(structure.key() + ": drag to rotate, wheel to zoom");
	}

	/** The planes the buttons and keys jump to, with their labels and keys. */
	static final String[] PLANE_NAMES = { "xy", "xz", "yz", "3D" };
	static final View[] PLANES = { View.XY, View.XZ, View.YZ, View.DEFAULT };
	static final int[] PLANE_KEYS = { KeyEvent.VK_T, KeyEvent.VK_F, KeyEvent.VK_R, KeyEvent.VK_V };

	/** Looks at the structure as {@code plane} does (the zoom stays). */
	public void showPlane(View plane) {
		setView(view.lookingAs(plane));
	}

	public StructureRenderer renderer() {
		return renderer;
	}

	/** Draws with another renderer (another colouring or scale); the view stays. */
	public void setRenderer(StructureRenderer newRenderer) {
		renderer = newRenderer;
		repaint();
	}

	/**
	 * A bar with one button per plane (xy, xz, yz, 3D) and the colouring choice; the keys T, F, R, V and C are
	 * bound in {@code root}'s window and do the same. {@code plane} and {@code colouring} receive the choice.
	 */
	static JPanel controls(JRootPane root, StructureRenderer.Colouring initial, Consumer<View> plane,
		Consumer<StructureRenderer.Colouring> colouring)
	{
		JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
		bar.add(new JLabel("View:"));
		InputMap in = root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
		ActionMap actions = root.getActionMap();
		for (int i = 0; i < PLANES.length; i++) {
			View v = PLANES[i];
			String key = KeyEvent.getKeyText(PLANE_KEYS[i]);
			JButton b = new JButton(PLANE_NAMES[i] + " (" + key + ")");
			b.setFocusable(false);
			b.setMargin(new java.awt.Insets(2, 6, 2, 6));
			b.setToolTipText(i < 3 ? "Look at the " + PLANE_NAMES[i] + " plane" : "Back to the 3D view from the side");
			b.addActionListener(e -> plane.accept(v));
			bar.add(b);
			bindKey(in, actions, "plane-" + PLANE_NAMES[i], () -> plane.accept(v), KeyStroke.getKeyStroke(PLANE_KEYS[i], 0));
		}
		bar.add(new JLabel("  Colour by (C):"));
		JComboBox<StructureRenderer.Colouring> choice = new JComboBox<>(StructureRenderer.Colouring.values());
		choice.setSelectedItem(initial);
		choice.setFocusable(false);
		choice.addActionListener(e -> colouring.accept((StructureRenderer.Colouring) choice.getSelectedItem()));
		bar.add(choice);
		bindKey(in, actions, "colouring", () -> choice.setSelectedIndex((choice.getSelectedIndex() + 1) % choice
			.getItemCount()), KeyStroke.getKeyStroke(KeyEvent.VK_C, 0));
		return bar;
	}

	static void bindKey(InputMap in, ActionMap actions, String name, Runnable r, KeyStroke... keys) {
		for (KeyStroke k : keys) in.put(k, name);
		actions.put(name, new AbstractAction(name) {

			private static final long serialVersionUID = 1L;

			@Override
			public void actionPerformed(ActionEvent e) {
				r.run();
			}
		});
	}

	public View getView() {
		return view;
	}

	public void setView(View newView) {
		view = newView;
		repaint();
	}

	public void rotateBy(double yawDeg, double pitchDeg) {
		setView(view.rotatedBy(yawDeg, pitchDeg));
	}

	public void zoomBy(double factor) {
		setView(view.zoomedBy(factor));
	}

	@Override
	protected void paintComponent(Graphics g) {
		super.paintComponent(g);
		Graphics2D g2 = (Graphics2D) g.create();
		try {
			renderer.paint(g2, structure, view, getWidth(), getHeight(), overlay, structure.key());
		}
		finally {
			g2.dispose();
		}
	}

	/** Opens a window with the structure; call on the event thread. */
	public static JFrame open(Structure structure, Overlay overlay, StructureRenderer renderer, View view) {
		JFrame frame = new JFrame("Structure " + structure.key());
		frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		StructureViewer viewer = new StructureViewer(structure, overlay, renderer, view);
		frame.add(controls(frame.getRootPane(), renderer.colouring(), viewer::showPlane,
			c -> viewer.setRenderer(viewer.renderer().withColouring(c))), BorderLayout.NORTH);
		frame.add(viewer, BorderLayout.CENTER);
		frame.pack();
		frame.setLocationByPlatform(true);
		frame.setVisible(true);
		return frame;
	}
}
