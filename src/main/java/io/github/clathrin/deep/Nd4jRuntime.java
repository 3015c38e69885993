package io.github.clathrin.deep;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Starts ND4J once, on demand, with the oneDNN native build and without relying on the thread's
 * context class loader. Inside Fiji, plugins live in their own class loader and ND4J's ServiceLoader
 * lookup of its backend has failed there before; here the backend is found through the class loader
 * that loaded this class, which also holds the ND4J jars. Nothing else in the project touches ND4J
 * before {@link #start()}, so commands that only use PCA, k-means or hand-made features never load it.
 */
public final class Nd4jRuntime {

	/** JavaCPP's switch between native builds of the same library (the classifier's suffix). */
	static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";

	/** Where the oneDNN natives of ND4J sit inside the nd4j-native linux-x86_64-onednn jar. */
	static final String ONEDNN_NATIVES = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/";

	private static volatile String backendDescription;

	private Nd4jRuntime() {}

	/** Work that may throw a checked exception, for {@link #withOwnClassLoader}. */
	@FunctionalInterface
	interface Work<T, E extends Exception> {
		T run() throws E;
	}

	/**
	 * Runs {@code work} with the loader of our classes as the thread's context class loader, restoring the
	 * caller's afterwards. DL4J's JSON reads our own loss function and layers ({@code VoxelMeanCrossEntropy},
	 * {@code KlSparsityLayer}) by class name through the context class loader, or else through its own loader;
	 * in ImageJ with the libraries on the class path and our jar in plugins/ neither sees them, and loading a
	 * model failed as "configuration may have a custom layer".
	 */
	static <T, E extends Exception> T withOwnClassLoader(Work<T, E> work) throws E {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(Nd4jRuntime.class.getClassLoader());
		try {
			return work.run();
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** Whether ND4J has been started in this JVM by {@link #start()}. */
	public static boolean isStarted() {
		return backendDescription != null;
	}

	/**
	 * Starts ND4J if it is not running yet and returns a one-line description of the backend.
	 *
	 * @throws IllegalStateException if no ND4J backend can be loaded on this machine
	 */
	public static synchronized String start() {
		if (backendDescription != null) return backendDescription;
		ClassLoader own = Nd4jRuntime.class.getClassLoader();
		boolean onednn = own.getResource(ONEDNN_NATIVES + "libnd4jcpu.so") != null;
		if (onednn && System.getProperty(PLATFORM_EXTENSION) == null) System.setProperty(PLATFORM_EXTENSION, "-onednn");
		ND4JClassLoading.setNd4jClassloader(own);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(own);
		try {
			Nd4jBackend backend = Nd4j.getBackend();
			Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
			String build = backend.buildInfo();
			boolean hasOneDnn = build != null && build.toUpperCase().contains("ONEDNN");
			backendDescription = backend.getClass().getSimpleName() + (hasOneDnn ? " (oneDNN)" : " (no oneDNN)");
			return backendDescription;
		} catch (LinkageError | RuntimeException e) {
			throw new IllegalStateException("the deep encoders need ND4J's native library, which could not be loaded "
				+ "on this machine (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e,
				e);
		} finally {
			thread.setContextClassLoader(previous);
		}
	}
}
