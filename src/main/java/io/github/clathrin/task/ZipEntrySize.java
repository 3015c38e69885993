package io.github.clathrin.task;

import java.util.zip.ZipEntry;

/**
 * How many bytes a ZIP entry can really hold, so that readers check a declared row count or array
 * shape before allocating for it: a small file renamed {@code .smlm} or {@code .npz} must not make us
 * allocate gigabytes on its word.
 */
public final class ZipEntrySize {

	/** DEFLATE cannot expand data by more than about 1032:1; some slack for the block headers. */
	static final long MAX_DEFLATE_RATIO = 1100;

	private ZipEntrySize() {}

	/**
	 * The most bytes {@code entry} can inflate to: its declared size, and never more than a stored
	 * entry's compressed size or DEFLATE's largest ratio times it. {@link Long#MAX_VALUE} when the
	 * ZIP says neither (a stream without a central directory).
	 */
	public static long mostBytes(ZipEntry entry) {
		long most = entry.getSize() >= 0 ? entry.getSize() : Long.MAX_VALUE;
		long compressed = entry.getCompressedSize();
		if (compressed >= 0) {
			long bound = entry.getMethod() == ZipEntry.STORED ? compressed
				: compressed > Long.MAX_VALUE / MAX_DEFLATE_RATIO ? Long.MAX_VALUE : compressed * MAX_DEFLATE_RATIO;
			most = Math.min(most, bound);
		}
		return most;
	}
}
