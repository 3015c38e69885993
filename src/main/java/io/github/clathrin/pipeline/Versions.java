package io.github.clathrin.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Versions of this tool and the libraries that shape a model's numbers, for the model manifest. */
final class Versions {

	private Versions() {}

	static String self() {
		String v = Versions.class.getPackage().getImplementationVersion();
		return v != null ? v : "development";
	}

	static Map<String, Object> libraries() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("java", Runtime.version().feature());
		m.put("smile", of(smile.math.MathEx.class));
		m.put("imglib2", of(net.imglib2.img.array.ArrayImg.class));
		return m;
	}

	private static String of(Class<?> c) {
		String v = c.getPackage().getImplementationVersion();
		return v != null ? v : "unknown";
	}
}
