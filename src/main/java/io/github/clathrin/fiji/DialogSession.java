package io.github.clathrin.fiji;

import ij.gui.GenericDialog;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One use of a Clathrin dialog, from opening it until its step has run, possibly over several attempts:
 * what the user typed (so that after a mistake the dialog opens again as they left it) and the values to
 * remember, which go to ImageJ's Prefs only once the step succeeded (a cancelled or failed Train must not
 * leave Classify offering a model that was never written). ImageJ runs each plugin on its own thread, and
 * the plugin waits on that thread for its command, so the session is kept per thread.
 */
final class DialogSession {

	private static final ThreadLocal<DialogSession> CURRENT = new ThreadLocal<>();

	/** The dialog's fields as the user left them in the last attempt; null before the first. */
	private Typed typed;

	/** Values to remember once the step succeeds, by Prefs key. */
	private final Map<String, String> toRemember = new LinkedHashMap<>();

	/** Set when the last attempt ended in a mistake the user can correct in the dialog. */
	private boolean again;

	private DialogSession() {}

	/** The session of this thread's running plugin, or null (a helper called outside a plugin). */
	static DialogSession current() {
		return CURRENT.get();
	}

	/** Runs {@code attempt} until it ends without asking to open the dialog again. */
	static void run(Runnable attempt) {
		DialogSession session = new DialogSession();
		DialogSession outer = CURRENT.get();
		CURRENT.set(session);
		try {
			do {
				session.again = false;
				session.toRemember.clear();
				attempt.run();
			}
			while (session.again);
		}
		finally {
			if (outer == null) CURRENT.remove();
			else CURRENT.set(outer);
		}
	}

	/** Asks the running plugin to open its dialog again, with what the user typed. */
	void openAgain() {
		again = true;
	}

	void remember(String key, String value) {
		toRemember.put(key, value);
	}

	/** The step succeeded: what the dialog held is remembered for next time. */
	void succeeded() {
		toRemember.forEach(ClathrinPlugIn::rememberNow);
		toRemember.clear();
	}

	/** Fills a freshly built dialog with what the user typed last time, if this is not the first attempt. */
	void restore(GenericDialog gd) {
		if (typed != null) typed.applyTo(gd);
	}

	/** Keeps what the user typed in the dialog they just closed with OK. */
	void keep(GenericDialog gd) {
		typed = Typed.of(gd);
	}

	/** The text, number, checkbox and choice fields of a dialog, in the order they were added. */
	private record Typed(List<String> strings, List<String> numbers, List<Boolean> checkboxes, List<String> choices) {

		static Typed of(GenericDialog gd) {
			return new Typed(values(gd.getStringFields(), TextField::getText), values(gd.getNumericFields(),
				TextField::getText), values(gd.getCheckboxes(), Checkbox::getState), values(gd.getChoices(),
					Choice::getSelectedItem));
		}

		void applyTo(GenericDialog gd) {
			apply(gd.getStringFields(), strings, TextField::setText);
			apply(gd.getNumericFields(), numbers, TextField::setText);
			apply(gd.getCheckboxes(), checkboxes, Checkbox::setState);
			apply(gd.getChoices(), choices, (Choice c, String item) -> c.select(item));
		}

		@SuppressWarnings("unchecked")
		private static <C, V> List<V> values(List<?> components, Function<C, V> value) {
			List<V> out = new ArrayList<>();
			if (components != null) for (Object c : components) out.add(value.apply((C) c));
			return out;
		}

		@SuppressWarnings("unchecked")
		private static <C, V> void apply(List<?> components, List<V> values,
			java.util.function.BiConsumer<C, V> set)
		{
			if (components == null) return;
			for (int i = 0; i < components.size() && i < values.size(); i++) set.accept((C) components.get(i), values.get(i));
		}
	}
}
