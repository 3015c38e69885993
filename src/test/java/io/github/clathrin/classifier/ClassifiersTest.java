package io.github.clathrin.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClassifiersTest {

	@Test
	void createsByName() {
		assertEquals(List.of("svm", "logistic"), Classifiers.names());
		for (String name : Classifiers.names())
			assertEquals(name, Classifiers.create(name).name());
	}

	/** argmax is registered like the others, so its models load, but is not offered to users. */
	@Test
	void describedAndArgmaxNotOffered() {
		for (String name : List.of("svm", "logistic", "argmax")) {
			String d = Classifiers.description(name);
			assertTrue(!d.isBlank() && !d.equals(name) && !d.contains("\n"), name + ": " + d);
		}
		assertEquals("argmax", Classifiers.create("argmax").name());
		assertTrue(!Classifiers.names().contains("argmax"));
	}

	@Test
	void unknownNameListsKnownOnes() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Classifiers.create("nope"));
		assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("svm") && e.getMessage().contains("logistic"),
			e.getMessage());
	}

	@Test
	void garbageStateIsAnIOException() {
		byte[] garbage = { 0, 3, 's', 'v', 'm', 0x7f, 0x7f, 0x7f, 0x7f };
		IOException e = assertThrows(IOException.class,
			() -> Classifiers.load("svm", Map.of(), new DataInputStream(new ByteArrayInputStream(garbage))));
		assertTrue(e.getMessage().contains("version"), e.getMessage());
		assertThrows(IOException.class,
			() -> Classifiers.load("nope", Map.of(), new DataInputStream(new ByteArrayInputStream(garbage))));
		assertThrows(IOException.class,
			() -> Classifiers.load("logistic", Map.of(), new DataInputStream(new ByteArrayInputStream(new byte[0]))));
	}
}
