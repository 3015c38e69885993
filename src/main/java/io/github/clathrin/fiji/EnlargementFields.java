package io.github.clathrin.fiji;

import java.util.Map;

import ij.gui.GenericDialog;

import io.github.clathrin.encoders.Encoders;

/**
 * The dialog fields of the plugins that learn (Train, Evaluate) for the deep encoders, augmentation and
 * label spreading, with the same macro keys as the command line's options: epochs, encoder_options,
 * augment, augment_3d, tta, spread. Add them last and read them last.
 */
record EnlargementFields(int epochs, String encoderOptions, int augment, boolean augment3d, boolean tta,
	boolean spread)
{

	static void add(DialogFields gd) {
		String deep = String.join(", ", Encoders.names().stream().filter(Encoders::isDeep).toList());
		gd.addMessage("Deep encoders (" + deep + "), augmentation and label spreading:");
		// 0: not given, so each deep encoder's own default applies (30; 10 inside auto), as on the command line.
		gd.addNumericField("Epochs (deep encoders; 0 = their default)", ClathrinPlugIn.remembered("epochs", 0), 0);
		gd.addStringField("Encoder_options (key=value ...)", ClathrinPlugIn.remembered("encoder_options", ""), 20);
		gd.addNumericField("Augment (copies per structure)", ClathrinPlugIn.remembered("augment", 0), 0);
		gd.addCheckbox("Augment_3d (full 3D rotations)", ClathrinPlugIn.remembered("augment_3d", false));
		gd.addCheckbox("Tta (average predictions over the copies)", ClathrinPlugIn.remembered("tta", false));
		gd.addCheckbox("Spread labels to unlabelled structures", ClathrinPlugIn.remembered("spread", false));
	}

	/** Reads the fields back; call after every earlier field of each kind has been read. */
	static EnlargementFields read(GenericDialog gd) {
		int epochs = (int) gd.getNextNumber();
		String options = gd.getNextString();
		int augment = (int) gd.getNextNumber();
		boolean rotate3d = gd.getNextBoolean(), tta = gd.getNextBoolean(), spread = gd.getNextBoolean();
		return new EnlargementFields(epochs, options, augment, rotate3d, tta, spread);
	}

	void remember() {
		ClathrinPlugIn.remember("epochs", epochs);
		ClathrinPlugIn.remember("encoder_options", encoderOptions);
		ClathrinPlugIn.remember("augment", augment);
		ClathrinPlugIn.remember("augment_3d", augment3d);
		ClathrinPlugIn.remember("tta", tta);
		ClathrinPlugIn.remember("spread", spread);
	}

	/** Puts the command inputs into {@code inputs} and returns it. */
	Map<String, Object> addTo(Map<String, Object> inputs) {
		inputs.put("epochs", epochs > 0 ? epochs : null);
		inputs.put("encoder_options", encoderOptions);
		inputs.put("augment", augment);
		inputs.put("augment_3d", augment3d);
		inputs.put("tta", tta);
		inputs.put("spread", spread);
		return inputs;
	}
}
