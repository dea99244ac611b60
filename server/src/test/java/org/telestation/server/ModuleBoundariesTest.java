package org.telestation.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Capabilities ({@code security}, {@code directory}, {@code patients}, {@code audit}, {@code platform}, {@code web},
 * {@code demo}, and later {@code booking}…) use each other only through their public API and without cycles
 * (Spring Modulith). Also writes the module documentation (PlantUML component diagrams and module canvases) to
 * {@code docs/modules/}.
 */
class ModuleBoundariesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TelestationServer.class);

    @Test
    void capabilitiesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeDocumentation();
    }
}
