package io.github.clathrin.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The convolutional part shared by the 3D autoencoders and the supervised CNN: per stage a 3D
 * convolution ("same" padding, ReLU) with that many filters followed by max pooling by that factor.
 *
 * @param filters filters of each stage's convolution, e.g. [8, 16]
 * @param pools pooling factor of each stage, or empty to choose from the grid ({@link #poolsFor})
 * @param kernel edge of the cubic convolution kernels (odd, so "same" padding is symmetric)
 */
public record ConvStack(List<Integer> filters, List<Integer> pools, int kernel) {

	/** The study's encoder: 8 then 16 filters, 3^3 kernels, pooling chosen from the grid. */
	public static final ConvStack DEFAULT = new ConvStack(List.of(8, 16), List.of(), 3);

	public ConvStack {
		filters = List.copyOf(filters);
		pools = List.copyOf(pools);
		if (filters.isEmpty()) throw new IllegalArgumentException("filters must list at least one convolution");
		for (int f : filters) if (f < 1) throw new IllegalArgumentException("filters must be at least 1, got " + filters);
		if (!pools.isEmpty() && pools.size() != filters.size())
			throw new IllegalArgumentException("pools must give one factor per convolution (" + filters.size() + "), got " + pools);
		for (int p : pools) if (p < 1) throw new IllegalArgumentException("pools must be at least 1, got " + pools);
		if (kernel < 1 || kernel % 2 == 0) throw new IllegalArgumentException("kernel must be an odd number >= 1, got " + kernel);
	}

	static ConvStack fromOptions(DeepOptions o) {
		return new ConvStack(o.intList("filters", DEFAULT.filters, 1), o.intList("pools", DEFAULT.pools, 1),
			o.intValue("kernel", DEFAULT.kernel, 1));
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
	}
}
