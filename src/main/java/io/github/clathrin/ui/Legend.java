package io.github.clathrin.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour of each class, shared by the renderer, the gallery and the windows, and the legend strip
 * that explains it. Colours come from the Okabe-Ito palette, which stays distinguishable for the common
 * forms of colour blindness; "yes" (a CME match) is always orange and "no" always sky blue, so the same
 * answer looks the same in every data set.
 */
public final class Legend {

	/** Okabe-Ito colours, brightest first so that they read on the dark background. */
	static final Color ORANGE = new Color(0xE69F00), SKY_BLUE = new Color(0x56B4E9),
		BLUISH_GREEN = new Color(0x009E73), YELLOW = new Color(0xF0E442), BLUE = new Color(0x0072B2),
		VERMILLION = new Color(0xD55E00), REDDISH_PURPLE = new Color(0xCC79A7);

	private static final Color[] OTHERS = { BLUISH_GREEN, YELLOW, REDDISH_PURPLE, VERMILLION, BLUE };

	/** Colour of structures without a prediction. */
	public static final Color UNKNOWN = new Color(0x999999);

	/** Background of renderings and the gallery. */
	public static final Color BACKGROUND = new Color(0x14161A);

	/** Height of {@link #paintStrip} in pixels. */
	public static final int STRIP_HEIGHT = 28;

	private final Map<String, Color> colours = new LinkedHashMap<>();

	/** A legend for the given class names, in the model's order. */
	public Legend(List<String> classNames) {
		int next = 0;
		for (String name : classNames) {
			Color c = switch (name.toLowerCase(java.util.Locale.ROOT)) {
				case "yes" -> ORANGE;
				case "no" -> SKY_BLUE;
				default -> null;
			};
			if (c == null) c = OTHERS[next++ % OTHERS.length];
			colours.put(name, c);
		}
	}

	/** True for a two-class yes/no model (any case): its classes are shown as "CME match: yes/no". */
	public boolean isYesNo() {
		return colours.size() == 2 && colours.keySet().stream().map(n -> n.toLowerCase(java.util.Locale.ROOT))
			.collect(java.util.stream.Collectors.toSet()).equals(java.util.Set.of("yes", "no"));
	}

	/**
	 * A class as people read it on screen: "CME match: yes" for a yes/no model, the class name itself
	 * otherwise (files keep the labels file's names).
	 */
	public String display(String className) {
		return isYesNo() && className != null ? "CME match: " + className : String.valueOf(className);
	}

	public List<String> classNames() {
		return List.copyOf(colours.keySet());
	}

	/** The colour of a class; grey for null or a class this legend does not know. */
	public Color colour(String className) {
		if (className == null) return UNKNOWN;
		return colours.getOrDefault(className, UNKNOWN);
	}

	/** Black or white, whichever reads better on the given colour. */
	static Color textOn(Color c) {
		double luma = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
		return luma > 140 ? Color.BLACK : Color.WHITE;
	}

	/**
	 * Paints the legend strip: a swatch and name per class, then how to read a tile, across the given
	 * width at the top of {@code g}'s current origin.
	 */
	public void paintStrip(Graphics2D g, int width, String note) {
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0x22252B));
		g.fillRect(0, 0, width, STRIP_HEIGHT);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
		FontMetrics fm = g.getFontMetrics();
		int x = 8, base = (STRIP_HEIGHT + fm.getAscent() - fm.getDescent()) / 2;
		String title = isYesNo() ? "CME match:" : "Predicted class:";
		g.setColor(Color.WHITE);
		g.drawString(title, x, base);
		x += fm.stringWidth(title) + 10;
		for (Map.Entry<String, Color> e : colours.entrySet()) {
			g.setColor(e.getValue());
			g.fillRoundRect(x, (STRIP_HEIGHT - 14) / 2, 22, 14, 5, 5);
			x += 28;
			g.setColor(Color.WHITE);
			g.drawString(e.getKey(), x, base);
			x += fm.stringWidth(e.getKey()) + 16;
		}
		if (note != null && !note.isEmpty()) {
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			FontMetrics nf = g.getFontMetrics();
			int nx = Math.max(x + 8, width - nf.stringWidth(note) - 8);
			if (nx + nf.stringWidth(note) <= width) {
				g.setColor(new Color(0xC8C8C8));
				g.drawString(note, nx, base);
			}
		}
	}
}
