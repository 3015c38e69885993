package io.github.clathrin.ui;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;

import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.WindowConstants;

import io.github.clathrin.structures.Structure;

/**
 * One structure in 3D: drag with the mouse to rotate, turn the wheel to zoom; the prediction overlay
 * stays in the corner. Painting a structure takes milliseconds, so it happens on the event thread.
 */
public final class StructureViewer extends JPanel {

	private static final long serialVersionUID = 1L;

	/** Degrees of rotation per pixel of mouse drag. */
	private static final double DEGREES_PER_PIXEL = 0.5;

	private final transient StructureRenderer renderer;
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
		setToolTipText("Drag to rotate, wheel to zoom");
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
		frame.add(new StructureViewer(structure, overlay, renderer, view));
		frame.pack();
		frame.setLocationByPlatform(true);
		frame.setVisible(true);
		return frame;
	}
}
