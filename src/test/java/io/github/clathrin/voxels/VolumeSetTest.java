package io.github.clathrin.voxels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.github.clathrin.SharedData;

class VolumeSetTest {

	@Test
	void readsModelNet10() throws IOException {
		var npz = SharedData.file("modelnet10/modelnet10.npz");
		try (NpzReader zip = new NpzReader(npz)) {
			assertTrue(zip.names().containsAll(java.util.List.of("X_train", "y_train", "X_test", "y_test")), zip.names().toString());
			try (NpyReader r = zip.open("X_train")) {
				assertEquals(NpyReader.DType.INT32, r.dtype());
				assertTrue(Arrays.equals(new int[] { 3991, 30, 30, 30 }, r.shape()));
			}
		}
		// Surefire runs with -Xmx512m (pom-scijava), so the 431 MB training set is checked as a stream.
		int[] empty = { 0 };
		for (String split : new String[] { "train", "test" }) {
			int[] count = { 0 };
			try (NpzReader zip = new NpzReader(npz); NpyReader r = zip.open("X_" + split)) {
				VolumeSet.streamVolumes(r, v -> {
					count[0]++;
					assertEquals(30, v.nx());
					assertEquals(30, v.ny());
					assertEquals(30, v.nz());
					float s = 0;
					for (float x : v.data()) {
						assertTrue(x == 0 || x == 1, "ModelNet10 voxels are 0/1");
						s += x;
					}
					if (s == 0) empty[0]++;
				});
			}
			assertEquals(split.equals("train") ? 3991 : 908, count[0]);
		}
		VolumeSet test = VolumeSet.readNpz(npz, "test");
		assertEquals(908, test.size());
		assertEquals(10, test.classNames().size());
		for (int l : test.labels()) assertTrue(l >= 0 && l < 10);
		try (NpzReader zip = new NpzReader(npz); NpyReader r = zip.open("y_train")) {
			long[] labels = r.readAllLongs();
			assertEquals(3991, labels.length);
			for (long l : labels) assertTrue(l >= 0 && l < 10);
		}
		// The data README says 8 shapes are all zeros; this is what the file holds.
		assertEquals(8, empty[0]);
	}
}
