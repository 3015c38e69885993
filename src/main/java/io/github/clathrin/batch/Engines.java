package io.github.clathrin.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import io.github.clathrin.task.InputException;

/**
 * The engines a batch can run on, found by {@link ServiceLoader} ({@link EngineProvider}) on this class's own
 * class loader, in the order of the services files: {@code local} always, {@code spark} where its package is
 * present. Nothing of an engine loads until it is created by name, so the local engine never touches Spark.
 */
public final class Engines {

	private Engines() {}

	public static List<EngineProvider> all() {
		List<EngineProvider> out = new ArrayList<>();
		ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader()).forEach(out::add);
		return out;
	}

	public static List<String> names() {
		return all().stream().map(EngineProvider::name).toList();
	}

	/** The engine of this name, started with these settings. */
	public static Engine create(String name, EngineSettings settings) {
		String n = name == null || name.isBlank() ? LocalEngine.NAME : name.strip();
		for (EngineProvider p : all())
			if (p.name().equalsIgnoreCase(n)) return p.create(settings);
		throw new InputException("unknown engine '" + n + "': use one of " + String.join(", ", names()));
	}
}
