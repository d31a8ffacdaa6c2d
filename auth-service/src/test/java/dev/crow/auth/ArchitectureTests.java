package dev.crow.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The module's boundaries: features own their tables, controllers speak records. */
@AnalyzeClasses(packages = "dev.crow.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final DescribedPredicate<JavaClass> ENTITY =
            DescribedPredicate.describe("a JPA entity", type -> type.isAnnotatedWith(Entity.class));

    /** Another feature reaches a table only through the owning feature's public classes. */
    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature = classes()
            .that().areAssignableTo(Repository.class).and().areInterfaces()
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule controllersNeverReturnEntities = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should().notHaveRawReturnType(ENTITY);

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("dev.crow.auth.(*)..").should().beFreeOfCycles();

    /** Security and error handling come from the platform starter, never from a copy here. */
    @ArchTest
    static final ArchRule noOwnSecurityOrErrorAdvice = noClasses()
            .should().beAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
            .orShould().beAnnotatedWith(org.springframework.security.config.annotation.web.configuration.EnableWebSecurity.class);
}
