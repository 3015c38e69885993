package io.github.clathrin.commands;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.render.CellRendering;
import io.github.clathrin.render.RenderOptions;
import io.github.clathrin.render.Renderer;
import io.github.clathrin.render.RenderingWriter;
import io.github.clathrin.task.InputException;

/**
 * Renders a localization file as a super-resolution image ({@link Renderer}): Gaussian or histogram,
 * coloured by z or by density, or a z-stack; written as a calibrated TIFF or a PNG when an output is given,
 * and kept as {@link #getRendering()} for Fiji to show.
 */
@Plugin(type = Command.class, label = "Render localizations")
public class RenderCommand extends ReadingCommand {

	public static final String GAUSSIAN = "gaussian", HISTOGRAM = "histogram", BY_Z = "z", BY_DENSITY = "density";

	@Parameter(label = "Localization file", description = "The localization file (a whole cell or a field).")
	private File input;

	@Parameter(label = "Image pixel (nm)", required = false, persist = false,
		description = "Pixel size of the image in nm; empty: the cell fits in about 2000 pixels, at 10 nm for cells up "
			+ "to 20 um, 10-20 nm up to 40 um, coarser beyond.")
	private Double image_pixel;

	@Parameter(label = "Method", persist = false, choices = { GAUSSIAN, HISTOGRAM },
		description = "gaussian: each localization a normalised Gaussian of its precision; histogram: one count in "
			+ "its pixel.")
	private String method = GAUSSIAN;

	@Parameter(label = "Sigma (nm)", required = false, persist = false,
		description = "Gaussian sigma in nm for every localization; empty: each localization's precision column "
			+ "(ThunderSTORM's uncertainty_xy, SMAP's locprecnm...), or 10 nm if the file has none.")
	private Double sigma;

	@Parameter(label = "Color by", persist = false, choices = { BY_Z, BY_DENSITY },
		description = "z: hue from the mean z of each pixel (blue lowest, red highest) with a colour bar; density: "
			+ "brightness only. A 2D file is coloured by density.")
	private String color_by = BY_Z;

	@Parameter(label = "Z min (nm)", required = false, persist = false,
		description = "Lowest z drawn in nm; empty: the file's lowest.")
	private Double z_min;

	@Parameter(label = "Z max (nm)", required = false, persist = false,
		description = "Highest z drawn in nm; empty: the file's highest.")
	private Double z_max;

	@Parameter(label = "Z slices", persist = false, min = "1",
		description = "1: one image; more: a z-stack of that many slices of equal thickness over the z range.")
	private int z_slices = 1;

	@Parameter(label = "Output image", required = false, persist = false,
		description = "Where to write the image: .tif (calibrated in nm; ImageJ reads it) or .png (with a scale bar "
			+ "and the z colour bar); empty: nothing written.")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Rendering")
	private CellRendering rendering;

	@Override
	protected void execute() {
		existingFile(given(input, "localization file", "input"), "localization file");
		checkCallerOutputs(new OutputCheck().reads(input, "input")).file(output, "output");
		RenderingWriter.Format format = null;
		if (output != null) {
			format = RenderingWriter.Format.of(output.toPath());
			if (format == null) throw new InputException("output " + output + ": write the image as .tif, .tiff or .png");
			if (format == RenderingWriter.Format.PNG && z_slices > 1)
				throw new InputException("output " + output + ": a z-stack is written as .tif (a PNG holds one image)");
		}
		RenderOptions options = options();
		LocalizationTable table;
		try {
			table = LocalizationReaders.read(input.toPath(), readOptions(), progress());
		}
		catch (IOException e) {
			throw StructureInput.unreadable(input, e);
		}
		try { // an image too large to hold is the user's choice of pixel: say so before any work
			Renderer.gridFor(table, Double.isNaN(options.pixelNm()) ? Renderer.automaticPixel(table) : options.pixelNm());
		}
		catch (IllegalArgumentException e) {
			throw new InputException(input + ": " + e.getMessage() + " (image_pixel, --pixel)");
		}
		rendering = Renderer.render(table, options, progress());
		report = describe(table, rendering);
		if (output == null) return;
		try {
			RenderingWriter.find().write(output.toPath(), input.getName(), rendering);
		}
		catch (IOException e) {
			throw new InputException(output + ": cannot write the image (" + e.getMessage() + ")", e);
		}
		report += "\nImage written to " + output + (format == RenderingWriter.Format.TIFF ? " (calibrated in nm)" : "");
	}

	/** The options the user gave, checked. */
	private RenderOptions options() {
		RenderOptions.Method m;
		RenderOptions.ColourBy c;
		try {
			m = RenderOptions.Method.parse(method == null ? GAUSSIAN : method);
		}
		catch (IllegalArgumentException e) {
			throw new InputException("method must be " + GAUSSIAN + " or " + HISTOGRAM + ", got '" + method + "'");
		}
		try {
			c = RenderOptions.ColourBy.parse(color_by == null ? BY_Z : color_by);
		}
		catch (IllegalArgumentException e) {
			throw new InputException("color_by must be " + BY_Z + " or " + BY_DENSITY + ", got '" + color_by + "'");
		}
		if (image_pixel != null && !(image_pixel > 0 && image_pixel < 1e6))
			throw new InputException("image_pixel must be a positive number of nm, got " + image_pixel);
		if (sigma != null && !(sigma > 0 && sigma < 1e6))
			throw new InputException("sigma must be a positive number of nm, got " + sigma);
		if (z_min != null && z_max != null && !(z_min < z_max))
			throw new InputException("z_min must be below z_max, got " + z_min + " and " + z_max);
		if (z_min != null && !Double.isFinite(z_min) || z_max != null && !Double.isFinite(z_max))
			throw new InputException("z_min and z_max must be numbers of nm");
		inRange(z_slices, 1, RenderOptions.MAX_Z_SLICES, "z_slices");
		return new RenderOptions(nanIfNull(image_pixel), m, nanIfNull(sigma), c, nanIfNull(z_min), nanIfNull(z_max),
			z_slices);
	}

	private static double nanIfNull(Double d) {
		return d == null ? Double.NaN : d;
	}

	/** What was drawn, how, and where it lies: the report. */
	static String describe(LocalizationTable table, CellRendering r) {
		var g = r.grid();
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Rendered %,d of %,d localizations of %s: %d x %d "
			+ "pixels of %s nm (x %.1f to %.1f nm, y %.1f to %.1f nm)", r.drawn(), r.total(), table.source().getFileName(),
			g.width(), g.height(), number(g.pixelNm()), g.originX(), g.x(g.width()), g.originY(), g.y(g.height())));
		if (!r.sigma().isEmpty()) sb.append("\nGaussian, ").append(r.sigma());
		else sb.append("\nHistogram (one count per localization)");
		if (r.isStack()) sb.append(String.format(Locale.ROOT, "\nz-stack of %d slices of %.1f nm from z %.1f to %.1f nm",
			r.slices().size(), r.sliceThicknessNm(), r.zMin(), r.zMax()));
		else if (r.colouredByZ()) sb.append(String.format(Locale.ROOT, "\nColoured by z: blue %.1f nm to red %.1f nm",
			r.zMin(), r.zMax()));
		else sb.append(table.is3D() ? "\nColoured by density" : "\nColoured by density (a 2D file has no z)");
		return sb.toString();
	}

	private static String number(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
	}

	/** The rendering, for Fiji to show; null until the command ran. */
	public CellRendering getRendering() {
		return rendering;
	}
}
