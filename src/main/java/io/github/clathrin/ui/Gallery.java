package io.github.clathrin.ui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.github.clathrin.pipeline.Classification.Prediction;
import io.github.clathrin.structures.Structure;
import io.github.clathrin.structures.StructureSet;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.PageFiles;
import io.github.clathrin.task.Progress;

/**
 * A grid of rendered structures with their predictions, in a chosen order, with a legend strip on top;
 * written as PNG or TIFF, in pages of {@link #DEFAULT_PAGE} tiles ({@link PageFiles} names them), all at
 * one nm scale. Tiles render in parallel on a bounded pool and are placed in order, so the same
 * inputs always give the same image.
 */
public final class Gallery {

	/** Orders of the tiles. */
	public enum Sort {
		/** Most confident prediction first. */
		PROBABILITY,
		/** Least certain first: smallest margin between the two most probable classes (closest to 0.5). */
		UNCERTAINTY,
		/** Grouped by predicted class in the model's order, most confident first within a class. */
		CLASS,
		/** By structure key, numbers inside keys compared as numbers. */
		NAME;

		@Override
		public String toString() {
			return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
		}

		public static Sort parse(String s) {
			return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
		}
	}

	/** One tile: a structure and its prediction (null when it has none). */
	public record Entry(Structure structure, Prediction prediction) {

		public Overlay overlay() {
			return prediction == null ? null : Overlay.of(prediction);
		}

		/** Difference between the two largest class probabilities; 1 for structures without prediction. */
		public double margin() {
			if (prediction == null) return 1;
			double first = 0, second = 0;
			for (double p : prediction.probabilities()) {
				if (p > first) {
					second = first;
					first = p;
				}
				else if (p > second) second = p;
			}
			return first - second;
		}
	}

	public static final int DEFAULT_TILE = 160;

	/** Tiles per page: a sheet of thousands of structures is too large to open or to read. */
	public static final int DEFAULT_PAGE = 100;

	/** Structures rendered at once: bounds the memory of pending tiles for galleries of thousands. */
	private static final int BATCH = 64;

	private final List<Entry> entries;
	private final StructureRenderer renderer;
	private final View view;

	/** A gallery of the given entries in the given order. */
	public Gallery(List<Entry> entries, StructureRenderer renderer, View view) {
		this.entries = List.copyOf(entries);
		this.renderer = renderer;
		this.view = view;
	}

	/**
	 * A gallery of every structure of the set with its prediction (matched by key), in set order, coloured
	 * by the given class names (the model's).
	 */
	public static Gallery of(StructureSet set, List<Prediction> predictions, List<String> classNames) {
		Map<String, Prediction> byKey = new HashMap<>();
		// A structure that got no class (too few localizations, ...) is drawn as one without a prediction.
		if (predictions != null) for (Prediction p : predictions) if (p.hasClass()) byKey.put(p.key(), p);
		List<Entry> list = new ArrayList<>(set.size());
		for (Structure s : set) list.add(new Entry(s, byKey.get(s.key())));
		return new Gallery(list, commonScale(new StructureRenderer(new Legend(classNames)), list.stream().map(
			Entry::structure).toList()), View.DEFAULT);
	}

	/**
	 * One scale for all tiles, so that a small vesicle looks small next to a wide lattice: the 80th
	 * percentile of the structures' own fit radii (the largest few may overflow their tile a little).
	 * NaN (each tile fitted on its own) when no structure is a point cloud.
	 */
	static double commonRadius(List<Entry> entries) {
		return commonRadius(entries.stream().map(Entry::structure).toList());
	}

	/**
	 * The renderer with one nm scale and one z colour range for all the structures ({@link #commonRadius},
	 * and likewise the 80th percentile of their reach in z), so that sizes and heights compare across tiles.
	 */
	static StructureRenderer commonScale(StructureRenderer renderer, Iterable<Structure> structures) {
		List<Structure> list = new ArrayList<>();
		structures.forEach(list::add);
		double[] z = list.stream().mapToDouble(StructureRenderer::zReach).filter(v -> !Double.isNaN(v))
			.sorted().toArray();
		return renderer.withFieldRadius(commonRadius(list))
			.withZRange(z.length == 0 ? Double.NaN : Math.max(10, z[(int) Math.round(0.8 * (z.length - 1))]));
	}

	/** As {@link #commonRadius(List)} for structures (the labelling window's). */
	static double commonRadius(Iterable<Structure> structures) {
		List<Double> radii = new ArrayList<>();
		for (Structure s : structures) radii.add(StructureRenderer.fitRadius(s));
		double[] r = radii.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
		if (r.length == 0) return Double.NaN;
		return r[(int) Math.round(0.8 * (r.length - 1))];
	}

	public List<Entry> entries() {
		return entries;
	}

	public StructureRenderer renderer() {
		return renderer;
	}

	public View view() {
		return view;
	}

	public Gallery withView(View newView) {
		return new Gallery(entries, renderer, newView);
	}

	/** The same gallery drawn by another renderer (e.g. coloured by depth instead of z). */
	public Gallery withRenderer(StructureRenderer newRenderer) {
		return new Gallery(entries, newRenderer, view);
	}

	/** Number of pages of {@code perPage} tiles (at least 1, even when empty). */
	public int pages(int perPage) {
		if (perPage < 1) throw new IllegalArgumentException("need at least one tile a page");
		return Math.max(1, (entries.size() + perPage - 1) / perPage);
	}

	/** Page {@code page} (1-based) of {@code perPage} tiles, with the same renderer, so the same nm scale. */
	public Gallery page(int page, int perPage) {
		int pages = pages(perPage);
		if (page < 1 || page > pages) throw new IllegalArgumentException("page " + page + " of " + pages);
		int from = (page - 1) * perPage, to = Math.min(entries.size(), from + perPage);
		return new Gallery(entries.subList(from, to), renderer, view);
	}

	/** The same gallery in another order. */
	public Gallery sortedBy(Sort sort) {
		return new Gallery(sorted(entries, sort, renderer.legend().classNames()), renderer, view);
	}

	/** The entries in the given order; ties fall back to the key, so the order is total and stable. */
	public static List<Entry> sorted(List<Entry> entries, Sort sort, List<String> classNames) {
		Comparator<Entry> byKey = (a, b) -> compareNatural(a.structure().key(), b.structure().key());
		Comparator<Entry> predictedFirst = Comparator.comparing(e -> e.prediction() == null);
		Comparator<Entry> confident = Comparator.comparingDouble(
			(Entry e) -> e.prediction() == null ? 0 : e.prediction().probability()).reversed();
		Comparator<Entry> order = switch (sort) {
			case PROBABILITY -> predictedFirst.thenComparing(confident);
			case UNCERTAINTY -> predictedFirst.thenComparingDouble(Entry::margin);
			case CLASS -> predictedFirst.thenComparingInt((Entry e) -> classIndex(e, classNames)).thenComparing(confident);
			case NAME -> (a, b) -> 0;
		};
		List<Entry> out = new ArrayList<>(entries);
		out.sort(order.thenComparing(byKey));
		return out;
	}

	private static int classIndex(Entry e, List<String> classNames) {
		if (e.prediction() == null) return Integer.MAX_VALUE;
		int i = classNames.indexOf(e.prediction().predicted());
		return i < 0 ? classNames.size() : i;
	}

	/** Compares keys so that "s2" comes before "s10". */
	static int compareNatural(String a, String b) {
		int i = 0, j = 0;
		while (i < a.length() && j < b.length()) {
			char ca = a.charAt(i), cb = b.charAt(j);
			if (Character.isDigit(ca) && Character.isDigit(cb)) {
				int si = i, sj = j;
				while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
				while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
				String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
				int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
				if (c != 0) return c;
			}
			else {
				if (ca != cb) return Character.compare(ca, cb);
				i++;
				j++;
			}
		}
		int c = Integer.compare(a.length() - i, b.length() - j);
		return c != 0 ? c : a.compareTo(b);
	}

	/** Columns for a roughly 4:3 sheet. */
	public static int defaultColumns(int n) {
		return Math.max(1, Math.min(n, (int) Math.ceil(Math.sqrt(n * 4.0 / 3.0))));
	}

	public static int rows(int n, int columns) {
		return Math.max(1, (n + columns - 1) / columns);
	}

	/** Renders one tile (the structure with its overlay and key caption). */
	public BufferedImage renderTile(Entry e, int tile) {
		return renderer.render(e.structure(), view, tile, tile, e.overlay(), e.structure().key());
	}

	/**
	 * Renders the whole sheet: a legend strip of {@link Legend#STRIP_HEIGHT} pixels, then
	 * {@code rows x columns} tiles of {@code tile} pixels.
	 */
	public BufferedImage render(int columns, int tile, Progress progress) {
		return render(columns, tile, entries.size() + " structures; red frame: known label differs", progress);
	}

	/** As {@link #render(int, int, Progress)} with the given note in the legend strip. */
	BufferedImage render(int columns, int tile, String note, Progress progress) {
		if (columns < 1 || tile < 16) throw new IllegalArgumentException("need at least 1 column and 16 px tiles");
		int n = entries.size(), rows = rows(n, columns);
		long pixels = (long) columns * tile * ((long) rows * tile + Legend.STRIP_HEIGHT);
		if (pixels > Integer.MAX_VALUE / 2)
			throw new IllegalArgumentException("gallery of " + n + " structures is too large for one image at "
				+ tile + " px tiles; use smaller tiles");
		BufferedImage sheet = new BufferedImage(columns * tile, rows * tile + Legend.STRIP_HEIGHT,
			BufferedImage.TYPE_INT_RGB);
		Graphics2D g = sheet.createGraphics();
		try {
			g.setColor(Legend.BACKGROUND);
			g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
			renderer.legend().paintStrip(g, sheet.getWidth(), note);
			int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
			ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
				Thread t = new Thread(r, "gallery-tile");
				t.setDaemon(true);
				return t;
			});
			try {
				for (int start = 0; start < n; start += BATCH) {
					progress.checkCancelled();
					int end = Math.min(n, start + BATCH);
					List<Future<BufferedImage>> tiles = new ArrayList<>(end - start);
					for (int i = start; i < end; i++) {
						Entry e = entries.get(i);
						tiles.add(pool.submit(() -> renderTile(e, tile)));
					}
					for (int i = start; i < end; i++) {
						BufferedImage t = tiles.get(i - start).get();
						g.drawImage(t, (i % columns) * tile, Legend.STRIP_HEIGHT + (i / columns) * tile, null);
					}
					progress.report("Rendering gallery", end, n);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while rendering the gallery", e);
			}
			catch (ExecutionException e) {
				throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
			}
			finally {
				pool.shutdownNow();
			}
		}
		finally {
			g.dispose();
		}
		return sheet;
	}

	/** Image file types a gallery is written as, chosen by the file name's extension. */
	public enum ImageFormat {
		PNG("png"), TIFF("tiff");

		private final String imageIoName;

		ImageFormat(String imageIoName) {
			this.imageIoName = imageIoName;
		}

		/** PNG for ".png", TIFF for ".tif"/".tiff" (any case); otherwise an explanation. */
		public static ImageFormat of(Path file) {
			String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
			if (name.endsWith(".png")) return PNG;
			if (name.endsWith(".tif") || name.endsWith(".tiff")) return TIFF;
			throw new IllegalArgumentException(file + ": a gallery is written as .png, .tif or .tiff");
		}
	}

	/**
	 * Writes pages of {@link #DEFAULT_PAGE} tiles with {@link #defaultColumns} of a page, PNG or TIFF by
	 * extension, atomically: one page as {@code file}, several as {@code file}'s {@link PageFiles} names.
	 *
	 * @return the files written, in page order
	 */
	public List<Path> write(Path file, int tile, Progress progress) throws IOException {
		return writePages(file, defaultColumns(Math.min(entries.size(), DEFAULT_PAGE)), tile, DEFAULT_PAGE, progress);
	}

	/** What was written, for a log line: "g.png", or "3 pages of 100 structures: g-001.png ... g-003.png". */
	public static String describe(List<Path> written) {
		if (written.size() == 1) return written.get(0).toString();
		return written.size() + " pages of " + DEFAULT_PAGE + " structures: " + written.get(0) + " ... "
			+ written.get(written.size() - 1).getFileName();
	}

	/** As {@link #write(Path, int, Progress)} with the given columns and tiles a page. */
	public List<Path> writePages(Path file, int columns, int tile, int perPage, Progress progress) throws IOException {
		ImageFormat format = ImageFormat.of(file);
		int pages = pages(perPage);
		List<Path> written = new ArrayList<>(pages);
		for (int p = 1; p <= pages; p++) {
			progress.checkCancelled();
			Gallery page = page(p, perPage);
			int first = (p - 1) * perPage + 1;
			String note = pages == 1 ? page.entries.size() + " structures; red frame: known label differs"
				: "page " + p + " of " + pages + ": structures " + first + "-" + (first + page.entries.size() - 1) + " of "
					+ entries.size() + "; red frame: known label differs";
			BufferedImage img = page.render(columns, tile, note, progress);
			Path target = PageFiles.page(file, p, pages);
			AtomicFiles.write(target, out -> writeImage(img, format, out));
			written.add(target);
		}
		return written;
	}

	/**
	 * Writes all tiles on one sheet as PNG or TIFF (chosen by {@link ImageFormat#of}) atomically, never a
	 * half-written file. TIFF is uncompressed RGB, which every reader (ImageJ's own included) opens.
	 */
	public void write(Path file, int columns, int tile, Progress progress) throws IOException {
		ImageFormat format = ImageFormat.of(file);
		BufferedImage img = render(columns, tile, progress);
		AtomicFiles.write(file, out -> writeImage(img, format, out));
	}

	static void writeImage(BufferedImage img, ImageFormat format, java.io.OutputStream out) throws IOException {
		java.util.Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName);
		if (!writers.hasNext()) throw new IOException("no " + format + " writer available in this Java");
		ImageWriter writer = writers.next();
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(ios);
			// The default TIFF parameters copy compression from (absent) metadata: uncompressed RGB strips,
			// which ImageJ's TiffDecoder reads; LZW or Deflate from Java it may not.
			ImageWriteParam param = writer.getDefaultWriteParam();
			writer.write(null, new IIOImage(img, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}
}
