package io.github.clathrin.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import ij.Macro;

import io.github.clathrin.cli.Main;
import io.github.clathrin.commands.BatchCommand;
import io.github.clathrin.commands.ClassifyCommand;
import io.github.clathrin.commands.ClathrinCommand;
import io.github.clathrin.commands.CommandParameters;
import io.github.clathrin.commands.EvaluateCommand;
import io.github.clathrin.commands.InfoCommand;
import io.github.clathrin.commands.LabelCommand;
import io.github.clathrin.commands.OpenCommand;
import io.github.clathrin.commands.ReconstructCommand;
import io.github.clathrin.commands.RenderCommand;
import io.github.clathrin.commands.SegmentCommand;
import io.github.clathrin.commands.ShowStructuresCommand;
import io.github.clathrin.commands.SimulateCommand;
import io.github.clathrin.commands.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One declaration per action: every Fiji dialog field's macro key is an input of the command the dialog
 * runs, showing the command's default, and every command input is a command-line option of the derived
 * name ({@code roi_column}: {@code --roi-column}) with no default of its own, so a name or a default cannot
 * differ between Fiji, macros and the command line. Old documented spellings are aliases of the same option.
 */
class ParametersConsistencyTest {

	/**
	 * A Plugins &gt; Clathrin entry, its command, its subcommand (or null) and the dialog keys beyond the command;
	 * the subcommand runs {@code cliCommand}: the dialog's command, or the command it extends with what Fiji shows.
	 */
	record Action(String menu, Consumer<DialogFields> dialog, Class<? extends ClathrinCommand> command, String cli,
		Set<String> fijiOnly, Class<? extends ClathrinCommand> cliCommand)
	{

		Action(String menu, Consumer<DialogFields> dialog, Class<? extends ClathrinCommand> command, String cli,
			Set<String> fijiOnly)
		{
			this(menu, dialog, command, cli, fijiOnly, command);
		}
	}

	// Label Structures... has no subcommand: labelling happens in its window.
	static final List<Action> ACTIONS = List.of(
		new Action("Open Localizations...", OpenLocalizationsPlugin::addFields, OpenCommand.class, "info", Set.of(),
			InfoCommand.class), // info describes the file; Open also voxelizes its structures to show them
		new Action("Render Localizations...", RenderPlugin::addFields, RenderCommand.class, "render", Set.of()),
		new Action("Simulate Demo Data...", SimulatePlugin::addFields, SimulateCommand.class, "simulate", Set.of()),
		new Action("Train...", TrainPlugin::addFields, TrainCommand.class, "train", Set.of()),
		new Action("Classify", ClassifyPlugin::addFields, ClassifyCommand.class, "classify", Set.of("render")),
		new Action("Batch Classify Cells...", BatchPlugin::addFields, BatchCommand.class, "batch", Set.of()),
		new Action("Evaluate...", EvaluatePlugin::addFields, EvaluateCommand.class, "evaluate", Set.of()),
		new Action("Find Structures...", FindStructuresPlugin::addFields, SegmentCommand.class, "segment",
			Set.of("roi_zip")), // the outlines drawn by the plugin
		new Action("Show Structures in 3D...", ShowStructuresPlugin::addFields, ShowStructuresCommand.class, null,
			Set.of("sort", "gallery", "viewer")), // drawing, done by the plugin
		new Action("Reconstruct...", ReconstructPlugin::addFields, ReconstructCommand.class, "reconstruct", Set.of()),
		new Action("Label Structures...", LabelStructuresPlugin::addFields, LabelCommand.class, null, Set.of()));

	/** Options of a subcommand that are the command line's own (drawing, help), not the command's. */
	static final Map<String, Set<String>> CLI_ONLY = Map.of("evaluate", Set.of("--confusion", "--plot"), "classify",
		Set.of("--render", "--render-sort", "--overlay", "--overlay-pixel"));

	/** The spellings the README and user guide documented before the options were derived, by subcommand. */
	static final Map<String, Map<String, String>> CLI_ALIASES = Map.of(
		"train", Map.of("--out", "model", "-E", "encoder_options", "--encoder-option", "encoder_options"),
		"evaluate", Map.of("-E", "encoder_options", "--encoder-option", "encoder_options", "--json", "json",
			"--dataset", "dataset"),
		"simulate", Map.of("--out", "output"), "classify", Map.of("--out", "output"),
		"batch", Map.of("--out", "output"), "reconstruct",
		Map.of("--out", "output"), "segment", Map.of("--out", "output", "--table", "one_table"), "render",
		Map.of("--out", "output", "--pixel", "image_pixel"));

	@Test
	void everyDialogFieldIsAnInputOfItsCommandWithTheSameDefault() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Action a : ACTIONS) {
			Map<String, Object> fields = fields(a.dialog());
			for (Map.Entry<String, Object> f : fields.entrySet()) {
				String key = f.getKey();
				if (a.fijiOnly().contains(key)) continue;
				CommandParameters.Input in = CommandParameters.find(a.command(), key).orElse(null);
				if (in == null) wrong.add(a.menu() + ": macro key '" + key + "' is no input of " + a.command()
					.getSimpleName() + " " + names(a.command()));
				else if (!sameDefault(key, f.getValue(), in.defaultValue()))
					wrong.add(a.menu() + ": '" + key + "' shows " + f.getValue() + " but " + a.command().getSimpleName()
						+ "'s default is " + in.defaultValue());
			}
		}
		assertEquals(List.of(), wrong);
	}

	@Test
	void everyCommandInputIsAnOptionOfTheDerivedNameWithTheCommandsDefault() {
		CommandLine cli = Main.commandLine();
		List<String> wrong = new ArrayList<>();
		for (Action a : ACTIONS) {
			if (a.cli() == null) continue;
			CommandSpec spec = cli.getSubcommands().get(a.cli()).getCommandSpec();
			for (CommandParameters.Input in : CommandParameters.of(a.cliCommand())) {
				// more_inputs is --input repeated; info takes its file as a positional parameter
				if (in.name().equals("more_inputs") || a.cli().equals("info") && in.name().equals("input")) continue;
				OptionSpec o = spec.findOption(in.option());
				if (o == null) wrong.add(a.cli() + ": no " + in.option() + " for " + in.name());
				else if (o.description().length == 0 || String.join("", o.description()).isBlank())
					wrong.add(a.cli() + ": " + in.option() + " has no help text");
				else if (o.defaultValue() != null || o.initialValue() != null)
					wrong.add(a.cli() + ": " + in.option() + " has a default of its own (" + o.defaultValue() + ", "
						+ o.initialValue() + "); the command's " + in.defaultValue() + " must apply");
			}
			for (OptionSpec o : spec.options()) {
				String longest = o.longestName();
				boolean input = CommandParameters.of(a.cliCommand()).stream().anyMatch(in -> o.names().length > 0
					&& List.of(o.names()).contains(in.option()));
				if (!input && !Set.of("--help", "--version", "--debug").contains(longest)
					&& !CLI_ONLY.getOrDefault(a.cli(), Set.of()).contains(longest))
					wrong.add(a.cli() + ": " + longest + " is declared by the command line itself, not by "
						+ a.cliCommand().getSimpleName());
			}
			CLI_ALIASES.getOrDefault(a.cli(), Map.of()).forEach((alias, name) -> {
				OptionSpec o = spec.findOption(alias);
				if (o == null || !List.of(o.names()).contains("--" + name.replace('_', '-')))
					wrong.add(a.cli() + ": the documented " + alias + " is not an alias of --" + name.replace('_', '-'));
			});
		}
		assertEquals(List.of(), wrong);
	}

	@Test
	void oldMacroKeysNameInputsOfTheirCommand() {
		EvaluatePlugin.MACRO_ALIASES.forEach((old, key) -> assertNotNull(CommandParameters.find(EvaluateCommand.class,
			key).orElse(null), old + " -> " + key));
		assertEquals("dataset=[/d/g.npz] encoders=pca json=[/d/r.json] class_names=a,b ",
			EvaluatePlugin.withCurrentKeys("input=[/d/g.npz] encoders=pca output=[/d/r.json] official_split "
				+ "class_names=a,b "));
		assertEquals("input=[/d/s] json=[/d/output=x.json] ", EvaluatePlugin.withCurrentKeys(
			"input=[/d/s] output=[/d/output=x.json] "));
		assertNull(EvaluatePlugin.withCurrentKeys(null));
	}

	/** The fields a dialog adds, as a macro sees them: from the defaults, not from remembered values. */
	static Map<String, Object> fields(Consumer<DialogFields> dialog) throws InterruptedException {
		DialogFields.Listed listed = new DialogFields.Listed();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		// ImageJ gives macro options only to threads named as its macro threads are.
		Thread t = new Thread(() -> {
			Macro.setOptions(Thread.currentThread(), "listing=fields");
			try {
				dialog.accept(listed);
			}
			catch (Throwable e) {
				failure.set(e);
			}
			finally {
				Macro.setOptions(Thread.currentThread(), null);
			}
		}, "Run$_consistency");
		t.start();
		t.join();
		if (failure.get() != null) throw new AssertionError(failure.get());
		assertTrue(!listed.values.isEmpty());
		return listed.values;
	}

	/** A dialog shows "not given" as 0, an empty field or "from file". */
	static boolean sameDefault(String key, Object dialog, Object command) {
		if (command == null) return dialog == null || "".equals(dialog) || dialog instanceof Double d && d == 0
			|| key.equals("units") && ClathrinPlugIn.UNITS[0].equals(dialog);
		if (command instanceof Number n) return dialog instanceof Number d && d.doubleValue() == n.doubleValue();
		return String.valueOf(command).equals(String.valueOf(dialog));
	}

	private static List<String> names(Class<? extends ClathrinCommand> type) {
		return CommandParameters.of(type).stream().map(CommandParameters.Input::name).toList();
	}
}
