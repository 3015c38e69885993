package io.github.clathrin.fiji;

import ij.ImagePlus;
import ij.gui.GenericDialog;

import java.io.File;

import io.github.clathrin.commands.RenderCommand;
import io.github.clathrin.render.CellRendering;
import io.github.clathrin.ui.RenderingImages;

/**
 * Plugins &gt; Clathrin &gt; Render Localizations...: a localization file as a super-resolution image
 * calibrated in nm, coloured by z (hue, with the z colour bar as an overlay) or by density, or as a z-stack;
 * optionally also written as TIFF or PNG. Reading and rendering are {@link RenderCommand}'s; the image is
 * made by {@link RenderingImages}.
 */
public class RenderPlugin extends DialogPlugIn {

	static final String[] METHODS = { RenderCommand.GAUSSIAN, RenderCommand.HISTOGRAM };
	static final String[] COLOURS = { RenderCommand.BY_Z, RenderCommand.BY_DENSITY };

	public RenderPlugin() {
		super("Render Localizations", RenderPlugin::addFields);
	}

	/** The dialog's fields; their macro keys and defaults are the command's (ParametersConsistencyTest). */
	static void addFields(DialogFields gd) {
		gd.addFileField("Input (localization file)", remembered("render_input", ""));
		gd.addNumericField("Pixel_size (camera, nm; 0 = from file)", remembered("pixel_size", 0), 2);
		gd.addChoice("Units", UNITS, remembered("units", UNITS[0]));
		gd.addNumericField("Image_pixel (nm; 0 = automatic, 10-20 nm)", remembered("image_pixel", 0), 1);
		gd.addChoice("Method", METHODS, remembered("render_method", RenderCommand.GAUSSIAN));
		gd.addNumericField("Sigma (nm; 0 = each localization's precision)", remembered("sigma", 0), 1);
		gd.addChoice("Color_by", COLOURS, remembered("color_by", RenderCommand.BY_Z));
		gd.addStringField("Z_min (nm; empty = lowest)", remembered("z_min", ""), 8);
		gd.addStringField("Z_max (nm; empty = highest)", remembered("z_max", ""), 8);
		gd.addNumericField("Z_slices (1 = one image; more = z-stack)", remembered("z_slices", 1), 0);
		gd.addFileField("Output (.tif or .png; empty = only show)", remembered("render_output", ""));
	}

	@Override
	void answered(GenericDialog gd) {
		String input = gd.getNextString();
		double pixel = gd.getNextNumber();
		String units = gd.getNextChoice();
		double imagePixel = gd.getNextNumber();
		String method = gd.getNextChoice();
		double sigma = gd.getNextNumber();
		String colour = gd.getNextChoice();
		String zMinText = gd.getNextString(), zMaxText = gd.getNextString();
		double slices = gd.getNextNumber();
		String output = gd.getNextString();
		if (!numbersValid(gd)) return;
		Double zMin, zMax;
		try {
			zMin = optionalNumber(zMinText);
			zMax = optionalNumber(zMaxText);
		}
		catch (NumberFormatException e) {
			mistake("z_min and z_max must be numbers of nm or empty, got '" + zMinText + "' and '" + zMaxText + "'");
			return;
		}
		if (!mayReplace(file(output))) return;
		remember("render_input", input);
		remember("pixel_size", pixel);
		remember("units", units);
		remember("image_pixel", imagePixel);
		remember("render_method", method);
		remember("sigma", sigma);
		remember("color_by", colour);
		remember("z_min", zMinText.trim());
		remember("z_max", zMaxText.trim());
		remember("z_slices", (int) slices);
		remember("render_output", output);

		RenderCommand done = run(RenderCommand.class, inputs("input", file(input), "pixel_size", positiveOrNull(pixel),
			"units", unitsOrNull(units), "image_pixel", positiveOrNull(imagePixel), "method", method, "sigma",
			positiveOrNull(sigma), "color_by", colour, "z_min", zMin, "z_max", zMax, "z_slices", (int) slices, "output",
			file(output)));
		if (done == null) return;
		showReport(done.getReport());
		show(new File(input.trim()).getName(), done.getRendering());
	}

	/** Shows a rendering as a calibrated image (Open Localizations... shows a whole cell so too). */
	static ImagePlus show(String fileName, CellRendering rendering) {
		ImagePlus imp = RenderingImages.imagePlus(fileName.replaceFirst("\\.[^.]*$", "") + " (rendered)", rendering);
		imp.show();
		return imp;
	}

	private static Double optionalNumber(String text) {
		return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
	}
}
