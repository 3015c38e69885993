package io.github.clathrin.structures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StructureSetTest {

	private static Structure s(String key, String label) {
		return new Structure(key, "test", new double[] { 1, 2, 3 }, label);
	}

	@Test
	void helpersCountAndSplitByLabel() {
		StructureSet set = new StructureSet(List.of(s("a", "yes"), s("b", null), s("c", "no"), s("d", "yes")));
		assertEquals(4, set.size());
		assertEquals(List.of("no", "yes"), set.classNames());
		assertEquals(Map.of("yes", 2, "no", 1), set.labelCounts());
		assertEquals(List.of("a", "c", "d"), set.labelled().keys());
		assertEquals(List.of("b"), set.unlabelled().keys());
	}

	@Test
	void multiClassNamesAreSorted() {
		StructureSet set = new StructureSet(List.of(s("1", "table"), s("2", "bed"), s("3", "chair"), s("4", "bed")));
		assertEquals(List.of("bed", "chair", "table"), set.classNames());
	}

	@Test
	void duplicateKeysAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> new StructureSet(List.of(s("a", null), s("a", null))));
	}

	@Test
	void withLabelsKeepsUnnamedLabelsAndWarnsAboutUnknownKeys() {
		StructureSet set = new StructureSet(List.of(s("a", "no"), s("b", null)));
		StructureSet labelled = set.withLabels(Labels.of(Map.of("b", "yes", "zz", "no")));
		assertEquals(List.of("no", "yes"), List.of(labelled.get(0).label(), labelled.get(1).label()));
		assertEquals(1, labelled.warnings().size());
	}
}
