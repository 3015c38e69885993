package io.github.clathrin.encoders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.clathrin.task.Progress;
import io.github.clathrin.voxels.Sample;
import io.github.clathrin.voxels.SampleCopies;

/**
 * Joins the codes of several unsupervised encoders ("lab+pca"), each block standardised with the
 * mean and deviation of the fit samples and scaled by 1/sqrt(block dimension), so that every block
 * weighs the same in the SVM's kernel distance however many dimensions it has. Options: {@code of},
 * the part names joined by '+', and each part's own options as {@code part.key} (e.g.
 * {@code pca.components=20}; on the command line {@code -E concat.pca.components=20}).
 */
public final class ConcatEncoder implements Encoder {

	public static final String NAME = "concat";
	public static final String OF = "of";
	private static final Set<String> LEARNED = Set.of("dimension", "parts");
	private static final int STATE_VERSION = 1;

	private final List<String> partNames;
	private final Map<String, Map<String, Object>> partOptions;
	private List<Encoder> parts;
	private List<Block> blocks;

	private ConcatEncoder(List<String> partNames, Map<String, Map<String, Object>> partOptions) {
		this.partNames = List.copyOf(partNames);
		this.partOptions = partOptions;
	}

	/**
	 * Options: of (required, e.g. "lab+pca"), and part.key for each part's options.
	 *
	 * @throws IllegalArgumentException for a missing or bad "of", an unknown, supervised or repeated
	 *     part, or an option no part has
	 */
	public static ConcatEncoder fromOptions(Map<String, Object> options) {
		Map<String, Object> o = options == null ? Map.of() : options;
		List<String> names = parts(o.get(OF));
		Map<String, Map<String, Object>> perPart = new LinkedHashMap<>();
		for (String n : names) perPart.put(n, new LinkedHashMap<>());
		for (Map.Entry<String, Object> e : o.entrySet()) {
			String key = e.getKey();
			if (key.equals(OF)) continue;
			int dot = key.indexOf('.');
			String part = dot > 0 ? key.substring(0, dot) : null;
			if (part == null || !perPart.containsKey(part))
				throw new IllegalArgumentException("unknown option '" + key + "' for encoder concat; known: of, and "
					+ "part.option for its parts " + names + " (e.g. pca.components=20)");
			perPart.get(part).put(key.substring(dot + 1), e.getValue());
		}
		ConcatEncoder c = new ConcatEncoder(names, perPart);
		c.newParts(); // checks each part's options now, not after a long read
		return c;
	}

	/** The part names of an "of" value: text joined by '+' (or a list of names). */
	public static List<String> parts(Object of) {
		List<String> raw = new ArrayList<>();
		if (of instanceof String s) {
			for (String p : s.split("\\+", -1)) raw.add(p.trim());
		} else if (of instanceof List<?> list) {
			for (Object p : list) raw.add(String.valueOf(p).trim());
		} else {
			throw new IllegalArgumentException("encoder concat needs option of = encoder names joined by '+', e.g. "
				+ "of=lab+pca" + (of == null ? "" : "; got " + of));
		}
		List<String> names = new ArrayList<>();
		for (String p : raw) {
			if (p.isEmpty()) throw new IllegalArgumentException("concat of='" + of + "' has an empty part name");
			if (p.equals(NAME) || p.equals(Encoders.AUTO))
				throw new IllegalArgumentException("concat cannot hold " + p + "; list the encoders themselves, e.g. of=lab+pca");
			if (!Encoders.names().contains(p))
				throw new IllegalArgumentException("concat part '" + p + "' is not an encoder; choose from " + Encoders.names());
			if (Encoders.isSupervised(p))
				throw new IllegalArgumentException("concat cannot hold " + p + ": it learns from labels (supervised), and "
					+ "concat joins unsupervised encoders only");
			if (names.contains(p)) throw new IllegalArgumentException("concat part " + p + " is listed twice in of=" + of);
			names.add(p);
		}
		if (names.size() < 2) throw new IllegalArgumentException("concat needs at least two encoders joined by '+', "
			+ "e.g. of=lab+pca; got of=" + of);
		return names;
	}

	/** The seed a part is fitted with: derived from its name, so a part's fit does not depend on its position. */
	public static long partSeed(long seed, String part) {
		long h = seed ^ (0x9E3779B97F4A7C15L * (part.hashCode() + 1L));
		h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
		h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
		return h ^ (h >>> 31);
	}

	/** The part names, in code order. */
	public List<String> partNames() {
		return partNames;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void fit(List<Sample> samples, long seed, Progress progress) {
		fit(samples, null, seed, progress);
	}

	@Override
	public void fit(List<Sample> samples, SampleCopies augmenter, long seed, Progress progress) {
		if (samples.isEmpty()) throw new IllegalArgumentException("no samples to fit");
		List<Encoder> fitted = newParts();
		List<double[][]> codes = new ArrayList<>();
		for (int i = 0; i < fitted.size(); i++) {
			progress.checkCancelled();
			Encoder part = fitted.get(i);
			Progress p = progress.prefixed("concat part " + (i + 1) + "/" + fitted.size() + " (" + part.name() + "): ");
			if (augmenter == null) part.fit(samples, partSeed(seed, part.name()), p);
			else part.fit(samples, augmenter, partSeed(seed, part.name()), p);
			codes.add(Encoders.encodeAll(part, samples, p));
		}
		int[] all = new int[samples.size()];
		for (int i = 0; i < all.length; i++) all[i] = i;
		setFitted(fitted, blocks(codes, all));
	}

	/**
	 * A concat of parts that are already fitted, with block statistics from their codes of the fit
	 * samples; lets {@code pipeline.AutomaticChoice} reuse the fits it made while scoring.
	 */
	public static ConcatEncoder ofFitted(List<Encoder> fitted, Map<String, Map<String, Object>> partOptions,
		List<double[][]> fitCodes)
	{
		List<String> names = fitted.stream().map(Encoder::name).toList();
		Map<String, Map<String, Object>> perPart = new LinkedHashMap<>();
		for (String n : names) perPart.put(n, new LinkedHashMap<>(partOptions.getOrDefault(n, Map.of())));
		ConcatEncoder c = new ConcatEncoder(names, perPart);
		int[] all = new int[fitCodes.get(0).length];
		for (int i = 0; i < all.length; i++) all[i] = i;
		c.setFitted(List.copyOf(fitted), blocks(fitCodes, all));
		return c;
	}

	/**
	 * The joined codes of all rows, each block standardised with the statistics of {@code fitRows}
	 * only (the inner training rows when {@code pipeline.AutomaticChoice} scores a concat).
	 */
	public static double[][] join(List<double[][]> partCodes, int[] fitRows) {
		List<Block> bs = blocks(partCodes, fitRows);
		int n = partCodes.get(0).length;
		double[][] out = new double[n][];
		double[][] one = new double[bs.size()][];
		for (int i = 0; i < n; i++) {
			for (int b = 0; b < one.length; b++) one[b] = partCodes.get(b)[i];
			out[i] = joinOne(bs, one);
		}
		return out;
	}

	private static List<Block> blocks(List<double[][]> partCodes, int[] fitRows) {
		List<Block> bs = new ArrayList<>();
		for (double[][] codes : partCodes) bs.add(Block.of(codes, fitRows));
		return bs;
	}

	private void setFitted(List<Encoder> fitted, List<Block> bs) {
		this.parts = fitted;
		this.blocks = bs;
	}

	private List<Encoder> newParts() {
		List<Encoder> out = new ArrayList<>();
		for (String n : partNames) {
			try {
				out.add(Encoders.create(n, partOptions.get(n)));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("concat part " + n + ": " + e.getMessage(), e);
			}
		}
		return out;
	}

	@Override
	public double[] encode(Sample sample) {
		List<Encoder> ps = fitted();
		double[][] one = new double[ps.size()][];
		for (int b = 0; b < one.length; b++) one[b] = ps.get(b).encode(sample);
		return joinOne(blocks, one);
	}

	@Override
	public double[][] encodeBatch(List<Sample> batch) {
		List<Encoder> ps = fitted();
		double[][][] codes = new double[ps.size()][][];
		for (int b = 0; b < codes.length; b++) codes[b] = ps.get(b).encodeBatch(batch);
		double[][] out = new double[batch.size()][];
		double[][] one = new double[ps.size()][];
		for (int i = 0; i < out.length; i++) {
			for (int b = 0; b < one.length; b++) one[b] = codes[b][i];
			out[i] = joinOne(blocks, one);
		}
		return out;
	}

	@Override
	public int preferredBatchSize() {
		// A network part wants batches; the others are then encoded one by one within each batch.
		int size = 1;
		for (Encoder p : fitted()) size = Math.max(size, p.preferredBatchSize());
		return size;
	}

	private static double[] joinOne(List<Block> bs, double[][] codes) {
		int d = 0;
		for (Block b : bs) d += b.mean.length;
		double[] out = new double[d];
		int at = 0;
		for (int b = 0; b < codes.length; b++) {
			bs.get(b).applyInto(codes[b], out, at);
			at += bs.get(b).mean.length;
		}
		return out;
	}

	@Override
	public int dimension() {
		int d = 0;
		for (Block b : fittedBlocks()) d += b.mean.length;
		return d;
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(OF, String.join("+", partNames));
		partOptions.forEach((part, opts) -> opts.forEach((k, v) -> m.put(part + "." + k, v)));
		if (parts != null) {
			m.put("dimension", dimension());
			List<Object> ps = new ArrayList<>();
			for (Encoder p : parts) {
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("name", p.name());
				one.put("parameters", p.parameters());
				ps.add(one);
			}
			m.put("parts", ps);
		}
		return m;
	}

	@Override
	public void writeState(DataOutputStream out) throws IOException {
		List<Encoder> ps = fitted();
		EncoderState.writeHeader(out, NAME, STATE_VERSION);
		out.writeInt(ps.size());
		for (int b = 0; b < ps.size(); b++) {
			out.writeUTF(ps.get(b).name());
			// Length-prefixed, so a part's reader can never run into the next part's bytes.
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (DataOutputStream part = new DataOutputStream(bytes)) {
				ps.get(b).writeState(part);
			}
			out.writeInt(bytes.size());
			bytes.writeTo(out);
			EncoderState.writeDoubles(out, blocks.get(b).mean);
			EncoderState.writeDoubles(out, blocks.get(b).std);
		}
	}

	/** Rebuilds a fitted concat from its {@link #parameters()} and {@link #writeState state}. */
	public static ConcatEncoder load(Map<String, Object> parameters, DataInputStream in) throws IOException {
		ConcatEncoder c = Encoders.fromParameters(parameters, LEARNED, NAME, ConcatEncoder::fromOptions);
		List<Map<String, Object>> partParameters = partParameters(parameters.get("parts"), c.partNames);
		EncoderState.readHeader(in, NAME, STATE_VERSION);
		int count = EncoderState.readSize(in, "concat part count", 64);
		if (count != c.partNames.size())
			throw new IOException("concat state holds " + count + " parts, the parameters name " + c.partNames);
		List<Encoder> fitted = new ArrayList<>();
		List<Block> bs = new ArrayList<>();
		for (int b = 0; b < count; b++) {
			String name;
			byte[] bytes;
			try {
				name = in.readUTF();
				bytes = new byte[EncoderState.readSize(in, "concat part " + b + " state length", Integer.MAX_VALUE - 8)];
				in.readFully(bytes);
			} catch (EOFException e) {
				throw new IOException("concat encoder state is truncated in part " + (b + 1), e);
			}
			if (!name.equals(c.partNames.get(b)))
				throw new IOException("concat state part " + (b + 1) + " is " + name + ", the parameters say " + c.partNames.get(b));
			Encoder part = Encoders.load(name, partParameters.get(b),
				new DataInputStream(new ByteArrayInputStream(bytes)));
			int d = part.dimension();
			double[] mean = EncoderState.readDoubles(in, d, "concat " + name + " block means");
			double[] std = EncoderState.readDoubles(in, d, "concat " + name + " block deviations");
			for (double s : std)
				if (!(s > 0) || !Double.isFinite(s)) throw new IOException("concat " + name + " block deviation " + s + " is not positive");
			fitted.add(part);
			bs.add(new Block(mean, std));
		}
		c.setFitted(List.copyOf(fitted), bs);
		Encoders.checkLearned(parameters, "dimension", c.dimension());
		return c;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> partParameters(Object stored, List<String> names) throws IOException {
		List<Map<String, Object>> out = new ArrayList<>();
		if (!(stored instanceof List<?> list) || list.size() != names.size())
			throw new IOException("concat parameters need 'parts', one entry per part of " + names);
		for (int b = 0; b < names.size(); b++) {
			if (!(list.get(b) instanceof Map<?, ?> one) || !names.get(b).equals(one.get("name")))
				throw new IOException("concat parameters: parts entry " + (b + 1) + " is not " + names.get(b));
			Object p = one.get("parameters");
			out.add(p instanceof Map<?, ?> pm ? (Map<String, Object>) pm : Map.of());
		}
		return out;
	}

	private List<Encoder> fitted() {
		if (parts == null) throw new IllegalStateException("concat encoder is not fitted");
		return parts;
	}

	private List<Block> fittedBlocks() {
		if (blocks == null) throw new IllegalStateException("concat encoder is not fitted");
		return blocks;
	}

	/** One part's standardisation: (code - mean) / std / sqrt(dimension). */
	private record Block(double[] mean, double[] std) {

		static Block of(double[][] codes, int[] rows) {
			int d = codes[rows[0]].length;
			double[] mean = new double[d], std = new double[d];
			for (int i : rows)
				for (int j = 0; j < d; j++) mean[j] += codes[i][j];
			for (int j = 0; j < d; j++) mean[j] /= rows.length;
			for (int i : rows)
				for (int j = 0; j < d; j++) {
					double c = codes[i][j] - mean[j];
					std[j] += c * c;
				}
			for (int j = 0; j < d; j++) {
				std[j] = Math.sqrt(std[j] / rows.length);
				// A constant feature (std 0) would divide by zero: keep it at 0 instead.
				if (!(std[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) std[j] = 1;
			}
			return new Block(mean, std);
		}

		void applyInto(double[] code, double[] out, int at) {
			if (code.length != mean.length)
				throw new IllegalStateException("concat part gave " + code.length + " values, expected " + mean.length);
			double scale = 1 / Math.sqrt(mean.length);
			for (int j = 0; j < code.length; j++) out[at + j] = (code[j] - mean[j]) / std[j] * scale;
		}
	}

	/** Offers {@value #NAME} to {@link Encoders} (listed in META-INF/services). */
	public static final class Provider extends EncoderProvider.OfOne {

		public Provider() {
			super(NAME, "several unsupervised encoders side by side (encoder option concat.of=lab+pca)",
				ConcatEncoder::fromOptions, ConcatEncoder::load, LEARNED);
		}

		/** Its one option has no default: the parts are the user's choice. */
		@Override
		public Map<String, Object> options(String name) {
			return Map.of(OF, "PARTS (required, e.g. lab+capfit)");
		}
	}
}
