package io.github.clathrin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering of docs/architecture.md as a test, on the compiled main classes: the packages under
 * io.github.clathrin form no cycle, and only ui and fiji touch AWT, Swing or ImageJ 1.x, so the core
 * runs headless.
 */
class ArchitectureTest {

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.github.clathrin");
	}

	@Test
	void packagesFormNoCycle() {
		slices().matching("io.github.clathrin.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void onlyUiAndFijiUseAwtSwingOrImageJ() {
		noClasses().that().resideOutsideOfPackages("io.github.clathrin.ui..", "io.github.clathrin.fiji..")
			.should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "ij..")
			.because("the core runs headless, in headless Fiji and on the command line").check(classes);
	}
}
