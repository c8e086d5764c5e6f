package org.portico;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph as ENGINEERING.md draws it: modules talk only through each other's published API
 * (root packages), dependencies are declared and acyclic. Writes the module docs (PlantUML and the module
 * canvases) to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PorticoApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}
}
