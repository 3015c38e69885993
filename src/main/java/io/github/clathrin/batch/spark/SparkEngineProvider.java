package io.github.clathrin.batch.spark;

import io.github.clathrin.batch.Engine;
import io.github.clathrin.batch.EngineProvider;
import io.github.clathrin.batch.EngineSettings;
import io.github.clathrin.task.InputException;

/**
 * The Spark engine by name, found by {@code batch.Engines} through {@link java.util.ServiceLoader}: it names
 * itself without loading a class of Spark (or of {@link SparkEngine}), so listing the engines costs nothing.
 */
public final class SparkEngineProvider implements EngineProvider {

	@Override
	public String name() {
		return SparkEngine.NAME; // a constant: compiled in, SparkEngine stays unloaded
	}

	@Override
	public String description() {
		return "Apache Spark, one task per cell (--master local[*], spark://host:7077, yarn; or spark-submit)";
	}

	@Override
	public Engine create(EngineSettings settings) {
		try {
			Class.forName("org.apache.spark.SparkContext", false, SparkEngineProvider.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError e) {
			throw new InputException("the Spark engine needs Apache Spark on the class path: run the job jar with "
				+ "spark-submit, or ./clathrin batch ... --engine spark (see docs/scale.md)");
		}
		return new SparkEngine(settings.master());
	}
}
