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
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

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

	private static final String ENCODERS_SECTION = "encoders";

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
		if (CommandParameters.find(type, "encoder_options").isPresent()) addEncoderSection(spec);
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

	/**
	 * A help section before the footer listing every encoder of the registry with its description and
	 * options' defaults. It is written only when help is shown, as a deep encoder's options come from
	 * {@code deep}, which other runs never load (LazyNd4jTest).
	 */
	private static void addEncoderSection(CommandSpec spec) {
		UsageMessageSpec usage = spec.usageMessage();
		Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(usage.sectionMap());
		sections.put(ENCODERS_SECTION, help -> encoderCatalogue());
		usage.sectionMap(sections);
		List<String> keys = new ArrayList<>(usage.sectionKeys());
		keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), ENCODERS_SECTION);
		usage.sectionKeys(keys);
	}

	/** Each encoder, what it is, and its options with their defaults, for -E NAME.KEY=VALUE. */
	static String encoderCatalogue() {
		StringBuilder sb = new StringBuilder(String.format("%nEncoders and their options, defaults shown (-E NAME.KEY=VALUE;%n"
			+ "-E KEY=VALUE sets it for every deep encoder run):%n"));
		for (String name : Encoders.names()) {
			List<String> words = new ArrayList<>(List.of(Encoders.description(name).split(" ")));
			wrap(sb, name, words);
			List<String> options = new ArrayList<>();
			Encoders.options(name).forEach((k, v) -> options.add(k + "=" + (v instanceof List<?> l
				? String.join(",", l.stream().map(String::valueOf).toList()) : v)));
			if (!options.isEmpty()) wrap(sb, "", options);
		}
		return sb.toString();
	}

	/** Words after a 2 + 16 column label, wrapped at picocli's default 80 columns. */
	private static void wrap(StringBuilder sb, String label, List<String> words) {
		StringBuilder line = new StringBuilder(String.format("  %-15s", label));
		int start = line.length();
		for (String w : words) {
			if (line.length() > start && line.length() + 1 + w.length() > 80) {
				sb.append(line).append(System.lineSeparator());
				line = new StringBuilder(" ".repeat(start));
			}
			line.append(' ').append(w);
		}
		sb.append(line).append(System.lineSeparator());
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
		return sb.toString().replace("%", "%%"); // picocli formats descriptions: "1% noise" is text, not a format
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
