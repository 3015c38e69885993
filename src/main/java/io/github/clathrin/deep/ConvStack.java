package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The convolutional part shared by the 3D autoencoders and the supervised CNN: per stage a 3D
 * convolution ("same" padding, ReLU) with that many filters followed by max pooling by that factor.
 * Batch normalization (between each convolution and its ReLU) and dropout are off in the study's
 * networks and options for deeper ones.
 *
 * @param filters filters of each stage's convolution, e.g. [8, 16]
 * @param pools pooling factor of each stage, or empty to choose from the grid ({@link #poolsFor})
 * @param kernel edge of the cubic convolution kernels (odd, so "same" padding is symmetric)
 * @param batchNorm normalize each convolution's output over the batch before its ReLU
 * @param dropout share of the dense layers' inputs dropped while training (the flattened convolution
 *     output and every hidden layer); 0 for none
 */
public record ConvStack(List<Integer> filters, List<Integer> pools, int kernel, boolean batchNorm, double dropout) {

	/** The study's encoder: 8 then 16 filters, 3^3 kernels, pooling chosen from the grid. */
	public static final ConvStack DEFAULT = new ConvStack(List.of(8, 16), List.of(), 3);

	/** The option names this record reads. */
	static final Set<String> OPTIONS = Set.of("filters", "pools", "kernel", "batchnorm", "dropout");

	public ConvStack {
		filters = List.copyOf(filters);
		pools = List.copyOf(pools);
		if (filters.isEmpty()) throw new IllegalArgumentException("filters must list at least one convolution");
		for (int f : filters) if (f < 1) throw new IllegalArgumentException("filters must be at least 1, got " + filters);
		if (!pools.isEmpty() && pools.size() != filters.size())
			throw new IllegalArgumentException("pools must give one factor per convolution (" + filters.size() + "), got " + pools);
		for (int p : pools) if (p < 1) throw new IllegalArgumentException("pools must be at least 1, got " + pools);
		if (kernel < 1 || kernel % 2 == 0) throw new IllegalArgumentException("kernel must be an odd number >= 1, got " + kernel);
		if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be a share in [0, 1), got " + dropout);
	}

	/** The study's kind of stack: no batch normalization, no dropout. */
	public ConvStack(List<Integer> filters, List<Integer> pools, int kernel) {
		this(filters, pools, kernel, false, 0);
	}

	/**
	 * Options filters, pools, kernel, batchnorm (true/false, default false) and dropout (share, default 0).
	 */
	static ConvStack fromOptions(DeepOptions o) {
		return new ConvStack(o.intList("filters", DEFAULT.filters, 1), o.intList("pools", DEFAULT.pools, 1),
			o.intValue("kernel", DEFAULT.kernel, 1), o.booleanValue("batchnorm", false), o.doubleValue("dropout", 0, 0, true, 1, false));
	}

	/**
	 * The pooling factors for a grid: the given ones, or 2, ..., 2, 3 when that divides every axis (30^3:
	 * 30 -> 15 -> 5, the study's network), else 2, ..., 2 when that does (32^3: 32 -> 16 -> 8), else
	 * 2, ..., 2, 3 with the grid zero-padded up to a multiple (see {@link ConvGeometry}).
	 */
	List<Integer> poolsFor(int... axes) {
		if (!pools.isEmpty()) return pools;
		List<Integer> twosThenThree = new ArrayList<>();
		List<Integer> twos = new ArrayList<>();
		for (int i = 0; i < filters.size(); i++) {
			twosThenThree.add(i == filters.size() - 1 ? 3 : 2);
			twos.add(2);
		}
		if (divides(product(twosThenThree), axes)) return List.copyOf(twosThenThree);
		if (divides(product(twos), axes)) return List.copyOf(twos);
		return List.copyOf(twosThenThree);
	}

	static int product(List<Integer> factors) {
		int p = 1;
		for (int f : factors) p *= f;
		return p;
	}

	private static boolean divides(int factor, int... axes) {
		for (int a : axes) if (a % factor != 0) return false;
		return true;
	}

	void putOptions(Map<String, Object> m) {
		m.put("filters", filters);
		if (!pools.isEmpty()) m.put("pools", pools);
		m.put("kernel", kernel);
		// Only when set, so the study's manifests stay as they were.
		if (batchNorm) m.put("batchnorm", true);
		if (dropout > 0) m.put("dropout", dropout);
	}
}
