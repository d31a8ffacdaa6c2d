package dev.crow.product;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.crow.product");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.crow.product.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theFetcherDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.crow.product.fetch..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crow.product.crawl..", "dev.crow.product.catalog..",
                        "dev.crow.product.search..", "dev.crow.product.image..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheFetcherOpensSocketsOrUsesTheJdkHttpClientForCrawledUrls() {
        noClasses().that().resideOutsideOfPackages("dev.crow.product.fetch..")
                .and().doNotHaveSimpleName("VisionCaptioner")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .check(CLASSES);
    }
}
