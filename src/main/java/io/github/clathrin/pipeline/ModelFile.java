package io.github.clathrin.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

import io.github.clathrin.classifier.Classifier;
import io.github.clathrin.classifier.Classifiers;
import io.github.clathrin.encoders.Encoder;
import io.github.clathrin.encoders.Encoders;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;
import io.github.clathrin.voxels.VoxelConfig;

/**
 * Reads and writes the model file: a zip holding {@code manifest.json} (format version, voxel
 * settings, encoder and classifier names with their parameters, class names, training summary) and
 * one binary part each for the encoder and the classifier state, checked by SHA-256. No Java
 * serialization: every part has a documented layout (docs/formats.md). The same model always
 * gives the same bytes, and files are written atomically.
 */
public final class ModelFile {

	/** The format identifier in the manifest. */
	public static final String FORMAT = "clathrin-classifier-model";
	/** The newest format version this code writes and reads. */
	public static final int FORMAT_VERSION = 1;

	static final String MANIFEST = "manifest.json", ENCODER_PART = "encoder.bin",
		CLASSIFIER_PART = "classifier.bin";

	// A fixed entry time keeps the bytes of a model independent of when it was written.
	private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
		.setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).disableHtmlEscaping().create();

	private ModelFile() {}

	public static void write(Model model, Path file) throws IOException {
		byte[] encoder = state(model.encoder()::writeState);
		byte[] classifier = state(model.classifier()::writeState);

		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", FORMAT);
		manifest.put("formatVersion", FORMAT_VERSION);
		manifest.put("createdBy", "Clathrin Classifier " + Versions.self());
		manifest.put("voxels", voxelsToMap(model.voxels()));
		manifest.put("encoder", part(model.encoder().name(), model.encoder().parameters(), ENCODER_PART, encoder));
		manifest.put("classifier", part(model.classifier().name(), model.classifier().parameters(),
			CLASSIFIER_PART, classifier));
		manifest.put("classNames", model.classNames());
		manifest.put("training", model.training().toMap());
		manifest.put("libraries", Versions.libraries());

		AtomicFiles.write(file, out -> {
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				entry(zip, MANIFEST, GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8));
				entry(zip, ENCODER_PART, encoder);
				entry(zip, CLASSIFIER_PART, classifier);
			}
		});
	}

	public static Model read(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Map<String, Object> manifest = manifest(file, zip);
			check(file, FORMAT.equals(manifest.get("format")), "not a Clathrin Classifier model (format is '"
				+ manifest.get("format") + "')");
			Object v = manifest.get("formatVersion");
			check(file, v instanceof Number, "the manifest has no formatVersion");
			int version = ((Number) v).intValue();
			if (version > FORMAT_VERSION) throw InputException.inFile(file, "this model was written in model format "
				+ version + " by " + manifest.get("createdBy") + "; this version of Clathrin Classifier ("
				+ Versions.self() + ") reads format " + FORMAT_VERSION + " and older. Please update the plugin.");
			check(file, version >= 1, "unknown model format version " + version);

			VoxelConfig voxels = voxelsFromMap(map(file, manifest, "voxels"));
			Map<String, Object> enc = map(file, manifest, "encoder");
			Map<String, Object> cls = map(file, manifest, "classifier");
			Encoder encoder = Encoders.load(string(file, enc, "name"), map(file, enc, "parameters"),
				new DataInputStream(new ByteArrayInputStream(partBytes(file, zip, enc))));
			Classifier classifier = Classifiers.load(string(file, cls, "name"), map(file, cls, "parameters"),
				new DataInputStream(new ByteArrayInputStream(partBytes(file, zip, cls))));
			List<String> classNames = new ArrayList<>();
			Object names = manifest.get("classNames");
			check(file, names instanceof List<?> l && l.size() >= 2, "the manifest needs at least two classNames");
			for (Object o : (List<?>) names) classNames.add(String.valueOf(o));
			Object training = manifest.getOrDefault("training", Map.of());
			return new Model(voxels, encoder, classifier, classNames, TrainingSummary.fromMap(training instanceof Map<?, ?> t
				? t : Map.of()));
		}
		catch (NoSuchFileException e) {
			throw InputException.inFile(file, "model file not found");
		}
		catch (ZipException e) {
			throw InputException.inFile(file, "not a Clathrin Classifier model, or a damaged one (not a readable zip: "
				+ e.getMessage() + ")");
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InputException ie) throw ie;
			throw InputException.inFile(file, "damaged model file: " + e.getMessage());
		}
	}

	/** The manifest of a model file, for `info` and for tools that only need to look. */
	public static Map<String, Object> manifest(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return manifest(file, zip);
		}
		catch (IOException e) {
			throw InputException.inFile(file, "not a readable model file: " + e.getMessage());
		}
	}

	private static Map<String, Object> manifest(Path file, ZipFile zip) throws IOException {
		ZipEntry e = zip.getEntry(MANIFEST);
		check(file, e != null, "not a Clathrin Classifier model: no " + MANIFEST + " inside");
		try (InputStream in = zip.getInputStream(e)) {
			Map<String, Object> m = GSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
				new TypeToken<Map<String, Object>>() {}.getType());
			check(file, m != null, "empty " + MANIFEST);
			return m;
		}
		catch (JsonParseException ex) {
			throw InputException.inFile(file, "damaged " + MANIFEST + ": " + ex.getMessage());
		}
	}

	private static byte[] partBytes(Path file, ZipFile zip, Map<String, Object> part) throws IOException {
		String name = string(file, part, "part");
		ZipEntry e = zip.getEntry(name);
		check(file, e != null, "part " + name + " named in the manifest is missing");
		byte[] bytes;
		try (InputStream in = zip.getInputStream(e)) {
			bytes = in.readAllBytes();
		}
		check(file, sha256(bytes).equals(part.get("sha256")), "part " + name
			+ " does not match its checksum: the file is damaged");
		return bytes;
	}

	private static Map<String, Object> part(String name, Map<String, Object> parameters, String part, byte[] state) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", name);
		m.put("parameters", parameters);
		m.put("part", part);
		m.put("sha256", sha256(state));
		return m;
	}

	static Map<String, Object> voxelsToMap(VoxelConfig v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("grid", List.of(v.nx(), v.ny(), v.nz()));
		m.put("halfSizeNm", List.of(v.halfX(), v.halfY(), v.halfZ()));
		m.put("centring", v.centring().name());
		m.put("binary", v.binary());
		m.put("percentile", Double.isNaN(v.percentile()) ? null : v.percentile());
		m.put("pose", v.pose().name());
		return m;
	}

	static VoxelConfig voxelsFromMap(Map<String, Object> m) {
		List<?> grid = (List<?>) m.get("grid"), half = (List<?>) m.get("halfSizeNm");
		Object p = m.get("percentile"), pose = m.get("pose");
		// Model files written before poses existed voxelized structures as measured.
		return new VoxelConfig(num(grid, 0).intValue(), num(grid, 1).intValue(), num(grid, 2).intValue(),
			num(half, 0).doubleValue(), num(half, 1).doubleValue(), num(half, 2).doubleValue(),
			VoxelConfig.Centring.valueOf((String) m.get("centring")), Boolean.TRUE.equals(m.get("binary")),
			p == null ? Double.NaN : ((Number) p).doubleValue(),
			pose == null ? VoxelConfig.Pose.NONE : VoxelConfig.Pose.valueOf((String) pose));
	}

	private static Number num(List<?> list, int i) {
		return (Number) list.get(i);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Path file, Map<String, Object> m, String key) {
		Object v = m.get(key);
		check(file, v instanceof Map, "the manifest has no '" + key + "' section");
		return (Map<String, Object>) v;
	}

	private static String string(Path file, Map<String, Object> m, String key) {
		Object v = m.get(key);
		check(file, v instanceof String, "the manifest has no '" + key + "'");
		return (String) v;
	}

	private static void check(Path file, boolean ok, String message) {
		if (!ok) throw InputException.inFile(file, message);
	}

	private interface StateWriter {
		void write(DataOutputStream out) throws IOException;
	}

	private static byte[] state(StateWriter writer) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			writer.write(out);
		}
		return bytes.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		ZipEntry e = new ZipEntry(name);
		e.setTimeLocal(ENTRY_TIME);
		zip.putNextEntry(e);
		zip.write(bytes);
		zip.closeEntry();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java platform has SHA-256
		}
	}

	/** Writes the manifest JSON of any map the way model files do (used for evaluation reports too). */
	public static String toJson(Object value) {
		return GSON.toJson(value);
	}
}
