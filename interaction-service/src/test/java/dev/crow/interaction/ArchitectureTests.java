package dev.crow.interaction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.crow.interaction");

    /** The generator ships alone in the synthetic jar that other modules' tests use. */
    @Test
    void theSyntheticDataGeneratorDependsOnTheJdkOnly() {
        classes().that().haveSimpleNameStartingWith("Synthetic").or().haveSimpleName("PlantedPatterns")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.crow.interaction.demo")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotReachIntoEachOtherExceptThroughIngestionsWriter() {
        noClasses().that().resideInAnyPackage("..query..", "..analysis..", "..export..", "..tracker..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingest..", "..demo..")
                .check(CLASSES);
    }

    @Test
    void nothingUsesJpaEntitiesOrTheOtherServicesSchemas() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
                .check(CLASSES);
    }
}
