package io.github.clathrin.fiji;

import ij.Macro;
import ij.gui.GenericDialog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a Clathrin dialog adds, in order, named as on {@link GenericDialog}: added to a real dialog,
 * or only listed by macro key (the label's first word, as ImageJ reads it) with the value shown first, so
 * that a test can hold every dialog to its command's parameters without opening a window.
 */
interface DialogFields {

	void addStringField(String label, String value, int columns);

	void addNumericField(String label, double value, int digits);

	void addCheckbox(String label, boolean value);

	void addChoice(String label, String[] items, String value);

	void addFileField(String label, String value);

	void addDirectoryField(String label, String value);

	void addMessage(String text);

	/** The fields go to this dialog. */
	static DialogFields on(GenericDialog gd) {
		return new DialogFields() {

			@Override
			public void addStringField(String label, String value, int columns) {
				gd.addStringField(label, value, columns);
			}

			@Override
			public void addNumericField(String label, double value, int digits) {
				gd.addNumericField(label, value, digits);
			}

			@Override
			public void addCheckbox(String label, boolean value) {
				gd.addCheckbox(label, value);
			}

			@Override
			public void addChoice(String label, String[] items, String value) {
				gd.addChoice(label, items, value);
			}

			@Override
			public void addFileField(String label, String value) {
				gd.addFileField(label, value);
			}

			@Override
			public void addDirectoryField(String label, String value) {
				gd.addDirectoryField(label, value);
			}

			@Override
			public void addMessage(String text) {
				gd.addMessage(text);
			}
		};
	}

	/** The fields by macro key, with the value each shows before the user changes it. */
	final class Listed implements DialogFields {

		final Map<String, Object> values = new LinkedHashMap<>();

		private void add(String label, Object value) {
			String key = Macro.trimKey(label);
			if (values.put(key, value) != null) throw new IllegalStateException("two fields with the macro key " + key);
		}

		@Override
		public void addStringField(String label, String value, int columns) {
			add(label, value);
		}

		@Override
		public void addNumericField(String label, double value, int digits) {
			add(label, value);
		}

		@Override
		public void addCheckbox(String label, boolean value) {
			add(label, value);
		}

		@Override
		public void addChoice(String label, String[] items, String value) {
			add(label, value);
		}

		@Override
		public void addFileField(String label, String value) {
			add(label, value);
		}

		@Override
		public void addDirectoryField(String label, String value) {
			add(label, value);
		}

		@Override
		public void addMessage(String text) {}
	}
}
