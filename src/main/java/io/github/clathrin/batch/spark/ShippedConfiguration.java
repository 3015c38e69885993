package io.github.clathrin.batch.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration on the executors (Hadoop's {@link Configuration} is Writable, not
 * Serializable): the file systems, credentials and {@code spark.hadoop.*} settings the driver has, so that a
 * task opens {@code hdfs://} or {@code s3a://} as the driver does.
 */
final class ShippedConfiguration implements Serializable {

	private static final long serialVersionUID = 1L;

	private transient Configuration conf;

	ShippedConfiguration(Configuration conf) {
		this.conf = conf;
	}

	Configuration get() {
		return conf;
	}

	private void writeObject(ObjectOutputStream out) throws IOException {
		out.defaultWriteObject();
		conf.write(out);
	}

	private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
		in.defaultReadObject();
		conf = new Configuration(false);
		conf.readFields(in);
	}
}
