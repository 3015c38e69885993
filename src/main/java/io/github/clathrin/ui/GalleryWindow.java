package io.github.clathrin.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;

import io.github.clathrin.task.Progress;

/**
 * The gallery in a window: a scrollable grid of tiles that can be re-sorted, a click on a tile opens
 * its {@link StructureViewer} (or whatever {@link #setOpenAction} says), and "Export PNG/TIFF..." writes the
 * sheet. Tiles render in a background
 * {@link SwingWorker} and appear as they finish, so the window never freezes.
 */
public final class GalleryWindow extends JFrame {

	private static final long serialVersionUID = 1L;

	private final transient Gallery original;
	private transient Gallery gallery;
	private final int tile;
	private final transient Map<String, BufferedImage> tiles = new ConcurrentHashMap<>();
	private final TileGrid grid = new TileGrid();
	private final JLabel status = new JLabel(" ");
	private final JComboBox<Gallery.Sort> sort = new JComboBox<>(Gallery.Sort.values());
	private transient Consumer<Gallery.Entry> openAction = this::openBuiltIn;

	public GalleryWindow(String title, Gallery gallery, Gallery.Sort initialSort, int tile) {
		super(title);
		this.original = gallery;
		this.tile = tile;
		this.gallery = gallery.sortedBy(initialSort);
		setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

		JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 4));
		bar.add(new JLabel("Sort by"));
		sort.setSelectedItem(initialSort);
		sort.addActionListener(e -> resort((Gallery.Sort) sort.getSelectedItem()));
		bar.add(sort);
		JButton export = new JButton("Export PNG/TIFF...");
		export.addActionListener(e -> export());
		bar.add(export);
		bar.add(status);

		JPanel legend = new JPanel() {

			private static final long serialVersionUID = 1L;

			@Override
			protected void paintComponent(Graphics g) {
				gallery().renderer().legend().paintStrip((Graphics2D) g, getWidth(),
					"Click a tile to open it in 3D; corner square: known label differs");
			}
		};
		legend.setPreferredSize(new Dimension(100, Legend.STRIP_HEIGHT));

		JPanel top = new JPanel(new BorderLayout());
		top.add(bar, BorderLayout.NORTH);
		top.add(legend, BorderLayout.SOUTH);
		add(top, BorderLayout.NORTH);
		JScrollPane scroll = new JScrollPane(grid);
		scroll.getViewport().setBackground(Legend.BACKGROUND);
		scroll.getVerticalScrollBar().setUnitIncrement(tile / 4);
		add(scroll, BorderLayout.CENTER);
		setSize(new Dimension(Math.min(6, Math.max(1, gallery.entries().size())) * tile + 40, 4 * tile + 120));
		renderTiles();
	}

	/** Creates and shows the window; call on the event thread. */
	public static GalleryWindow open(String title, Gallery gallery) {
		return open(title, gallery, Gallery.Sort.CLASS);
	}

	/** Creates and shows the window in the given order; call on the event thread. */
	public static GalleryWindow open(String title, Gallery gallery, Gallery.Sort order) {
		GalleryWindow w = new GalleryWindow(title, gallery, order, Gallery.DEFAULT_TILE);
		w.setLocationByPlatform(true);
		w.setVisible(true);
		return w;
	}

	/**
	 * What a click on a tile does; the built-in {@link StructureViewer} unless a caller (the Fiji plugin,
	 * for Fiji's 3D Viewer) says otherwise. Called on the event thread.
	 */
	public void setOpenAction(Consumer<Gallery.Entry> action) {
		openAction = action != null ? action : this::openBuiltIn;
	}

	private void openBuiltIn(Gallery.Entry entry) {
		StructureViewer.open(entry.structure(), entry.overlay(), gallery.renderer(), gallery.view());
	}

	Gallery gallery() {
		return gallery;
	}

	/** Tiles finished so far (for tests and the status line). */
	int renderedTiles() {
		return tiles.size();
	}

	private void resort(Gallery.Sort order) {
		gallery = original.sortedBy(order);
		grid.revalidate();
		grid.repaint();
	}

	/** Renders every tile once in the background; sorting only moves the finished tiles. */
	private void renderTiles() {
		List<Gallery.Entry> entries = original.entries();
		new SwingWorker<Void, Integer>() {

			@Override
			protected Void doInBackground() throws Exception {
				int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
				ExecutorService pool = Executors.newFixedThreadPool(threads);
				try {
					Future<?>[] done = new Future<?>[entries.size()];
					for (int i = 0; i < entries.size(); i++) {
						Gallery.Entry e = entries.get(i);
						done[i] = pool.submit(() -> tiles.put(e.structure().key(), original.renderTile(e, tile)));
					}
					for (int i = 0; i < done.length; i++) {
						if (isCancelled()) break;
						done[i].get();
						publish(i + 1);
					}
				}
				finally {
					pool.shutdownNow();
				}
				return null;
			}

			@Override
			protected void process(List<Integer> chunks) {
				status.setText("Rendered " + chunks.get(chunks.size() - 1) + " of " + entries.size());
				grid.repaint();
			}

			@Override
			protected void done() {
				status.setText(entries.size() + " structures");
				grid.repaint();
			}
		}.execute();
	}

	private void export() {
		JFileChooser chooser = new JFileChooser();
		FileNameExtensionFilter png = new FileNameExtensionFilter("PNG image (.png)", "png"),
			tiff = new FileNameExtensionFilter("TIFF image (.tif, .tiff)", "tif", "tiff");
		chooser.addChoosableFileFilter(png);
		chooser.addChoosableFileFilter(tiff);
		chooser.setFileFilter(png);
		chooser.setSelectedFile(new File("gallery.png"));
		if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
		File file = withExtension(chooser.getSelectedFile(), chooser.getFileFilter() == tiff ? ".tif" : ".png");
		exportTo(file);
	}

	/** The chosen file as typed when it names PNG or TIFF already; otherwise with the chosen type's extension. */
	static File withExtension(File chosen, String extension) {
		try {
			Gallery.ImageFormat.of(chosen.toPath());
			return chosen;
		}
		catch (IllegalArgumentException e) {
			return new File(chosen.getPath() + extension);
		}
	}

	/** Writes the sheet in the current order and column count, in the background. */
	void exportTo(File file) {
		Gallery toWrite = gallery;
		int columns = grid.columns();
		status.setText("Writing " + file.getName() + "...");
		new SwingWorker<Void, Void>() {

			@Override
			protected Void doInBackground() throws Exception {
				toWrite.write(file.toPath(), columns, tile, Progress.NONE);
				return null;
			}

			@Override
			protected void done() {
				try {
					get();
					status.setText("Wrote " + file);
				}
				catch (Exception e) {
					Throwable cause = e.getCause() != null ? e.getCause() : e;
					status.setText("Export failed");
					JOptionPane.showMessageDialog(GalleryWindow.this, "Could not write " + file + ":\n"
						+ cause.getMessage(), "Export gallery", JOptionPane.ERROR_MESSAGE);
				}
			}
		}.execute();
	}

	/** The grid: paints the finished tiles of the current order; as many columns as fit the width. */
	private final class TileGrid extends JPanel implements Scrollable {

		private static final long serialVersionUID = 1L;

		TileGrid() {
			setBackground(Legend.BACKGROUND);
			addMouseListener(new MouseAdapter() {

				@Override
				public void mouseClicked(MouseEvent e) {
					int i = (e.getY() / tile) * columns() + e.getX() / tile;
					if (e.getX() >= columns() * tile || i < 0 || i >= gallery.entries().size()) return;
					openAction.accept(gallery.entries().get(i));
				}
			});
		}

		int columns() {
			int w = getParent() != null ? getParent().getWidth() : getWidth();
			return Math.max(1, w / tile);
		}

		@Override
		public Dimension getPreferredSize() {
			int n = gallery.entries().size();
			return new Dimension(columns() * tile, Gallery.rows(n, columns()) * tile);
		}

		@Override
		protected void paintComponent(Graphics g) {
			super.paintComponent(g);
			Rectangle clip = g.getClipBounds();
			List<Gallery.Entry> entries = gallery.entries();
			int columns = columns();
			for (int i = 0; i < entries.size(); i++) {
				int x = (i % columns) * tile, y = (i / columns) * tile;
				if (clip != null && !clip.intersects(x, y, tile, tile)) continue;
				BufferedImage img = tiles.get(entries.get(i).structure().key());
				if (img != null) g.drawImage(img, x, y, null);
				else {
					g.setColor(Color.DARK_GRAY);
					g.drawRect(x + 2, y + 2, tile - 5, tile - 5);
					g.drawString("rendering\u2026", x + 10, y + tile / 2);
				}
			}
		}

		@Override
		public Dimension getPreferredScrollableViewportSize() {
			return getPreferredSize();
		}

		@Override
		public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
			return tile / 4;
		}

		@Override
		public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
			return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
		}

		@Override
		public boolean getScrollableTracksViewportWidth() {
			return true;
		}

		@Override
		public boolean getScrollableTracksViewportHeight() {
			return false;
		}
	}
}
