package io.github.clathrin.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The one declaration of an action's parameters: the {@code @Parameter} fields of its SciJava command,
 * read through SciJava's {@link CommandInfo}. The name is the field's (snake_case, the macro key), the
 * default its initializer, with label, description, choices and range from the annotation. The command
 * line derives its options from this ({@code roi_column} becomes {@code --roi-column}) and a test holds
 * the Fiji dialogs to it, so a name or default cannot differ between Fiji, macros and the command line.
 */
public final class CommandParameters {

	/** One user-visible input of a command. */
	public record Input(String name, Class<?> type, Object defaultValue, String label, String description,
		List<String> choices, String min, String max)
	{

		/** The command line's spelling of the name: {@code roi_column} gives {@code --roi-column}. */
		public String option() {
			return "--" + name.replace('_', '-');
		}

		/** The description if there is one, else the label; for help texts. */
		public String help() {
			return description != null && !description.isBlank() ? description : label;
		}
	}

	private CommandParameters() {}

	/**
	 * The inputs a user gives, in declaration order (the caller's plumbing, such as the progress listener
	 * and {@code also_writes}, is invisible and left out; so are outputs).
	 */
	public static List<Input> of(Class<? extends Command> type) {
		CommandInfo info = new CommandInfo(type);
		List<Input> inputs = new ArrayList<>();
		for (ModuleItem<?> item : info.inputs()) {
			if (item.getIOType() == ItemIO.OUTPUT || item.getVisibility() == ItemVisibility.INVISIBLE
				|| Context.class.isAssignableFrom(item.getType()) || Service.class.isAssignableFrom(item.getType()))
				continue; // SciJava fills the context and services itself
			List<String> choices = item.getChoices() == null ? List.of() : item.getChoices().stream()
				.map(String::valueOf).toList();
			inputs.add(new Input(item.getName(), item.getType(), item.getDefaultValue(), item.getLabel(),
				item.getDescription(), choices, text(item.getMinimumValue()), text(item.getMaximumValue())));
		}
		return inputs;
	}

	/** The input of that name, if the command has one. */
	public static Optional<Input> find(Class<? extends Command> type, String name) {
		return of(type).stream().filter(i -> i.name().equals(name)).findFirst();
	}

	/** The default of an input (its field's initializer); for a dialog field that shows the same default. */
	public static Object defaultOf(Class<? extends Command> type, String name) {
		return find(type, name).orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no input '"
			+ name + "'")).defaultValue();
	}

	private static String text(Object o) {
		return o == null ? null : String.valueOf(o);
	}
}
