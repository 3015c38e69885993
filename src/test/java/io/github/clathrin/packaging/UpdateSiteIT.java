package io.github.clathrin.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the update site that {@code mvn -Pupdate-site package} lays out under target/update-site:
 * what Fiji's updater would upload and users would download.
 * <p>
 * An integration test (failsafe, after {@code package}) because it reads the packaged site; the
 * update-site profile passes the site folder in {@code clathrin.updateSite}, and without the profile
 * the test is skipped, so run it with {@code mvn -Pupdate-site verify}.
 */
class UpdateSiteIT {

	/** Jar name prefixes of what Fiji ships itself; shipping them again would shadow Fiji's copies. */
	private static final List<String> FIJI_SHIPS = List.of("ij-", "imglib2-", "scijava-common-",
		"parsington-", "gson-", "commons-io-", "commons-codec-", "commons-csv-", "commons-math3-", "commons-lang3-",
		"commons-compress-", "slf4j-", "fastutil-", "jna-");

	/** What the plugin needs and Fiji does not ship: the Java parts, in jars/. */
	private static final List<String> WE_SHIP = List.of("smile-core-", "smile-base-", "javacpp-",
		"openblas-", "arpack-ng-", "fastdoubleparser-", "picocli-", "org.deeplearning4j.deeplearning4j-nn-", "org.nd4j.nd4j-api-", "org.nd4j.nd4j-native-1");

	/** Updater platform folder for each JavaCPP classifier (scijava-maven-plugin's KnownPlatforms). */
	private static final Map<String, String> PLATFORM_FOLDER = Map.of("linux-x86_64", "linux64",
		"windows-x86_64", "win64", "macosx-x86_64", "macosx", "macosx-arm64", "macosx", "linux-x86_64-onednn", "linux64");

	private static final Pattern CLASSIFIED = Pattern.compile(
		".*-(linux-x86_64-onednn|linux-x86_64|windows-x86_64|macosx-x86_64|macosx-arm64|linux-arm64|linux-ppc64le|windows-x86|linux-x86|android-[^.]+|ios-[^.]+)\\.jar");

	private static Path site;
	private static String version;

	@BeforeAll
	static void findSite() {
		String dir = System.getProperty("clathrin.updateSite");
		assumeTrue(dir != null, "no update site: run mvn -Pupdate-site verify");
		site = Paths.get(dir);
		version = System.getProperty("clathrin.version");
		assertNotNull(version, "the update-site profile passes clathrin.version");
		assertTrue(Files.isDirectory(site), "mvn -Pupdate-site package did not make " + site);
	}

	@Test
	void pluginsHoldsOnlyOurVersionedJar() throws IOException {
		assertEquals(List.of("Clathrin_Classifier-" + version + ".jar"), names(site.resolve("plugins")));
	}

	@Test
	void pluginJarCarriesAWellFormedPluginsConfig() throws IOException {
		try (JarFile jar = new JarFile(pluginJar().toFile())) {
			ZipEntry config = jar.getEntry("plugins.config");
			assertNotNull(config, "ImageJ 1.x finds menu entries in plugins.config at the jar root");
			// menu path, "label", class name with an optional ("argument")
			Pattern line = Pattern.compile("\\s*[^,\"]+,\\s*\"[^\"]+\",\\s*([\\w.$]+)(\\(\".*\"\\))?\\s*");
			Set<String> labels = new TreeSet<>();
			try (BufferedReader in = new BufferedReader(new InputStreamReader(jar.getInputStream(config),
				StandardCharsets.UTF_8)))
			{
				String text;
				while ((text = in.readLine()) != null) {
					if (text.isBlank() || text.startsWith("#")) continue;
					Matcher m = line.matcher(text);
					assertTrue(m.matches(), "plugins.config line not understood by ImageJ: " + text);
					String entryClass = m.group(1).replace('.', '/') + ".class";
					assertNotNull(jar.getEntry(entryClass), "plugins.config names a class not in the jar: " + text);
					String label = text.split("\"")[1];
					assertTrue(labels.add(label), "menu label listed twice: " + label);
				}
			}
		}
	}

	@Test
	void jarsHoldWhatFijiLacks() throws IOException {
		List<String> jars = names(site.resolve("jars"));
		for (String prefix : WE_SHIP) {
			assertTrue(jars.stream().anyMatch(n -> n.startsWith(prefix) && !CLASSIFIED.matcher(n).matches()),
				"jars/ lacks " + prefix + "*.jar: " + jars);
		}
	}

	@Test
	void nothingFijiShipsIsShippedAgain() throws IOException {
		for (Path jar : allJars()) {
			String name = jar.getFileName().toString();
			for (String prefix : FIJI_SHIPS) {
				assertTrue(!name.startsWith(prefix), "Fiji ships " + prefix + "*, we must not: " + site.relativize(jar));
			}
		}
	}

	/**
	 * Fiji's updater knows a jar by its name without the version: a jar of ours named like one of Fiji's
	 * (guava, jackson, ...) would replace Fiji's. Deeplearning4j's generically named jars carry their group.
	 */
	@Test
	void deeplearning4jJarsCarryTheirGroupInTheName() throws IOException {
		List<String> jars = names(site.resolve("jars"));
		for (String generic : List.of("guava-", "jackson-", "resources-", "protobuf-"))
			assertTrue(jars.stream().noneMatch(n -> n.startsWith(generic)), "a jar named " + generic + "*: " + jars);
		assertTrue(jars.contains("org.nd4j.guava-1.0.0-M2.1.jar"), jars.toString());
	}

	@Test
	void nativesLiveInTheUpdatersPlatformFolders() throws IOException {
		for (Path jar : allJars()) {
			String name = jar.getFileName().toString();
			Matcher m = CLASSIFIED.matcher(name);
			if (!m.matches()) {
				assertTrue(jar.getParent().equals(site.resolve("jars")) || jar.getParent().equals(site.resolve("plugins")),
					"platform-neutral jar inside a platform folder: " + site.relativize(jar));
				continue;
			}
			String folder = PLATFORM_FOLDER.get(m.group(1));
			assertNotNull(folder, "natives for a platform we do not support: " + name);
			assertEquals(site.resolve("jars").resolve(folder), jar.getParent(), "natives in the wrong folder: " + name);
		}
		Set<String> folders = Files.list(site.resolve("jars")).filter(Files::isDirectory)
			.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
		assertEquals(new TreeSet<>(PLATFORM_FOLDER.values()), folders);
		List<String> linux = names(site.resolve("jars").resolve("linux64"));
		assertTrue(linux.stream().anyMatch(n -> n.startsWith("nd4j-native-") && n.endsWith("-linux-x86_64-onednn.jar")),
			"ND4J's oneDNN natives missing from jars/linux64: " + linux);
		assertTrue(linux.stream().noneMatch(n -> n.startsWith("nd4j-native-1") && n.endsWith("-linux-x86_64.jar")),
			"the plain ND4J natives (90 MB, 20x slower for 3D convolutions) must not ship: " + linux);
		for (String classifier : PLATFORM_FOLDER.keySet()) {
			if (classifier.endsWith("-onednn")) continue;
			List<String> natives = names(site.resolve("jars").resolve(PLATFORM_FOLDER.get(classifier)));
			for (String lib : List.of("javacpp-", "openblas-")) {
				assertTrue(natives.stream().anyMatch(n -> n.startsWith(lib) && n.endsWith("-" + classifier + ".jar")),
					lib + "natives for " + classifier + " missing: " + natives);
			}
		}
	}

	/**
	 * Spark is a provided dependency of the batch's Spark engine: a cluster brings its own Spark, Scala and Hadoop,
	 * and in Fiji they would be hundreds of MB that no menu uses (and Scala and Hadoop's libraries beside Fiji's).
	 */
	@Test
	void neitherSparkNorScalaNorHadoopIsShipped() throws IOException {
		Pattern name = Pattern.compile("(org\\.apache\\.spark\\.)?(spark|scala|hadoop)[-_].*");
		for (Path path : allJars()) {
			assertTrue(!name.matcher(path.getFileName().toString()).matches(), "shipped: " + site.relativize(path));
			try (JarFile jar = new JarFile(path.toFile())) {
				for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
					String entry = e.nextElement().getName();
					assertTrue(!entry.startsWith("org/apache/spark/") && !entry.startsWith("scala/")
						&& !entry.startsWith("org/apache/hadoop/"), site.relativize(path) + " holds " + entry);
				}
			}
		}
	}

	@Test
	void noClassIsShippedTwice() throws IOException {
		Map<String, List<String>> owners = new TreeMap<>();
		for (Path path : allJars()) {
			try (JarFile jar = new JarFile(path.toFile())) {
				for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
					String name = e.nextElement().getName();
					// Every modular jar has its own module-info; multi-release copies repeat a class on purpose.
					if (!name.endsWith(".class") || name.endsWith("module-info.class")
						|| name.startsWith("META-INF/versions/")) continue;
					owners.computeIfAbsent(name, k -> new ArrayList<>()).add(site.relativize(path).toString());
				}
			}
		}
		assertTrue(owners.size() > 1000, "too few classes found, is the site complete? " + owners.size());
		Map<String, List<String>> twice = owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
		if (!twice.isEmpty()) {
			fail(twice.size() + " classes shipped in more than one jar, for example " +
				twice.entrySet().stream().limit(5).map(e -> e.getKey() + " in " + e.getValue())
					.collect(Collectors.joining("; ")));
		}
	}

	private static Path pluginJar() {
		return site.resolve("plugins").resolve("Clathrin_Classifier-" + version + ".jar");
	}

	private static List<Path> allJars() throws IOException {
		try (Stream<Path> files = Files.walk(site)) {
			return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
		}
	}

	private static List<String> names(Path folder) throws IOException {
		assertTrue(Files.isDirectory(folder), "missing folder " + folder);
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()
				.collect(Collectors.toList());
		}
	}
}
