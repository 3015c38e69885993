package io.github.clathrin.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.commands.ClathrinCommand;
import io.github.clathrin.commands.CommandParameters;
import io.github.clathrin.encoders.Encoders;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of one subcommand, made from its SciJava command's parameters ({@link CommandParameters}):
 * {@code roi_column} becomes {@code --roi-column}, help comes from the parameter's description, and an
 * option left out is not passed, so the command's own default applies, as in Fiji. Documented older
 * spellings stay as aliases ({@code --out}, {@code --table}, {@code -E}).
 */
final class CommandOptions {

	/** Inputs the command line may repeat, and what joins the repeats into the command's one text. */
	private static final Map<String, String> REPEATABLE = Map.of("encoder_options", " ", "encoders", ",");
	/** Inputs that name encoders: their help lists the registry's, so an encoder from a plug-in jar shows too. */
	private static final Map<String, String> ENCODER_INPUTS = Map.of("encoder", " One of: ", "encoders", " Any of: ");

	private final Class<? extends ClathrinCommand> type;
	private final Map<String, String[]> aliases = new LinkedHashMap<>();
	private final Set<String> without;
	private final Map<String, OptionSpec> options = new LinkedHashMap<>();

	/**
	 * @param aliases pairs of an input name and its older option names, e.g. {@code "model", "--out"}
	 */
	CommandOptions(Class<? extends ClathrinCommand> type, Set<String> without, String... aliases) {
		this.type = type;
		this.without = without;
		for (int i = 0; i < aliases.length; i += 2) this.aliases.put(aliases[i], aliases[i + 1].split(","));
	}

	CommandOptions(Class<? extends ClathrinCommand> type, String... aliases) {
		this(type, Set.of(), aliases);
	}

	Class<? extends ClathrinCommand> command() {
		return type;
	}

	/** The option of each input, by input name (after {@link #addTo}). */
	Map<String, OptionSpec> options() {
		return options;
	}

	/** Adds an option per input of the command to the subcommand's spec. */
	void addTo(CommandSpec spec) {
		boolean moreInputs = CommandParameters.find(type, "more_inputs").isPresent();
		for (CommandParameters.Input in : CommandParameters.of(type)) {
			String name = in.name();
			if (without.contains(name) || name.equals("more_inputs")) continue; // more_inputs: --input repeated
			List<String> names = new ArrayList<>(List.of(in.option()));
			names.addAll(Arrays.asList(aliases.getOrDefault(name, new String[0])));
			OptionSpec.Builder b = OptionSpec.builder(names.toArray(String[]::new)).description(help(in, moreInputs));
			boolean repeated = REPEATABLE.containsKey(name) || name.equals("input") && moreInputs;
			Class<?> t = boxed(in.type());
			if (repeated) b.type(List.class).auxiliaryTypes(t).arity("1");
			else if (t == Boolean.class) b.type(Boolean.class).arity("0");
			else b.type(t);
			if (t != Boolean.class) b.paramLabel(paramLabel(in));
			OptionSpec o = b.build();
			spec.addOption(o);
			options.put(name, o);
		}
	}

	/** The command inputs the user gave, by name; options left out are absent. */
	Map<String, Object> inputs() {
		Map<String, Object> m = new LinkedHashMap<>();
		options.forEach((name, o) -> {
			Object v = o.getValue();
			if (v == null) return;
			if (v instanceof List<?> list) {
				if (list.isEmpty()) return;
				if (REPEATABLE.containsKey(name))
					m.put(name, String.join(REPEATABLE.get(name), list.stream().map(String::valueOf).toList()));
				else {
					m.put(name, list.get(0));
					if (list.size() > 1) m.put("more_inputs", list.subList(1, list.size()).toArray(File[]::new));
				}
			}
			else m.put(name, v);
		});
		return m;
	}

	private static String help(CommandParameters.Input in, boolean moreInputs) {
		StringBuilder sb = new StringBuilder(in.help().strip());
		if (!sb.isEmpty() && ".)".indexOf(sb.charAt(sb.length() - 1)) < 0) sb.append('.');
		if (in.name().equals("input") && moreInputs) sb.append(" Repeat for several inputs (keys get the file name as "
			+ "prefix).");
		if (!in.choices().isEmpty()) sb.append(" One of: ").append(String.join(", ", in.choices())).append('.');
		if (ENCODER_INPUTS.containsKey(in.name()))
			sb.append(ENCODER_INPUTS.get(in.name())).append(String.join(", ", Encoders.names())).append('.');
		Object d = in.defaultValue();
		if (d != null && !Boolean.FALSE.equals(d) && !"".equals(d)) sb.append(" (default ").append(d).append(')');
		return sb.toString();
	}

	private static String paramLabel(CommandParameters.Input in) {
		Class<?> t = boxed(in.type());
		if (t == File.class) return in.name().equals("input") ? "PATH" : "FILE";
		if (t == Integer.class || t == Long.class) return "N";
		if (t == Double.class) return "X";
		return in.name().toUpperCase(Locale.ROOT);
	}

	private static Class<?> boxed(Class<?> t) {
		if (t == int.class) return Integer.class;
		if (t == long.class) return Long.class;
		if (t == double.class) return Double.class;
		if (t == boolean.class) return Boolean.class;
		if (t == float.class) return Float.class;
		return t;
	}
}
