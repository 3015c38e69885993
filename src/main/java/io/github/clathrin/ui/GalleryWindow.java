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
 * The gallery in a window: a scrollable grid of tiles in pages of {@link Gallery#DEFAULT_PAGE} (Previous /
 * Next, keys Page Up / Page Down, "page 3 of 12"), that can be re-sorted, looked at in the xy, xz or yz plane
 * (keys T, F, R; V the 3D view) and coloured by z or depth (C); a click on a tile opens its
 * {@link StructureViewer} (or whatever {@link #setOpenAction} says), a tile's tooltip gives its full key, and
 * "Export PNG/TIFF..." writes the sheets. The tiles of the page on screen render in a background
 * {@link SwingWorker} and appear as they finish, so the window never freezes and thousands of structures
 * never sit in memory as images.
 */
public final class GalleryWindow extends JFrame {

	private static final long serialVersionUID = 1L;

	private final transient Gallery original;
	private transient Gallery gallery;
	private transient StructureRenderer renderer;
	private transient View view;
	private final int tile;
	private final int perPage = Gallery.DEFAULT_PAGE;
	private int page = 1;
	/** Bumped whenever the tiles on screen change, so a render of an older page stops and is not shown. */
	private volatile int generation;
	private final JLabel pageLabel = new JLabel(" ");
	private final JButton previous = new JButton("\u25C0 Previous");
	private final JButton next = new JButton("Next \u25B6");
	private final JScrollPane scroll;
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
		this.renderer = gallery.renderer();
		this.view = gallery.view();
		setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

		JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 4));
		bar.add(new JLabel("Sort by"));
		sort.setSelectedItem(initialSort);
		sort.addActionListener(e -> resort((Gallery.Sort) sort.getSelectedItem()));
		sort.setFocusable(false);
		bar.add(sort);
		previous.setToolTipText("Previous page (Page Up)");
		next.setToolTipText("Next page (Page Down)");
		for (JButton b : new JButton[] { previous, next }) b.setFocusable(false);
		previous.addActionListener(e -> showPage(page - 1));
		next.addActionListener(e -> showPage(page + 1));
		bar.add(previous);
		bar.add(pageLabel);
		bar.add(next);
		JButton export = new JButton("Export PNG/TIFF...");
		export.setFocusable(false);
		export.addActionListener(e -> export());
		bar.add(export);
		bar.add(status);
		javax.swing.InputMap keys = getRootPane().getInputMap(javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW);
		StructureViewer.bindKey(keys, getRootPane().getActionMap(), "previous-page", () -> showPage(page - 1),
			javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_PAGE_UP, 0));
		StructureViewer.bindKey(keys, getRootPane().getActionMap(), "next-page", () -> showPage(page + 1),
			javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_PAGE_DOWN, 0));
		JPanel viewBar = StructureViewer.controls(getRootPane(), renderer.colouring(), plane -> {
			view = view.lookingAs(plane);
			refreshTiles();
		}, c -> {
			renderer = renderer.withColouring(c);
			refreshTiles();
		});

		JPanel legend = new JPanel() {

			private static final long serialVersionUID = 1L;

			@Override
			protected void paintComponent(Graphics g) {
				gallery().renderer().legend().paintStrip((Graphics2D) g, getWidth(),
					"Click a tile to open it in 3D; red frame: known label differs");
			}
		};
		legend.setPreferredSize(new Dimension(100, Legend.STRIP_HEIGHT));

		JPanel top = new JPanel(new BorderLayout());
		top.add(bar, BorderLayout.NORTH);
		top.add(viewBar, BorderLayout.CENTER);
		top.add(legend, BorderLayout.SOUTH);
		add(top, BorderLayout.NORTH);
		scroll = new JScrollPane(grid);
		scroll.getViewport().setBackground(Legend.BACKGROUND);
		scroll.getVerticalScrollBar().setUnitIncrement(tile / 4);
		add(scroll, BorderLayout.CENTER);
		setSize(new Dimension(Math.max(640, Math.min(6, Math.max(1, gallery.entries().size())) * tile + 40),
			4 * tile + 150));
		showPage(1);
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
		StructureViewer.open(entry.structure(), entry.overlay(), renderer, view);
	}

	Gallery gallery() {
		return gallery;
	}

	/** The page on screen (1-based). */
	public int page() {
		return page;
	}

	public int pages() {
		return gallery.pages(perPage);
	}

	/** "page 3 of 12", as the window shows it. */
	public String pageText() {
		return pageLabel.getText();
	}

	/** Shows page {@code p} (clamped to the pages there are) and renders its tiles. */
	public void showPage(int p) {
		page = Math.max(1, Math.min(pages(), p));
		pageLabel.setText("page " + page + " of " + pages());
		previous.setEnabled(page > 1);
		next.setEnabled(page < pages());
		scroll.getVerticalScrollBar().setValue(0);
		refreshTiles();
	}

	/** The entries of the page on screen, in the current order. */
	List<Gallery.Entry> pageEntries() {
		return gallery.page(page, perPage).entries();
	}

	/** Tiles finished so far (for tests and the status line). */
	public int renderedTiles() {
		return tiles.size();
	}

	private void resort(Gallery.Sort order) {
		gallery = original.sortedBy(order);
		showPage(1);
	}

	/** Drops the tiles on screen and renders those of the current page, view and colouring. */
	private void refreshTiles() {
		generation++;
		tiles.clear();
		grid.revalidate();
		grid.repaint();
		renderTiles();
	}

	/** Renders the tiles of the page on screen in the background. */
	private void renderTiles() {
		int mine = generation;
		List<Gallery.Entry> entries = pageEntries();
		Gallery drawing = gallery.withRenderer(renderer).withView(view);
		int total = gallery.entries().size();
		new SwingWorker<Void, Integer>() {

			@Override
			protected Void doInBackground() throws Exception {
				int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
				ExecutorService pool = Executors.newFixedThreadPool(threads);
				try {
					Future<?>[] done = new Future<?>[entries.size()];
					for (int i = 0; i < entries.size(); i++) {
						Gallery.Entry e = entries.get(i);
						done[i] = pool.submit(() -> {
							if (generation != mine) return; // the page changed meanwhile
							BufferedImage img = drawing.renderTile(e, tile);
							if (generation == mine) tiles.put(e.structure().key(), img);
						});
					}
					for (int i = 0; i < done.length; i++) {
						if (isCancelled() || generation != mine) break;
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
				if (generation != mine) return;
				status.setText("Rendered " + chunks.get(chunks.size() - 1) + " of " + entries.size());
				grid.repaint();
			}

			@Override
			protected void done() {
				if (generation != mine) return;
				status.setText(total + " structures, " + perPage + " a page");
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

	/**
	 * Writes the sheets in the current order, view, colouring and column count, in pages as the window shows
	 * them, in the background.
	 */
	void exportTo(File file) {
		Gallery toWrite = gallery.withRenderer(renderer).withView(view);
		int columns = grid.columns();
		status.setText("Writing " + file.getName() + "...");
		new SwingWorker<Void, Void>() {

			@Override
			protected Void doInBackground() throws Exception {
				written = toWrite.writePages(file.toPath(), columns, tile, perPage, Progress.NONE);
				return null;
			}

			private List<java.nio.file.Path> written;

			@Override
			protected void done() {
				try {
					get();
					status.setText("Wrote " + Gallery.describe(written));
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
			setToolTipText(""); // registers with the tooltip manager; the text is per tile
			addMouseListener(new MouseAdapter() {

				@Override
				public void mouseClicked(MouseEvent e) {
					Gallery.Entry entry = entryAt(e);
					if (entry != null) openAction.accept(entry);
				}
			});
		}

		private Gallery.Entry entryAt(MouseEvent e) {
			List<Gallery.Entry> entries = pageEntries();
			int i = (e.getY() / tile) * columns() + e.getX() / tile;
			if (e.getX() >= columns() * tile || i < 0 || i >= entries.size()) return null;
			return entries.get(i);
		}

		/** The tile's full key (its caption may be shortened) and prediction. */
		@Override
		public String getToolTipText(MouseEvent e) {
			Gallery.Entry entry = entryAt(e);
			if (entry == null) return null;
			Legend legend = renderer.legend();
			String text = entry.structure().key();
			if (entry.prediction() != null) text += ": " + legend.display(entry.prediction().predicted())
				+ String.format(java.util.Locale.ROOT, " %.2f", entry.prediction().probability())
				+ (entry.prediction().knownLabel() == null ? "" : ", label " + entry.prediction().knownLabel());
			return text;
		}

		int columns() {
			int w = getParent() != null ? getParent().getWidth() : getWidth();
			return Math.max(1, w / tile);
		}

		@Override
		public Dimension getPreferredSize() {
			int n = pageEntries().size();
			return new Dimension(columns() * tile, Gallery.rows(n, columns()) * tile);
		}

		@Override
		protected void paintComponent(Graphics g) {
			super.paintComponent(g);
			Rectangle clip = g.getClipBounds();
			List<Gallery.Entry> entries = pageEntries();
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
