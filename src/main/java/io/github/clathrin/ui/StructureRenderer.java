package io.github.clathrin.ui;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

import io.github.clathrin.structures.Structure;
import io.github.clathrin.voxels.Volume;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Draws one structure in 3D without OpenGL: a point cloud as splats painted back to front (nearer is
 * larger), a ready volume as a maximum-intensity projection along the view direction, coloured by z with a
 * colour bar (as SMLM software shows 3D data) or shaded by depth (nearer is brighter); with an nm scale bar,
 * an axes glyph and, optionally, the prediction overlay. Uses only
 * {@link BufferedImage} and {@link Graphics2D}, so it works headless; the output depends only on the
 * inputs.
 */
public final class StructureRenderer {

	/** Which quantile of the distances from the median z the z colours span. */
	private static final double Z_REACH_QUANTILE = 0.9;

	/** Round scale bar lengths in nm; the longest that fits a third of the width is used. */
	private static final int[] BAR_LENGTHS_NM = { 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 };

	/** How points are coloured. */
	public enum Colouring {
		/** A hue over z (blue low, red high) with a colour bar in nm, whatever the view direction. */
		Z("z"),
		/** Brightness by distance from the viewer: nearer is brighter. */
		DEPTH("depth");

		private final String text;

		Colouring(String text) {
			this.text = text;
		}

		@Override
		public String toString() {
			return text;
		}
	}

	/** The marker of a structure whose known label differs from the prediction: red, seen at a glance. */
	static final Color DIFFERS = new Color(0xFF1A1A);

	private final Legend legend;
	private final double[] voxelNm;
	private final double fieldRadiusNm;
	private final double zHalfNm;
	private final Colouring colouring;

	/**
	 * A renderer with the given legend; ready volumes are taken to have the voxel size of the study's
	 * default box ({@link VoxelConfig#DEFAULT}), which only matters for the scale bar and aspect.
	 */
	public StructureRenderer(Legend legend) {
		this(legend, VoxelConfig.DEFAULT);
	}

	/** A renderer that draws ready volumes with the voxel size of the given configuration. */
	public StructureRenderer(Legend legend, VoxelConfig voxels) {
		this(legend, new double[] { 2 * voxels.halfX() / voxels.nx(), 2 * voxels.halfY() / voxels.ny(),
			2 * voxels.halfZ() / voxels.nz() }, Double.NaN, Double.NaN, Colouring.Z);
	}

	private StructureRenderer(Legend legend, double[] voxelNm, double fieldRadiusNm, double zHalfNm,
		Colouring colouring)
	{
		this.legend = legend;
		this.voxelNm = voxelNm;
		this.fieldRadiusNm = fieldRadiusNm;
		this.zHalfNm = zHalfNm;
		this.colouring = colouring;
	}

	/**
	 * The same renderer with one scale for every point cloud: at zoom 1 a sphere of this radius (nm)
	 * fills the image, so sizes compare across a gallery. NaN fits each structure on its own.
	 */
	public StructureRenderer withFieldRadius(double nm) {
		if (!Double.isNaN(nm) && !(nm > 0)) throw new IllegalArgumentException("field radius must be positive nm");
		return new StructureRenderer(legend, voxelNm, nm, zHalfNm, colouring);
	}

	/**
	 * The same renderer with one z colour range for every point cloud: from {@code nm} below to {@code nm}
	 * above each structure's centre (rounded up to a round number), so that a colour means the same height in
	 * every tile. NaN spans each structure's own height.
	 */
	public StructureRenderer withZRange(double nm) {
		if (!Double.isNaN(nm) && !(nm > 0)) throw new IllegalArgumentException("z range must be positive nm");
		return new StructureRenderer(legend, voxelNm, fieldRadiusNm, nm, colouring);
	}

	/** The same renderer colouring by z (the default) or by depth. */
	public StructureRenderer withColouring(Colouring c) {
		return new StructureRenderer(legend, voxelNm, fieldRadiusNm, zHalfNm, c);
	}

	/**
	 * How far the localizations reach above and below the structure's median z (nm): the 90th percentile of
	 * their distance in z (the body of the structure, not its stray background localizations, gets the
	 * colours; those beyond are drawn in the end colours). NaN for a ready volume or an empty cloud.
	 */
	public static double zReach(Structure s) {
		double[] p = s.points();
		int n = p.length / 3;
		if (n == 0) return Double.NaN;
		double mz = median(p, 2);
		double[] d = new double[n];
		for (int i = 0; i < n; i++) d[i] = Math.abs(p[3 * i + 2] - mz);
		return quantile(d, Z_REACH_QUANTILE);
	}

	public Colouring colouring() {
		return colouring;
	}

	/** The common field radius (nm) of every point cloud, or NaN when each is fitted on its own. */
	public double fieldRadius() {
		return fieldRadiusNm;
	}

	/**
	 * The radius (nm) around the median that holds 95% of the localizations: what a point cloud is fitted
	 * to, robust to stray background localizations. NaN for a ready volume or an empty cloud.
	 */
	public static double fitRadius(Structure s) {
		double[] p = s.points();
		int n = p.length / 3;
		if (n == 0) return Double.NaN;
		double mx = median(p, 0), my = median(p, 1), mz = median(p, 2);
		double[] dist = new double[n];
		for (int i = 0; i < n; i++)
			dist[i] = Math.sqrt(sq(p[3 * i] - mx) + sq(p[3 * i + 1] - my) + sq(p[3 * i + 2] - mz));
		return Math.max(quantile(dist, 0.95), 20);
	}

	private static double sq(double v) {
		return v * v;
	}

	public Legend legend() {
		return legend;
	}

	/** Renders into a new RGB image of the given size. */
	public BufferedImage render(Structure s, View view, int width, int height, Overlay overlay) {
		return render(s, view, width, height, overlay, null);
	}

	/** Renders into a new RGB image, with a caption (usually the structure key) at the bottom. */
	public BufferedImage render(Structure s, View view, int width, int height, Overlay overlay, String caption) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("image size must be positive");
		BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		try {
			paint(g, s, view, width, height, overlay, caption);
		}
		finally {
			g.dispose();
		}
		return img;
	}

	/** Paints into {@code g} in the rectangle (0, 0, width, height); used by the windows too. */
	public void paint(Graphics2D g, Structure s, View view, int width, int height, Overlay overlay, String caption) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setColor(Legend.BACKGROUND);
		g.fillRect(0, 0, width, height);
		int small = Math.min(width, height);
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(14, small / 14)));
		g.setFont(font);

		double[] r = view.rotation();
		// pxPerNm, then the half range of the z colours in nm (NaN: no colour bar)
		double[] painted = s.hasVolume() ? paintVolume(g, s.volume(), r, view.zoom(), width, height)
			: paintPoints(g, s.points(), r, view.zoom(), width, height, fieldRadiusNm, zHalfNm, colouring);
		double pxPerNm = painted[0];

		// Inside the class frame, and inside the red one when the known label differs.
		int frame = overlay == null ? 0 : frameWidth(width, height) * (overlay.disagrees() ? 2 : 1)
			+ (overlay.disagrees() ? 1 : 0);
		int bottom = height - 3 - frame;
		if (caption != null && !caption.isEmpty()) {
			g.setColor(new Color(0xD0D0D0));
			FontMetrics fm = g.getFontMetrics();
			g.drawString(fitMiddle(caption, fm, width - 12 - 2 * frame), 5 + frame, bottom - fm.getDescent());
			bottom -= fm.getHeight();
		}
		if (pxPerNm > 0) paintScaleBar(g, pxPerNm, width, bottom, frame);
		paintAxes(g, r, width - frame, bottom, small);
		if (colouring == Colouring.Z && painted[1] > 0) paintColourBar(g, painted[1], width, height);
		if (overlay != null) paintOverlay(g, overlay, width, height);
	}

	// ---- point clouds

	/**
	 * Paints the splats and returns the scale in pixels per nm (0 when there is nothing to paint) and the half
	 * range of the z colours in nm (NaN when coloured by depth).
	 */
	private static double[] paintPoints(Graphics2D g, double[] p, double[] r, double zoom, int width, int height,
		double fieldRadiusNm, double zRangeNm, Colouring colouring)
	{
		int n = p.length / 3;
		if (n == 0) {
			noData(g, "no localizations", width, height);
			return new double[] { 0, Double.NaN };
		}
		// Centre on the median, robust to stray background localizations.
		double[] centre = new double[3];
		for (int a = 0; a < 3; a++) centre[a] = median(p, a);
		double[] sx = new double[n], sy = new double[n], depth = new double[n], dist = new double[n], zs = new double[n];
		for (int i = 0; i < n; i++) {
			double x = p[3 * i] - centre[0], y = p[3 * i + 1] - centre[1], z = p[3 * i + 2] - centre[2];
			sx[i] = r[0] * x + r[1] * y + r[2] * z;
			sy[i] = r[3] * x + r[4] * y + r[5] * z;
			depth[i] = r[6] * x + r[7] * y + r[8] * z;
			dist[i] = Math.sqrt(x * x + y * y + z * z);
			zs[i] = z;
		}
		// Fit the 95th percentile radius (not the farthest point) so a few outliers do not shrink the view.
		double radius = Double.isNaN(fieldRadiusNm) ? Math.max(quantile(dist.clone(), 0.95), 20) : fieldRadiusNm;
		double pxPerNm = zoom * 0.45 * Math.min(width, height) / radius;
		double cx = width / 2.0, cy = height / 2.0;
		// With a common range the same colour means the same height in every tile; a structure on its own
		// spans its own height.
		double zHalf = colouring != Colouring.Z ? Double.NaN
			: niceHalfRange(Double.isNaN(zRangeNm) ? quantile(absolute(zs), Z_REACH_QUANTILE) : zRangeNm);

		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		Arrays.sort(order, (a, b) -> a.intValue() == b.intValue() ? 0
			: depth[a] != depth[b] ? Double.compare(depth[a], depth[b]) : Integer.compare(a, b));
		double dLo = quantile(depth.clone(), 0.02), dHi = quantile(depth.clone(), 0.98);
		double span = Math.max(dHi - dLo, 1e-9);
		// Splats about 4 nm in radius (below a typical localization precision), smaller in dense clouds so
		// that the shape, not a white blob, shows; never below about a pixel.
		double base = Math.max(0.7, Math.min(4, 4 * pxPerNm)) * Math.sqrt(Math.min(1, 1000.0 / n) * 0.6 + 0.4);
		g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
		Ellipse2D.Double dot = new Ellipse2D.Double();
		for (int k = 0; k < n; k++) {
			int i = order[k];
			double t = Math.max(0, Math.min(1, (depth[i] - dLo) / span)); // 0 far, 1 near
			double rad = base * (0.55 + 0.9 * t);
			g.setColor(colouring == Colouring.Z ? zColour((zs[i] + zHalf) / (2 * zHalf), t) : depthColour(t));
			dot.setFrame(cx + sx[i] * pxPerNm - rad, cy - sy[i] * pxPerNm - rad, 2 * rad, 2 * rad);
			g.fill(dot);
		}
		g.setComposite(AlphaComposite.SrcOver);
		return new double[] { pxPerNm, zHalf };
	}

	/** The half range of the z colour bar: the given reach rounded up to 25 nm (100 nm past 500 nm). */
	static double niceHalfRange(double reachNm) {
		if (!(reachNm > 25)) return 25;
		double step = reachNm > 500 ? 100 : 25;
		return Math.ceil(reachNm / step - 1e-9) * step;
	}

	/**
	 * The colour of height {@code t} (0 lowest, 1 highest, clamped) on a hue scale from blue-violet through
	 * green and yellow to red, a little darker for far points ({@code near} 0) so that depth still reads.
	 */
	static Color zColour(double t, double near) {
		double c = Math.max(0, Math.min(1, t));
		float hue = (float) (0.72 * (1 - c));
		return Color.getHSBColor(hue, 0.85f, (float) (0.7 + 0.3 * Math.max(0, Math.min(1, near))));
	}

	/** Far points dim blue-grey, near points warm white: depth reads even in grey-scale prints. */
	private static Color depthColour(double t) {
		// From dark slate blue (far) to warm white (near).
		int red = (int) Math.round(70 + 185 * t), green = (int) Math.round(80 + 168 * t),
			blue = (int) Math.round(120 + 105 * t);
		return new Color(clamp(red), clamp(green), clamp(blue));
	}

	// ---- ready volumes

	/**
	 * Maximum-intensity projection: every non-empty voxel is projected along the view direction and each
	 * pixel keeps the largest value that lands on it.
	 */
	private double[] paintVolume(Graphics2D g, Volume v, double[] r, double zoom, int width, int height) {
		int nx = v.nx(), ny = v.ny(), nz = v.nz();
		float[] data = v.data();
		float max = 0;
		for (float f : data) max = Math.max(max, f);
		if (!(max > 0)) {
			noData(g, "empty volume", width, height);
			return new double[] { 0, Double.NaN };
		}
		double hx = nx * voxelNm[0] / 2, hy = ny * voxelNm[1] / 2, hz = nz * voxelNm[2] / 2;
		// Fit the non-empty voxels as point clouds are fitted (95% radius), or use the common field.
		double radius = fieldRadiusNm;
		if (Double.isNaN(radius)) {
			double[] dist = new double[data.length];
			int m = 0;
			for (int i = 0; i < data.length; i++) {
				if (!(data[i] > 0)) continue;
				int x = i % nx, y = (i / nx) % ny, z = i / (nx * ny);
				dist[m++] = Math.sqrt(sq((x + 0.5) * voxelNm[0] - hx) + sq((y + 0.5) * voxelNm[1] - hy)
					+ sq((z + 0.5) * voxelNm[2] - hz));
			}
			radius = Math.max(quantile(Arrays.copyOf(dist, m), 0.95), 20);
		}
		double pxPerNm = zoom * 0.45 * Math.min(width, height) / radius;
		double cx = width / 2.0, cy = height / 2.0;
		// Half the projected voxel footprint, so neighbouring voxels leave no gaps.
		double foot = 0.5 * pxPerNm * Math.cbrt(voxelNm[0] * voxelNm[1] * voxelNm[2]) * 1.2;
		int half = (int) Math.ceil(Math.max(0.5, foot));
		float[] mip = new float[width * height];
		// Depth of the voxel that gave each pixel its maximum (nearest among equals): binary volumes,
		// whose projection is flat, still show their shape.
		double[] near = new double[width * height], heightNm = new double[width * height];
		Arrays.fill(near, Double.NEGATIVE_INFINITY);
		double dLo = Double.POSITIVE_INFINITY, dHi = Double.NEGATIVE_INFINITY;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					float f = data[x + nx * (y + ny * z)];
					if (!(f > 0)) continue;
					double px = (x + 0.5) * voxelNm[0] - hx, py = (y + 0.5) * voxelNm[1] - hy,
						pz = (z + 0.5) * voxelNm[2] - hz;
					int u = (int) Math.round(cx + (r[0] * px + r[1] * py + r[2] * pz) * pxPerNm);
					int w = (int) Math.round(cy - (r[3] * px + r[4] * py + r[5] * pz) * pxPerNm);
					double d = r[6] * px + r[7] * py + r[8] * pz;
					dLo = Math.min(dLo, d);
					dHi = Math.max(dHi, d);
					for (int j = Math.max(0, w - half); j < Math.min(height, w + half); j++)
						for (int i = Math.max(0, u - half); i < Math.min(width, u + half); i++) {
							int k = i + width * j;
							if (f > mip[k] || (f == mip[k] && d > near[k])) {
								mip[k] = f;
								near[k] = d;
								heightNm[k] = pz;
							}
						}
				}
		double span = Math.max(dHi - dLo, 1e-9);
		double zHalf = colouring == Colouring.Z ? niceHalfRange(hz) : Double.NaN;
		BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		int[] argb = new int[width * height];
		for (int i = 0; i < argb.length; i++) {
			if (mip[i] <= 0) continue;
			double t = (mip[i] / max) * (0.35 + 0.65 * (near[i] - dLo) / span);
			Color c = colouring == Colouring.Z ? zColour((heightNm[i] + zHalf) / (2 * zHalf), t) : depthColour(t);
			argb[i] = 0xFF000000 | (c.getRed() << 16) | (c.getGreen() << 8) | c.getBlue();
		}
		layer.setRGB(0, 0, width, height, argb, 0, width);
		g.drawImage(layer, 0, 0, null);
		return new double[] { pxPerNm, zHalf };
	}

	// ---- decorations

	private static void paintScaleBar(Graphics2D g, double pxPerNm, int width, int bottom, int inset) {
		int nm = BAR_LENGTHS_NM[0];
		for (int len : BAR_LENGTHS_NM)
			if (len * pxPerNm <= width / 3.0) nm = len;
		int len = (int) Math.round(nm * pxPerNm);
		FontMetrics fm = g.getFontMetrics();
		int x = 8 + inset, y = bottom - 4;
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
		g.drawLine(x, y, x + len, y);
		g.setStroke(new BasicStroke(1f));
		String label = nm + " nm";
		g.drawString(label, x + Math.max(0, (len - fm.stringWidth(label)) / 2), y - 5);
	}

	/**
	 * Where the z colour bar lies in an image of this size (x, y, width, height), or null when the image is
	 * too small for one.
	 */
	static java.awt.Rectangle colourBarBounds(int width, int height, int lineHeight) {
		if (Math.min(width, height) < 90) return null;
		int w = Math.max(6, Math.min(width, height) / 40), h = Math.max(30, height / 4);
		// Below the two lines of the overlay badge and the bar's own title, so that nothing hides it.
		int frame = frameWidth(width, height), top = frame + 3 * (lineHeight + 2) + 4;
		return new java.awt.Rectangle(width - w - 8 - frame, top, w, h);
	}

	/** A vertical hue bar from -zHalf (bottom) to +zHalf nm (top) about the structure's centre. */
	private static void paintColourBar(Graphics2D g, double zHalf, int width, int height) {
		FontMetrics fm = g.getFontMetrics();
		java.awt.Rectangle b = colourBarBounds(width, height, fm.getHeight());
		if (b == null) return;
		String hi = "+" + Math.round(zHalf), lo = "\u2212" + Math.round(zHalf), unit = "z nm";
		// A dark plate under the bar and its numbers, so points behind them do not hide them.
		int textW = Math.max(fm.stringWidth(hi), fm.stringWidth(lo));
		int px = Math.min(b.x + b.width - fm.stringWidth(unit), b.x - 3 - textW) - 3;
		g.setColor(new Color(Legend.BACKGROUND.getRed(), Legend.BACKGROUND.getGreen(), Legend.BACKGROUND.getBlue(), 190));
		g.fillRect(px, b.y - fm.getHeight() - 2, b.x + b.width + 3 - px, b.height + fm.getHeight() + fm.getDescent() + 4);
		for (int j = 0; j < b.height; j++) {
			g.setColor(zColour(1 - j / (double) (b.height - 1), 1));
			g.fillRect(b.x, b.y + j, b.width, 1);
		}
		g.setColor(new Color(0xD0D0D0));
		g.drawString(unit, b.x + b.width - fm.stringWidth(unit), b.y - 3);
		g.drawString(hi, b.x - 3 - fm.stringWidth(hi), b.y + fm.getAscent() - 1);
		g.drawString(lo, b.x - 3 - fm.stringWidth(lo), b.y + b.height);
	}

	/** A small glyph showing where x, y and z point in this view. */
	private static void paintAxes(Graphics2D g, double[] r, int width, int bottom, int small) {
		double len = Math.max(10, small * 0.07);
		int ox = width - (int) (len + 12), oy = bottom - (int) (len + 6);
		String[] names = { "x", "y", "z" };
		Color[] colours = { new Color(0xE0E0E0), new Color(0xB0B0B0), new Color(0x808080) };
		FontMetrics fm = g.getFontMetrics();
		g.setStroke(new BasicStroke(1.5f));
		for (int a = 0; a < 3; a++) {
			double dx = r[a] * len, dy = -r[3 + a] * len;
			g.setColor(colours[a]);
			g.drawLine(ox, oy, (int) Math.round(ox + dx), (int) Math.round(oy + dy));
			double norm = Math.hypot(dx, dy);
			if (norm < 2) continue; // pointing at the viewer: the letter would sit on the origin
			int lx = (int) Math.round(ox + dx * (1 + 5 / norm)) - fm.stringWidth(names[a]) / 2;
			int ly = (int) Math.round(oy + dy * (1 + 5 / norm)) + fm.getAscent() / 3;
			g.drawString(names[a], lx, ly);
		}
		g.setStroke(new BasicStroke(1f));
	}

	/**
	 * A frame in the class colour and a badge at the top left with the prediction (and the known label when
	 * it agrees); a known label that differs gets a red inner frame and a red line "label differs: ...".
	 */
	private void paintOverlay(Graphics2D g, Overlay o, int width, int height) {
		Color c = legend.colour(o.predicted());
		int frame = frameWidth(width, height);
		g.setColor(c);
		g.setStroke(new BasicStroke(frame));
		g.drawRect(frame / 2, frame / 2, width - frame, height - frame);
		boolean differs = o.disagrees();
		if (differs) {
			// What a reviewer looks for: a red frame inside the class colour, seen across a whole sheet.
			int inner = frame + 1;
			g.setColor(DIFFERS);
			g.setStroke(new BasicStroke(inner));
			g.drawRect(frame + inner / 2, frame + inner / 2, width - 2 * frame - inner, height - 2 * frame - inner);
		}
		g.setStroke(new BasicStroke(1f));

		Font old = g.getFont();
		g.setFont(old.deriveFont(Font.BOLD));
		FontMetrics fm = g.getFontMetrics();
		int room = width - 2 * frame - 8, bh = fm.getHeight() + 2;
		String full = badgeText(o), text = fit(full, fm, room);
		String fullLabel = "label differs: " + o.knownLabel(), label = fit(fullLabel, fm, room);
		// A shortened line spans the tile, and the two lines are as wide as each other, so no gap of
		// background between them and the frame looks like a marker.
		int bw = text.equals(full) ? fm.stringWidth(text) + 8 : width - frame;
		if (differs) bw = Math.max(bw, label.equals(fullLabel) ? fm.stringWidth(label) + 8 : width - frame);
		g.setColor(c);
		g.fillRect(0, 0, bw + frame, bh + frame);
		g.setColor(Legend.textOn(c));
		g.drawString(text, frame + 4, frame + 1 + fm.getAscent());
		if (differs) {
			g.setColor(DIFFERS);
			g.fillRect(0, bh + frame, bw + frame, bh);
			g.setColor(Color.WHITE);
			g.drawString(label, frame + 4, bh + frame + 1 + fm.getAscent());
		}
		g.setFont(old);
	}

	/** "CME match: yes 0.93" for a yes/no model, "vesicle 0.93" otherwise; an agreeing label is added. */
	String badgeText(Overlay o) {
		String s = legend.display(o.predicted()) + " " + String.format(java.util.Locale.ROOT, "%.2f", o.probability());
		return o.knownLabel() == null || o.disagrees() ? s : s + " | label: " + o.knownLabel();
	}

	private static int frameWidth(int width, int height) {
		return Math.max(2, Math.min(width, height) / 60);
	}

	private static void noData(Graphics2D g, String text, int width, int height) {
		g.setColor(Color.GRAY);
		FontMetrics fm = g.getFontMetrics();
		g.drawString(text, (width - fm.stringWidth(text)) / 2, height / 2);
	}

	/**
	 * The text, shortened in the middle with an ellipsis to fit the given width: keys of one data set often
	 * share a long prefix and differ at the end, so cutting the end would make them look the same.
	 */
	static String fitMiddle(String text, FontMetrics fm, int width) {
		if (fm.stringWidth(text) <= width) return text;
		for (int keep = text.length() - 1; keep > 0; keep--) {
			int tail = (keep + 1) / 2 + Math.min(2, keep / 2), head = keep - tail; // the end tells keys apart
			if (head < 0) {
				head = 0;
				tail = keep;
			}
			String s = text.substring(0, head) + "\u2026" + text.substring(text.length() - tail);
			if (fm.stringWidth(s) <= width) return s;
		}
		return "";
	}

	/** The text, shortened with an ellipsis to fit the given width. */
	static String fit(String text, FontMetrics fm, int width) {
		if (fm.stringWidth(text) <= width) return text;
		for (int end = text.length() - 1; end > 0; end--) {
			String s = text.substring(0, end) + "\u2026";
			if (fm.stringWidth(s) <= width) return s;
		}
		return "";
	}

	private static double[] absolute(double[] v) {
		double[] a = new double[v.length];
		for (int i = 0; i < v.length; i++) a[i] = Math.abs(v[i]);
		return a;
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

	private static double median(double[] p, int axis) {
		double[] v = new double[p.length / 3];
		for (int i = 0; i < v.length; i++) v[i] = p[3 * i + axis];
		return quantile(v, 0.5);
	}

	/** Quantile by sorting (the array is sorted in place). */
	private static double quantile(double[] v, double q) {
		Arrays.sort(v);
		return v[(int) Math.min(v.length - 1, Math.round(q * (v.length - 1)))];
	}
}
