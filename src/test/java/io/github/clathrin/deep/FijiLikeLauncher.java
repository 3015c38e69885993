package io.github.clathrin.deep;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link Nd4jClassLoaderTest}: loads the plugin and its jars through their own
 * class loader, as Fiji does with the jars/ folder, while the thread's context class loader is the
 * bare application loader, which cannot see ND4J. Then starts ND4J and multiplies two small matrices.
 * Arguments: the mode ("runtime": through Nd4jRuntime.start(); "plain": Nd4j first, as code without our
 * fix would; "extension" or "context": plain, but with only the oneDNN platform extension or only the
 * plugin's context class loader set; "split": as {@code ./clathrin imagej} lays ImageJ out, the libraries
 * in one loader, our classes in a child loader, the context class loader seeing the libraries only, and
 * then a deep encoder trained, written and read back, see {@link SplitLoaderRoundTrip}) and a file listing
 * the plugin's class path, one entry per line.
 */
public final class FijiLikeLauncher {

	private FijiLikeLauncher() {}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		List<URL> urls = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(args[1])))
			if (!line.isBlank()) urls.add(Path.of(line).toUri().toURL());
		ClassLoader app = ClassLoader.getSystemClassLoader();
		try {
			app.loadClass("org.nd4j.linalg.factory.Nd4j");
			System.out.println("setup error: the application class loader sees ND4J");
			System.exit(3);
		} catch (ClassNotFoundException expected) {
			// as in Fiji: ND4J is only in the plugin's loader
		}
		Thread.currentThread().setContextClassLoader(app);
		if (mode.equals("split")) {
			split(urls, Path.of(FijiLikeLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
			return;
		}
		try (URLClassLoader plugin = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
			// Diagnostic modes: each half of what Nd4jRuntime does, alone.
			if (mode.equals("extension")) System.setProperty(Nd4jRuntime.PLATFORM_EXTENSION, "-onednn");
			if (mode.equals("context")) Thread.currentThread().setContextClassLoader(plugin);
			if (mode.equals("runtime")) {
				Object backend = plugin.loadClass("io.github.clathrin.deep.Nd4jRuntime").getMethod("start").invoke(null);
				System.out.println("backend: " + backend);
			}
			Class<?> nd4j = plugin.loadClass("org.nd4j.linalg.factory.Nd4j");
			Class<?> array = plugin.loadClass("org.nd4j.linalg.api.ndarray.INDArray");
			Object a = nd4j.getMethod("ones", long[].class).invoke(null, (Object) new long[] { 2, 3 });
			Object b = nd4j.getMethod("ones", long[].class).invoke(null, (Object) new long[] { 3, 2 });
			Object product = array.getMethod("mmul", array).invoke(a, b);
			System.out.println("sum: " + array.getMethod("sumNumber").invoke(product));
			Object info = nd4j.getMethod("getBackend").invoke(null);
			String build = String.valueOf(info.getClass().getMethod("buildInfo").invoke(info));
			System.out.println("backend class: " + info.getClass().getName() + ", oneDNN in build: "
				+ build.toUpperCase().contains("ONEDNN") + ", loaded by the plugin loader: " + (info.getClass().getClassLoader() == plugin));
		}
	}

	private static void split(List<URL> classPath, Path testClasses) throws Exception {
		List<URL> libraries = new ArrayList<>(), ours = new ArrayList<>();
		for (URL u : classPath) (u.getPath().endsWith(".jar") ? libraries : ours).add(u);
		ours.add(testClasses.toUri().toURL());
		try (URLClassLoader libs = new URLClassLoader(libraries.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
			URLClassLoader plugin = new URLClassLoader(ours.toArray(URL[]::new), libs))
		{
			Thread.currentThread().setContextClassLoader(libs);
			System.out.println(plugin.loadClass(SplitLoaderRoundTrip.class.getName()).getMethod("run").invoke(null));
		}
	}
}
