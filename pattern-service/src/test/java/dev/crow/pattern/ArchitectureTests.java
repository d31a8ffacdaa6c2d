package dev.crow.pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.crow.pattern");

    @Test
    void fpGrowthKnowsNothingOfInteractionsOrSpring() {
        noClasses().that().resideInAPackage("..fpgrowth..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crow.pattern.mining..", "org.springframework..",
                        "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void theMinerIsPlainJavaOverAStream() {
        noClasses().that().resideInAPackage("..mining..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..",
                        "dev.crow.pattern.job..", "dev.crow.pattern.catalog..", "dev.crow.pattern.source..")
                .check(CLASSES);
    }

    /** pattern-service reads interactions through interaction-service's API, never its schema or code. */
    @Test
    void interactionsAreReadOnlyThroughTheInternalApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.crow.interaction..").check(CLASSES);
    }
}
